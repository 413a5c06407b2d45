// Appends one event to an envelope's audit trail inside the caller's transaction. The trail is
// append-only: the next seq follows the last one and carries its hash, so an entry changed or
// removed later breaks the chain (read-trail.ts). The envelope row is locked first (a no-op
// update), so that two transactions appending to one envelope take turns instead of both taking
// the same seq: on PostgreSQL the second waits for the first to commit and then reads its entry.
import type { Kysely } from 'kysely';
import type { TrailKind } from '../../../schemas/index.ts';
import type { DatabaseSchema } from '../../storage/database-schema.ts';
import { firstPrevHash, trailHash } from './trail-hash.ts';

export type TrailDetails = Readonly<Record<string, string | number | boolean | null>>;

export interface TrailEvent {
  kind: TrailKind;
  /** 'system', an API token's name ('token:<name>'), or 'signer:<signer id>'. */
  actor: string;
  signerId?: string | null;
  /** Never a token, a link or a one-time code. */
  details?: TrailDetails;
}

const maxDetailLength = 1000;

function boundDetails(details: TrailDetails | undefined): string {
  const bounded: Record<string, string | number | boolean | null> = {};
  for (const [key, value] of Object.entries(details ?? {})) {
    bounded[key] =
      typeof value === 'string' && value.length > maxDetailLength ? value.slice(0, maxDetailLength) : value;
  }
  return JSON.stringify(bounded);
}

export async function appendTrailEntry(
  db: Kysely<DatabaseSchema>,
  envelopeId: string,
  event: TrailEvent,
  now: Date,
): Promise<number> {
  await db.updateTable('envelopes').set({ updated_at: now.toISOString() }).where('id', '=', envelopeId).execute();
  const last = await db
    .selectFrom('envelope_trail')
    .select(['seq', 'hash'])
    .where('envelope_id', '=', envelopeId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? firstPrevHash;
  const row = {
    envelope_id: envelopeId,
    seq,
    at: now.toISOString(),
    kind: event.kind,
    actor: event.actor,
    signer_id: event.signerId ?? null,
    details: boundDetails(event.details),
    prev_hash: prevHash,
  };
  const hash = trailHash({
    envelopeId,
    seq,
    at: row.at,
    kind: row.kind,
    actor: row.actor,
    signerId: row.signer_id,
    details: row.details,
    prevHash,
  });
  await db
    .insertInto('envelope_trail')
    .values({ ...row, hash })
    .execute();
  return seq;
}
