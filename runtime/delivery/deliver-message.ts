// The 'deliver-message' job: hands one outbox row to its channel (SMTP, an SMS gateway, or none:
// then the outbox is the mailbox, status 'recorded') and records the outcome: the row, the trail
// entry and the job's completion commit in ONE transaction.
//
// Guarantee: a queued message is handed to its channel at least once and recorded as delivered
// exactly once. The row's status is read first and every update requires status 'queued', so
// once the "sent" transaction commits no retry, reclaimed lease or duplicate job sends it again.
// The one window left is a crash between the server's accept and that commit: the retry sends
// again with the same Message-ID (<outbox id@inkflow>), so the receiver can recognise it.
import type { Kysely, Selectable } from 'kysely';
import type { SendMailOptions } from 'nodemailer';
import { appendTrailEntry } from '../envelopes/trail/append-trail-entry.ts';
import { JobError } from '../jobs/job-error.ts';
import type { JobContext, JobHandler, JobRow } from '../jobs/job-types.ts';
import type { RuntimeServices } from '../services.ts';
import type { DatabaseSchema, OutboxTable } from '../storage/database-schema.ts';
import { maskDestination } from './mask-destination.ts';
import { parseAttachments } from './outbox-attachments.ts';
import { smsGateway } from './sms-gateway.ts';
import { isPermanentSmtpError, smtpTransport } from './smtp-transport.ts';

type OutboxRow = Selectable<OutboxTable>;

const maxErrorLength = 500;
/** Most mail servers refuse messages over 20–25 MB, and base64 adds a third. */
const maxAttachmentBytes = 15 * 1024 * 1024;

export function outboxMessageId(outboxId: string): string {
  return `<${outboxId}@inkflow>`;
}

function payloadMessageId(job: JobRow): string {
  const payload: unknown = JSON.parse(job.payload);
  const id = (payload as { messageId?: unknown } | null)?.messageId;
  if (typeof id !== 'string' || id.length === 0 || id.length > 100)
    throw new JobError('MESSAGE_PAYLOAD_INVALID', 'the job names no outbox message', { retryable: false });
  return id;
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const reply = (error as { responseCode?: unknown } | null)?.responseCode;
  return `${text.replace(/\s+/g, ' ')}${typeof reply === 'number' ? ` (SMTP ${reply})` : ''}`.slice(0, maxErrorLength);
}

async function trail(
  trx: Kysely<DatabaseSchema>,
  row: OutboxRow,
  kind: 'delivered' | 'delivery_failed',
  details: Record<string, string | number>,
  now: Date,
): Promise<void> {
  if (!row.envelope_id) return;
  // Never the text, subject or address: the text holds the link or the code.
  await appendTrailEntry(
    trx,
    row.envelope_id,
    {
      kind,
      actor: 'system',
      signerId: row.signer_id,
      details: { to: maskDestination(row.to_address), purpose: row.purpose, message: row.id, ...details },
    },
    now,
  );
}

/** The row's attachment references as bytes. A final PDF not there yet may be a commit in flight: retried. */
async function mailAttachments(services: RuntimeServices, row: OutboxRow): Promise<SendMailOptions['attachments']> {
  const attachments: NonNullable<SendMailOptions['attachments']> = [];
  for (const reference of parseAttachments(row.attachments)) {
    const envelope = await services.database.db
      .selectFrom('envelopes')
      .select(['final_pdf'])
      .where('id', '=', reference.envelopeId)
      .executeTakeFirst();
    if (!envelope)
      throw new JobError('ATTACHMENT_MISSING', `envelope ${reference.envelopeId} is gone`, { retryable: false });
    if (!envelope.final_pdf)
      throw new JobError('FINAL_PDF_MISSING', `envelope ${reference.envelopeId} has no final PDF yet`, {
        retryable: true,
      });
    if (envelope.final_pdf.byteLength > maxAttachmentBytes)
      throw new JobError('ATTACHMENT_TOO_LARGE', `the final PDF is over ${maxAttachmentBytes} bytes`, {
        retryable: false,
      });
    attachments.push({
      filename: reference.filename,
      content: Buffer.from(envelope.final_pdf),
      contentType: 'application/pdf',
    });
  }
  return attachments;
}

