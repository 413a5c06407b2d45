// GET /envelopes?dealId=&status=&documentId=: newest first, a page at a time. The cursor is the
// last item's (created_at, id), so pages stay stable while new envelopes arrive.
import type { EnvelopeList, EnvelopeStatus } from '../../schemas/index.ts';
import type { RuntimeServices } from '../services.ts';
import { decodePageCursor, pageOf } from '../storage/newest-first-page.ts';
import { envelopeColumns, type SignerRow, toEnvelope } from './envelope-info.ts';

export interface EnvelopeFilter {
  dealId?: string;
  status?: EnvelopeStatus;
  documentId?: string;
  cursor?: string;
  limit: number;
}

export const envelopeListMaxLimit = 200;

export async function listEnvelopes(services: RuntimeServices, filter: EnvelopeFilter): Promise<EnvelopeList> {
  const { db } = services.database;
  let query = db.selectFrom('envelopes').select(envelopeColumns);
  if (filter.dealId !== undefined) query = query.where('deal_id', '=', filter.dealId);
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  if (filter.documentId !== undefined) query = query.where('document_id', '=', filter.documentId);
  if (filter.cursor !== undefined) {
    const after = decodePageCursor(filter.cursor);
    query = query.where((eb) =>
      eb.or([eb('created_at', '<', after.at), eb.and([eb('created_at', '=', after.at), eb('id', '<', after.id)])]),
    );
  }
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit + 1)
    .execute();
  const { page, nextCursor } = pageOf(rows, filter.limit);
  const signers =
    page.length === 0
      ? []
      : await db
          .selectFrom('envelope_signers')
          .selectAll()
          .where(
            'envelope_id',
            'in',
            page.map((row) => row.id),
          )
          .execute();
  const byEnvelope = new Map<string, SignerRow[]>();
  for (const signer of signers)
    byEnvelope.set(signer.envelope_id, [...(byEnvelope.get(signer.envelope_id) ?? []), signer]);
  const items = page.map((row) => toEnvelope(row, byEnvelope.get(row.id) ?? []));
  return nextCursor ? { items, nextCursor } : { items };
}
