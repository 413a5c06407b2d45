// Envelope, signer, document and run rows → the data of webhook events. Only ids, statuses, the
// document's type and title, the deal and each signer's name, side and order: never a link, a
// token, a code, an email address or a phone number (schemas/webhook-event.schema.json says why).
import type { Kysely } from 'kysely';
import type {
  DocumentCreatedData,
  EnvelopeCompletedData,
  RunFailedData,
  RunMessage,
  WebhookEnvelope,
  WebhookSigner,
} from '../../schemas/index.ts';
import type { RuntimeConfig } from '../config.ts';
import type { EnvelopeRow, SignerRow } from '../envelopes/envelope-info.ts';
import { loadEnvelope } from '../envelopes/load-envelope.ts';
import { verifyLink } from '../envelopes/signing-link.ts';
import type { DatabaseSchema } from '../storage/database-schema.ts';

type Db = Kysely<DatabaseSchema>;

export interface EnvelopeFacts {
  row: EnvelopeRow;
  envelope: WebhookEnvelope;
  signers: SignerRow[];
}

export function webhookSigner(row: SignerRow): WebhookSigner {
  return {
    signerId: row.id,
    name: row.name,
    side: row.side,
    position: row.position,
    turn: row.turn,
    partyIndex: row.party_index,
    status: row.status,
    contactId: row.contact_id,
    employeeId: row.employee_id,
  };
}

export async function loadEnvelopeFacts(db: Db, envelopeId: string): Promise<EnvelopeFacts> {
  const { envelope: row, signers } = await loadEnvelope(db, envelopeId);
  const document = await db
    .selectFrom('documents')
    .select('document_type')
    .where('id', '=', row.document_id)
    .executeTakeFirstOrThrow();
  const envelope: WebhookEnvelope = {
    envelopeId: row.id,
    documentId: row.document_id,
    documentType: document.document_type,
    title: row.title,
    dealId: row.deal_id,
    pipelineId: row.pipeline_id,
    runId: row.run_id,
    status: row.status,
  };
  return { row, envelope, signers };
}

/** Where an API client downloads the sealed PDF (GET with a client or admin token). */
export function finalPdfUrl(config: RuntimeConfig, envelopeId: string): string {
  return `${config.publicUrl}/api/v1/envelopes/${encodeURIComponent(envelopeId)}/final.pdf`;
}

export function completedData(config: RuntimeConfig, facts: EnvelopeFacts, now: Date): EnvelopeCompletedData {
  return {
    envelope: facts.envelope,
    completedAt: facts.row.completed_at ?? now.toISOString(),
    finalPdfUrl: finalPdfUrl(config, facts.row.id),
    finalSha256: facts.row.final_sha256 ?? '',
    verifyUrl: verifyLink(config, facts.row.id),
    signers: facts.signers.map(webhookSigner),
  };
}

export async function documentCreatedData(db: Db, documentId: string): Promise<DocumentCreatedData> {
  const document = await db
    .selectFrom('documents')
    .select(['id', 'document_type', 'deal_id', 'run_id', 'rule_name', 'created_at'])
    .where('id', '=', documentId)
    .executeTakeFirstOrThrow();
  const envelope = await db
    .selectFrom('envelopes')
    .select(['id', 'title'])
    .where('document_id', '=', documentId)
    .executeTakeFirst();
  return {
    documentId: document.id,
    documentType: document.document_type,
    title: envelope?.title ?? null,
    dealId: document.deal_id,
    runId: document.run_id,
    ruleName: document.rule_name,
    envelopeId: envelope?.id ?? null,
    createdAt: document.created_at,
  };
}

const maxRunErrors = 20;

export async function runFailedData(db: Db, runId: string, now: Date): Promise<RunFailedData> {
  const run = await db
    .selectFrom('runs')
    .select(['id', 'event_id', 'deal_id', 'pipeline_id', 'errors'])
    .where('id', '=', runId)
    .executeTakeFirstOrThrow();
  const errors = (JSON.parse(run.errors) as RunMessage[]).slice(-maxRunErrors).map((error) => ({
    code: error.code,
    message: error.message.slice(0, 500),
    ...(error.ruleName ? { ruleName: error.ruleName } : {}),
  }));
  return {
    runId: run.id,
    eventId: run.event_id,
    dealId: run.deal_id,
    pipelineId: run.pipeline_id,
    errors,
    at: now.toISOString(),
  };
}
