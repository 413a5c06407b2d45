// The one way the runtime asks for a message to a signer. The caller's transaction gets the
// outbox row (the words, already in the recipient's language) and a durable 'deliver-message' job
// under the same dedupe key, so a message exists exactly when the change that caused it commits,
// and a retried caller (a redelivered job, a double click) queues nothing new.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { RuntimeConfig } from '../config.ts';
import { AppError } from '../errors/app-error.ts';
import { enqueueJob } from '../jobs/enqueue-job.ts';
import type { DatabaseSchema } from '../storage/database-schema.ts';
import { type OutboxAttachment, serializeAttachments } from './outbox-attachments.ts';
import { renderMessage } from './texts/render-message.ts';

export type MessagePurpose = 'invitation' | 'code' | 'reminder' | 'completed' | 'declined' | 'cancelled' | 'expired';

export const messagePurposes: readonly MessagePurpose[] = [
  'invitation',
  'code',
  'reminder',
  'completed',
  'declined',
  'cancelled',
  'expired',
];

export interface MessageRecipient {
  name: string;
  email: string | null;
  phone: string | null;
  language: 'en' | 'pt-BR';
}

export interface MessageContext {
  documentTitle: string;
  senderCompany: string;
  /** ISO; shown as a date in the recipient's language. */
  expiresAt: string | null;
  /** The signer's page (invitation, reminder, code resend): secret. */
  link?: string;
  /** The one-time code (purpose 'code'): secret. */
  code?: string;
  /** Declined / cancelled reason. */
  reason?: string;
  /** Completed: where to download the final PDF when it is not attached. */
  finalPdfLink?: string;
}

export interface QueueMessageRequest {
  envelopeId: string | null;
  signerId: string | null;
  purpose: MessagePurpose;
  recipient: MessageRecipient;
  context: MessageContext;
  /** Completed: attach envelopes.final_pdf of envelopeId, resolved at send time. */
  attachFinalPdf?: boolean;
  /** Default: email when the recipient has one, else sms. */
  channel?: 'email' | 'sms';
  /** Unique per intended message: a retried caller queues nothing new. */
  dedupeKey: string;
}

export interface QueuedMessage {
  /** False when a message with this dedupe key existed (it is returned as it was queued). */
  queued: boolean;
  channel: 'email' | 'sms';
  /** The full address or phone number: for the caller's logic, never for the trail (maskDestination). */
  destination: string;
  messageId: string;
}

export const deliverMessageJob = 'deliver-message';

const maxDedupeKeyLength = 300;
const maxAddressLength = 320;

/** A file name a mail client shows and saves safely: the title's letters, digits and spaces. */
function pdfFilename(title: string): string {
  const base = title
    .replace(/[^\p{L}\p{N} ._-]+/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80);
  return `${base || 'document'} (signed).pdf`;
}

function chooseChannel(request: QueueMessageRequest): { channel: 'email' | 'sms'; destination: string } {
  const email = request.recipient.email?.trim() || null;
  const phone = request.recipient.phone?.trim() || null;
  const wanted = request.channel ?? (email ? 'email' : 'sms');
  const destination = wanted === 'email' ? email : phone;
  if (!destination)
    throw new AppError(
      'validation',
      'SIGNER_UNREACHABLE',
      request.channel
        ? `the recipient has no ${request.channel === 'email' ? 'email address' : 'phone number'} for the ${request.channel} channel`
        : 'the recipient has neither an email address nor a phone number',
    );
  if (destination.length > maxAddressLength || /[\r\n]/.test(destination))
    throw new AppError('validation', 'RECIPIENT_INVALID', 'the recipient address is too long or spans lines');
  return { channel: wanted, destination };
}

/** Inside the caller's transaction: the outbox row + a 'deliver-message' job (same dedupe key). Throws
 *  AppError('validation','SIGNER_UNREACHABLE', …) when the recipient has neither email nor phone. */
export async function queueMessage(
  trx: Kysely<DatabaseSchema>,
  config: RuntimeConfig,
  request: QueueMessageRequest,
  now: Date,
): Promise<QueuedMessage> {
  if (!request.dedupeKey || request.dedupeKey.length > maxDedupeKeyLength)
    throw new AppError(
      'validation',
      'DEDUPE_KEY_INVALID',
      `a message needs a dedupe key of 1..${maxDedupeKeyLength} characters`,
    );
  const dedupeKey = request.dedupeKey;
  const { channel, destination } = chooseChannel(request);
  const existing = await trx
    .selectFrom('outbox')
    .select(['id', 'channel', 'to_address'])
    .where('dedupe_key', '=', dedupeKey)
    .executeTakeFirst();
  if (existing)
    return { queued: false, channel: existing.channel, destination: existing.to_address, messageId: existing.id };

  const attach = channel === 'email' && request.attachFinalPdf === true && request.envelopeId !== null;
  const attachments: OutboxAttachment[] = attach
    ? [
        {
          kind: 'final_pdf',
          envelopeId: request.envelopeId as string,
          filename: pdfFilename(request.context.documentTitle),
        },
      ]
    : [];
  const rendered = renderMessage(request.purpose, request.recipient, request.context, channel, attach);
  const id = randomUUID();
  const inserted = await trx
    .insertInto('outbox')
    .values({
      id,
      envelope_id: request.envelopeId,
      signer_id: request.signerId,
      purpose: request.purpose,
      channel,
      to_address: destination,
      language: request.recipient.language === 'pt-BR' ? 'pt-BR' : 'en',
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      attachments: serializeAttachments(attachments),
      dedupe_key: dedupeKey,
      status: 'queued',
      provider: null,
      provider_id: null,
      attempts: 0,
      last_error: null,
      created_at: now.toISOString(),
      sent_at: null,
    })
    .onConflict((conflict) => conflict.column('dedupe_key').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) {
    // A concurrent caller with the same key committed first (PostgreSQL waited for it).
    const row = await trx
      .selectFrom('outbox')
      .select(['id', 'channel', 'to_address'])
      .where('dedupe_key', '=', dedupeKey)
      .executeTakeFirstOrThrow();
    return { queued: false, channel: row.channel, destination: row.to_address, messageId: row.id };
  }
  await enqueueJob(
    trx,
    {
      kind: deliverMessageJob,
      runId: null,
      payload: { messageId: id },
      dedupeKey: `${deliverMessageJob}:${dedupeKey}`,
      maxAttempts: 8,
    },
    now,
  );
  // config is part of the contract for callers; the channel's provider is chosen at send time.
  void config;
  return { queued: true, channel, destination, messageId: id };
}
