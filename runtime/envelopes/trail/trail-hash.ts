// The hash that chains a trail entry to the one before it. Computed over a canonical line of the
// entry's stored values, so that changing any of them (or the order) changes every later hash.
import { createHash } from 'node:crypto';

export const firstPrevHash = '0'.repeat(64);

export interface HashedFields {
  envelopeId: string;
  seq: number;
  at: string;
  kind: string;
  actor: string;
  signerId: string | null;
  /** The stored JSON text of the details, exactly as written. */
  details: string;
  prevHash: string;
}

export function trailHash(fields: HashedFields): string {
  const line = JSON.stringify([
    fields.envelopeId,
    fields.seq,
    fields.at,
    fields.kind,
    fields.actor,
    fields.signerId,
    fields.details,
    fields.prevHash,
  ]);
  return createHash('sha256').update(line).digest('hex');
}
