// One-line emissions for the state changes of documents, envelopes, signers and runs, each inside
// the transaction that makes the change. The data is read only when someone subscribed to the
// type; the envelope's id orders an envelope's events (and its document's), so a receiver never
// hears "completed" before "signed".
import type { Kysely } from 'kysely';
import type { DocumentCreatedData, EnvelopeDeclinedData, WebhookEventType } from '../../schemas/index.ts';
import type { RuntimeServices } from '../services.ts';
import type { DatabaseSchema } from '../storage/database-schema.ts';
import { emitWebhookEvent } from './emit-webhook-event.ts';
import {
  completedData,
  documentCreatedData,
  type EnvelopeFacts,
  loadEnvelopeFacts,
  runFailedData,
  webhookSigner,
} from './webhook-event-data.ts';

type Db = Kysely<DatabaseSchema>;
type Services = Pick<RuntimeServices, 'config'>;

export type EnvelopeEventType = Extract<
  WebhookEventType,
  'envelope.sent' | 'envelope.completed' | 'envelope.declined' | 'envelope.expired'
>;
export type SignerEventType = Extract<WebhookEventType, 'signer.viewed' | 'signer.signed' | 'signer.declined'>;

export async function emitDocumentCreated(trx: Db, services: Services, documentId: string, now: Date): Promise<void> {
  let read: Promise<DocumentCreatedData> | undefined;
  const data = () => {
    read ??= documentCreatedData(trx, documentId);
    return read;
  };
  const orderingKey = async () => (await data()).envelopeId ?? documentId;
  await emitWebhookEvent(trx, services, { type: 'document.created', data, orderingKey }, now);
}

function declinedData(facts: EnvelopeFacts, now: Date): EnvelopeDeclinedData {
  const decliner = facts.signers.find((signer) => signer.status === 'declined');
  return {
    envelope: facts.envelope,
    declinedBy: decliner ? webhookSigner(decliner) : null,
    reason: facts.row.declined_reason ?? decliner?.decline_reason ?? null,
    at: now.toISOString(),
  };
}

export async function emitEnvelopeEvent(
  trx: Db,
  services: Services,
  type: EnvelopeEventType,
  envelopeId: string,
  now: Date,
): Promise<void> {
  const load = () => loadEnvelopeFacts(trx, envelopeId);
  const orderingKey = envelopeId;
  const at = now.toISOString();
  if (type === 'envelope.sent') {
    const data = async () => {
      const facts = await load();
      const sentAt = facts.row.sent_at ?? at;
      return {
        envelope: facts.envelope,
        sentAt,
        expiresAt: facts.row.expires_at,
        signers: facts.signers.map(webhookSigner),
      };
    };
    await emitWebhookEvent(trx, services, { type, data, orderingKey }, now);
  } else if (type === 'envelope.completed') {
    const data = async () => completedData(services.config, await load(), now);
    await emitWebhookEvent(trx, services, { type, data, orderingKey }, now);
  } else if (type === 'envelope.declined') {
    const data = async () => declinedData(await load(), now);
    await emitWebhookEvent(trx, services, { type, data, orderingKey }, now);
  } else {
    const data = async () => {
      const facts = await load();
      return { envelope: facts.envelope, expiresAt: facts.row.expires_at, at };
    };
    await emitWebhookEvent(trx, services, { type, data, orderingKey }, now);
  }
}

export async function emitSignerEvent(
  trx: Db,
  services: Services,
  type: SignerEventType,
  signerId: string,
  now: Date,
): Promise<void> {
  const envelopeIdOf = async () => {
    const signer = await trx
      .selectFrom('envelope_signers')
      .select('envelope_id')
      .where('id', '=', signerId)
      .executeTakeFirstOrThrow();
    return signer.envelope_id;
  };
  const data = async () => {
    const envelopeId = await envelopeIdOf();
    const facts = await loadEnvelopeFacts(trx, envelopeId);
    const row = facts.signers.find((candidate) => candidate.id === signerId);
    if (!row) throw new Error(`signer ${signerId} is not in envelope ${envelopeId}`);
    const reason = type === 'signer.declined' && row.decline_reason ? { reason: row.decline_reason } : {};
    return { envelope: facts.envelope, signer: webhookSigner(row), at: now.toISOString(), ...reason };
  };
  await emitWebhookEvent(trx, services, { type, data, orderingKey: envelopeIdOf }, now);
}

/** From settleRun, which has no services: a run whose status just became failed. */
export async function emitRunFailed(trx: Db, runId: string, now: Date): Promise<void> {
  await emitWebhookEvent(
    trx,
    null,
    { type: 'run.failed', data: () => runFailedData(trx, runId, now), orderingKey: runId },
    now,
  );
}
