// Row shapes of the tables. JSON columns hold documents whose shapes live in schemas/; they are
// stored as text so that SQLite and PostgreSQL share one migration set and one query layer.
import type { ColumnType, Generated } from 'kysely';

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
}
