// Reads an envelope's trail and checks its chain: each entry's hash must be the hash of its own
// stored values, and its prev_hash the hash of the entry before. The first mismatch is reported.
import type { Kysely } from 'kysely';
import type { EnvelopeTrail, TrailEntry, TrailKind } from '../../../schemas/index.ts';
import type { DatabaseSchema } from '../../storage/database-schema.ts';
import { firstPrevHash, trailHash } from './trail-hash.ts';

/** An envelope's events are few (tens); the bound keeps a runaway loop from answering megabytes. */
const maxEntries = 5000;

export async function readTrail(db: Kysely<DatabaseSchema>, envelopeId: string): Promise<EnvelopeTrail> {
  const rows = await db
    .selectFrom('envelope_trail')
    .selectAll()
    .where('envelope_id', '=', envelopeId)
    .orderBy('seq', 'asc')
    .limit(maxEntries)
    .execute();
  let brokenAt: number | undefined;
  let prevHash = firstPrevHash;
  const entries: TrailEntry[] = [];
  for (const [index, row] of rows.entries()) {
    const expected = trailHash({
      envelopeId,
      seq: row.seq,
      at: row.at,
      kind: row.kind,
      actor: row.actor,
      signerId: row.signer_id,
      details: row.details,
      prevHash: row.prev_hash,
    });
    const chained = row.prev_hash === prevHash && row.seq === index + 1;
    if (brokenAt === undefined && (!chained || expected !== row.hash)) brokenAt = row.seq;
    prevHash = row.hash;
    entries.push({
      seq: row.seq,
      at: row.at,
      kind: row.kind as TrailKind,
      actor: row.actor,
      signerId: row.signer_id,
      details: parseDetails(row.details),
      prevHash: row.prev_hash,
      hash: row.hash,
    });
  }
  return brokenAt === undefined ? { intact: true, entries } : { intact: false, brokenAt, entries };
}

function parseDetails(text: string): TrailEntry['details'] {
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as TrailEntry['details'];
  } catch {
    // A row whose details are not JSON was tampered with; the hash check above reports it.
  }
  return { unreadable: text.slice(0, 200) };
}
