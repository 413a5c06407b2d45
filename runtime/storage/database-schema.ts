// Row shapes of the tables. JSON columns hold documents whose shapes live in schemas/; they are
// stored as text so that SQLite and PostgreSQL share one migration set and one query layer.
import type { ColumnType, Generated } from 'kysely';
import type {
  WebhookAttemptsTable,
  WebhookDeliveriesTable,
  WebhookEventsTable,
  WebhookPreviousSecretsTable,
  WebhookSubscriptionsTable,
} from './webhook-tables.ts';

export type * from './webhook-tables.ts';

export interface ApiTokensTable {
  id: string;
  name: string;
  role: 'admin' | 'client' | 'analyst';
  token_hash: string;
  created_at: string;
}

export interface PipelinesTable {
  id: string;
  name: string;
  /** Pipeline document (schemas/pipeline.schema.json). */
  document: string;
  updated_at: string;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface EmployeesTable {
  id: string;
  name: string;
  email: string;
  role: string;
}

export interface FlowsTable {
  id: string;
  pipeline_id: string;
  name: string;
  /** Flow document being edited (schemas/flow.schema.json). */
  draft: string;
  draft_updated_at: string;
  active_version: number | null;
  created_at: string;
}

export interface FlowVersionsTable {
  flow_id: string;
  version: number;
  document: string;
  rule_set: string;
  published_at: string;
  /** Why it was published, and the name of the token that did (null before migration 0004). */
  message: ColumnType<string | null, string | null | undefined, string | null>;
  published_by: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface TemplatesTable {
  id: string;
  document_type: string;
  name: string;
  file_name: string;
  content: Uint8Array;
  size: number;
  sha256: string;
  placeholders: string;
  /** Signature marks without positions (schemas/signature-marks.schema.json); '[]' before 0005. */
  marks: ColumnType<string, string | undefined, string>;
  created_at: string;
}

export interface EventsTable {
  event_id: string;
  run_id: string;
  payload: string;
  received_at: string;
}

export interface RunsTable {
  id: string;
  event_id: string;
  pipeline_id: string;
  deal_id: string;
  status: 'accepted' | 'running' | 'completed' | 'failed';
  plan: string | null;
  warnings: string;
  errors: string;
  created_at: string;
  updated_at: string;
}

export interface JobsTable {
  id: Generated<number>;
  run_id: string | null;
  kind: string;
  payload: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  attempts: number;
  max_attempts: number;
  run_at: number;
  locked_by: string | null;
  lock_expires_at: number | null;
  last_error: string | null;
  dedupe_key: string;
  created_at: string;
  updated_at: string;
}

export interface DocumentsTable {
  id: string;
  run_id: string | null;
  deal_id: string;
  document_type: string;
  template_id: string;
  rule_name: string | null;
  /** Unique per intended document: a retried job finds the row and makes nothing new. */
  action_key: string;
  status: 'ready';
  docx: Uint8Array;
  pdf: Uint8Array;
  /** The signers and signing settings, ready for the signing step. */
  signing: string;
  /** The deal snapshot the document was rendered from, for reuse. */
  deal: string;
  warnings: string;
  /** Signature marks with their boxes in the PDF (schemas/signature-marks.schema.json). */
  marks: ColumnType<string, string | undefined, string>;
  created_at: string;
}

export type EnvelopeStatusColumn =
  | 'draft'
  | 'sent'
  | 'partially_signed'
  | 'sealing'
  | 'completed'
  | 'declined'
  | 'expired'
  | 'cancelled';

export interface EnvelopesTable {
  id: string;
  document_id: string;
  deal_id: string;
  pipeline_id: string | null;
  run_id: string | null;
  title: string;
  sender_company: string;
  language: 'en' | 'pt-BR';
  signing_order: 'companyFirst' | 'clientsFirst' | 'parallel';
  status: EnvelopeStatusColumn;
  link_expiry_days: number;
  expires_at: string | null;
  reminder_days: number | null;
  original_sha256: string;
  final_pdf: Uint8Array | null;
  final_sha256: string | null;
  sealed_at: string | null;
  declined_reason: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
  completed_at: string | null;
}

export interface EnvelopeSignersTable {
  id: string;
  envelope_id: string;
  position: number;
  turn: number;
  side: 'company' | 'counterparty';
  party_index: number;
  name: string;
  email: string | null;
  phone: string | null;
  language: 'en' | 'pt-BR';
  employee_id: string | null;
  contact_id: string | null;
  user_id: string | null;
  status: 'waiting' | 'sent' | 'viewed' | 'code_confirmed' | 'signed' | 'declined';
  /** SHA-256 (hex) of the link's token; the token itself is never stored. */
  token_hash: string | null;
  token_issued_at: string | null;
  sent_at: string | null;
  viewed_at: string | null;
  consent_at: string | null;
  consent_version: string | null;
  /** SHA-256 (hex) of the envelope-salted one-time code. */
  code_hash: string | null;
  code_expires_at: string | null;
  code_attempts: ColumnType<number, number | undefined, number>;
  code_sends: ColumnType<number, number | undefined, number>;
  /** 1 after too many wrong codes, until a new link is sent. */
  code_locked: ColumnType<number, number | undefined, number>;
  code_channel: 'email' | 'sms' | null;
  code_destination: string | null;
  code_confirmed_at: string | null;
  /** SHA-256 of the signer page's session cookie, set when the code is confirmed. */
  session_hash: string | null;
  /** Requested field values, JSON object. */
  fields: ColumnType<string, string | undefined, string>;
  signature_png: Uint8Array | null;
  signature_method: 'typed' | 'drawn' | 'uploaded' | null;
  stamp_png: Uint8Array | null;
  signed_at: string | null;
  declined_at: string | null;
  decline_reason: string | null;
  ip: string | null;
  user_agent: string | null;
  updated_at: string;
}

export interface ReplacedSignerTokensTable {
  token_hash: string;
  signer_id: string;
  replaced_at: string;
}

export interface EnvelopeTrailTable {
  envelope_id: string;
  seq: number;
  at: string;
  kind: string;
  actor: string;
  signer_id: string | null;
  /** JSON object of scalar details (never a token or a code). */
  details: string;
  prev_hash: string;
  hash: string;
}

export interface OutboxTable {
  id: string;
  envelope_id: string | null;
  signer_id: string | null;
  /** invitation, code, reminder, completed, declined, … */
  purpose: string;
  channel: 'email' | 'sms';
  to_address: string;
  language: string;
  subject: string;
  text: string;
  html: string | null;
  /** JSON array describing attachments (e.g. the final PDF by envelope id), resolved at send time. */
  attachments: ColumnType<string, string | undefined, string>;
  dedupe_key: string;
  status: 'queued' | 'sent' | 'failed' | 'recorded';
  provider: string | null;
  provider_id: string | null;
  attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

/** The CRM connector's last sight of a deal (runtime/crm/bitrix24/sync-bitrix24-deal-job.ts). */
export interface CrmDealsTable {
  connector: string;
  deal_id: string;
  pipeline_id: string | null;
  /** The inkflow stage last turned into an event; null until then. */
  stage_id: string | null;
  crm_stage_id: string | null;
  /** The CRM's modification time of the snapshot seen, so that an older one never wins. */
  crm_modified_at: string | null;
  changes: ColumnType<number, number | undefined, number>;
  updated_at: string;
}

export interface RunActionsTable {
  run_id: string;
  action_node_id: string;
  kind: 'moveDeal' | 'callWebhook';
  rule_name: string;
  status: 'queued' | 'done' | 'failed';
  attempts: ColumnType<number, number | undefined, number>;
  /** What the action did (schemas/api.schema.json runAction.outcome), JSON; null until done. */
  outcome: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface FlowWebhookSecretsTable {
  flow_id: string;
  secret: string;
  created_at: string;
}

export interface DatabaseSchema {
  api_tokens: ApiTokensTable;
  pipelines: PipelinesTable;
  settings: SettingsTable;
  employees: EmployeesTable;
  flows: FlowsTable;
  flow_versions: FlowVersionsTable;
  templates: TemplatesTable;
  events: EventsTable;
  runs: RunsTable;
  jobs: JobsTable;
  documents: DocumentsTable;
  envelopes: EnvelopesTable;
  envelope_signers: EnvelopeSignersTable;
  envelope_trail: EnvelopeTrailTable;
  replaced_signer_tokens: ReplacedSignerTokensTable;
  outbox: OutboxTable;
  webhook_subscriptions: WebhookSubscriptionsTable;
  webhook_previous_secrets: WebhookPreviousSecretsTable;
  webhook_events: WebhookEventsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
  crm_deals: CrmDealsTable;
  run_actions: RunActionsTable;
  flow_webhook_secrets: FlowWebhookSecretsTable;
}