interface Delivered {
  status: 'sent' | 'recorded';
  provider: string;
  providerId: string | null;
}

async function deliver(services: RuntimeServices, row: OutboxRow): Promise<Delivered> {
  if (row.channel === 'sms') {
    const gateway = smsGateway(services.config);
    if (!gateway) return { status: 'recorded', provider: 'outbox', providerId: null };
    try {
      const sent = await gateway.send(row.to_address, row.text);
      return { status: 'sent', provider: gateway.name, providerId: sent.providerId };
    } catch (error) {
      throw new JobError('SMS_UNAVAILABLE', errorText(error), { retryable: true });
    }
  }
  const { smtpUrl, smtpFrom } = services.config.delivery;
  if (!smtpUrl) return { status: 'recorded', provider: 'outbox', providerId: null };
  const attachments = await mailAttachments(services, row);
  const messageId = outboxMessageId(row.id);
  try {
    const info = await smtpTransport(smtpUrl).sendMail({
      from: smtpFrom,
      to: row.to_address,
      subject: row.subject,
      text: row.text,
      ...(row.html ? { html: row.html } : {}),
      messageId,
      attachments,
      headers: { 'Auto-Submitted': 'auto-generated', 'Content-Language': row.language },
      // Never read files or URLs named in a message: its values come from CRM data.
      disableFileAccess: true,
      disableUrlAccess: true,
    });
    return { status: 'sent', provider: 'smtp', providerId: info.messageId || messageId };
  } catch (error) {
    const permanent = isPermanentSmtpError(error);
    throw new JobError(permanent ? 'SMTP_REJECTED' : 'SMTP_UNAVAILABLE', errorText(error), { retryable: !permanent });
  }
}

async function recordDelivered(
  services: RuntimeServices,
  row: OutboxRow,
  job: JobRow,
  delivered: Delivered,
  context: JobContext,
): Promise<void> {
  const now = services.now();
  await services.database.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('outbox')
      .set({
        status: delivered.status,
        provider: delivered.provider,
        provider_id: delivered.providerId,
        attempts: job.attempts,
        last_error: null,
        sent_at: now.toISOString(),
      })
      .where('id', '=', row.id)
      .where('status', '=', 'queued')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 1)
      await trail(trx, row, 'delivered', { channel: delivered.status === 'recorded' ? 'outbox' : row.channel }, now);
    await context.complete(trx);
  });
}

async function recordFailure(
  services: RuntimeServices,
  row: OutboxRow,
  job: JobRow,
  error: JobError,
  final: boolean,
): Promise<void> {
  const now = services.now();
  const lastError = `${error.code}: ${error.message}`.slice(0, 1000);
  await services.database.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('outbox')
      .set({ attempts: job.attempts, last_error: lastError, ...(final ? { status: 'failed' as const } : {}) })
      .where('id', '=', row.id)
      .where('status', '=', 'queued')
      .executeTakeFirst();
    if (final && Number(updated.numUpdatedRows) === 1)
      await trail(trx, row, 'delivery_failed', { channel: row.channel, error: error.code }, now);
  });
}

export function deliverMessageHandler(services: RuntimeServices): JobHandler {
  return async (job, context) => {
    const id = payloadMessageId(job);
    const row = await services.database.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
    // Gone, or settled by an earlier run of this job that committed: nothing to send again.
    if (row?.status !== 'queued') {
      await services.database.db.transaction().execute((trx) => context.complete(trx));
      return;
    }
    let delivered: Delivered;
    try {
      delivered = await deliver(services, row);
    } catch (caught) {
      const error =
        caught instanceof JobError ? caught : new JobError('DELIVERY_ERROR', errorText(caught), { retryable: true });
      // The last attempt's transient error is final too: the row must not stay 'queued' for ever.
      await recordFailure(services, row, job, error, !error.retryable || job.attempts >= job.max_attempts);
      throw error;
    }
    // If this commit fails after a send, the retry finds the row queued and sends again with the
    // same Message-ID (see the header comment).
    await recordDelivered(services, row, job, delivered, context);
  };
}
