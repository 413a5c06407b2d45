// GET /envelopes/:id/final.pdf: the sealed PDF of a completed envelope; each download is in the
// trail (who fetched the signed contract, and when).
import { conflict, notFound } from '../errors/app-error.ts';
import type { RuntimeServices } from '../services.ts';
import { appendTrailEntry } from './trail/append-trail-entry.ts';

export interface FinalPdf {
  bytes: Uint8Array;
  fileName: string;
}

export async function readFinalPdf(services: RuntimeServices, envelopeId: string, actor: string): Promise<FinalPdf> {
  const now = services.now();
  return services.database.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('envelopes')
      .select(['status', 'final_pdf', 'title'])
      .where('id', '=', envelopeId)
      .executeTakeFirst();
    if (!row) throw notFound('Envelope', envelopeId);
    if (row.status !== 'completed' || !row.final_pdf) {
      throw conflict(
        'ENVELOPE_NOT_COMPLETED',
        `Envelope ${envelopeId} is ${row.status}; its final PDF exists once everyone has signed`,
      );
    }
    await appendTrailEntry(trx, envelopeId, { kind: 'downloaded', actor }, now);
    return { bytes: row.final_pdf, fileName: `${envelopeId}.pdf` };
  });
}
