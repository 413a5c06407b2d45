// GET /api/v1/outbox: the messages to signers, newest first, a page at a time (admin only: the
// text holds links and codes). Without SMTP_URL this is the mailbox: a newcomer follows the links
// from here. The cursor is the last item's (created_at, id), so pages stay stable while new
// messages arrive.
import type { Selectable } from 'kysely';
import type { OutboxMessage, OutboxMessageList } from '../../schemas/index.ts';
import type { RuntimeServices } from '../services.ts';
import type { OutboxTable } from '../storage/database-schema.ts';
import { decodePageCursor, pageOf } from '../storage/newest-first-page.ts';
import { parseAttachments } from './outbox-attachments.ts';

export const outboxListMaxLimit = 200;
export const outboxStatuses: readonly OutboxMessage['status'][] = ['queued', 'sent', 'failed', 'recorded'];
export { messagePurposes as outboxPurposes } from './queue-message.ts';

export interface OutboxFilter {
  envelopeId?: string;
  to?: string;
  purpose?: OutboxMessage['purpose'];
  status?: OutboxMessage['status'];
  cursor?: string;
  limit: number;
}

function attachmentNames(raw: string): string[] {
  try {
    return parseAttachments(raw).map((attachment) => attachment.filename);
  } catch {
    return [];
  }
}

export function toOutboxMessage(row: Selectable<OutboxTable>): OutboxMessage {
  const attachments = attachmentNames(row.attachments);
  return {
    id: row.id,
    envelopeId: row.envelope_id,
    signerId: row.signer_id,
    purpose: row.purpose as OutboxMessage['purpose'],
    channel: row.channel,
    to: row.to_address,
    language: row.language === 'pt-BR' ? 'pt-BR' : 'en',
    subject: row.subject,
    text: row.text,
    status: row.status,
    provider: row.provider,
    attempts: Number(row.attempts),
    ...(attachments.length > 0 ? { attachments } : {}),
    createdAt: row.created_at,
    sentAt: row.sent_at,
    lastError: row.last_error,
  };
}

export async function listOutboxMessages(services: RuntimeServices, filter: OutboxFilter): Promise<OutboxMessageList> {
  let query = services.database.db.selectFrom('outbox').selectAll();
  if (filter.envelopeId !== undefined) query = query.where('envelope_id', '=', filter.envelopeId);
  if (filter.to !== undefined) query = query.where('to_address', '=', filter.to);
  if (filter.purpose !== undefined) query = query.where('purpose', '=', filter.purpose);
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  if (filter.cursor !== undefined) {
    const after = decodePageCursor(filter.cursor);
    query = query.where((eb) =>
      eb.or([eb('created_at', '<', after.at), eb.and([eb('created_at', '=', after.at), eb('id', '<', after.id)])]),
    );
  }
  const limit = Math.min(Math.max(1, filter.limit), outboxListMaxLimit);
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const { page, nextCursor } = pageOf(rows, limit);
  const items = page.map(toOutboxMessage);
  return nextCursor ? { items, nextCursor } : { items };
}
