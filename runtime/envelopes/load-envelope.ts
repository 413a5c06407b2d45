// Reads an envelope with its signers inside a transaction (or outside one), or says it is unknown.
import type { Kysely } from 'kysely';
import { notFound } from '../errors/app-error.ts';
import type { DatabaseSchema } from '../storage/database-schema.ts';
import { type EnvelopeRow, envelopeColumns, type SignerRow } from './envelope-info.ts';

export interface LoadedEnvelope {
  envelope: EnvelopeRow;
  signers: SignerRow[];
}

export async function loadEnvelope(db: Kysely<DatabaseSchema>, envelopeId: string): Promise<LoadedEnvelope> {
  const envelope = await db
    .selectFrom('envelopes')
    .select(envelopeColumns)
    .where('id', '=', envelopeId)
    .executeTakeFirst();
  if (!envelope) throw notFound('Envelope', envelopeId);
  const signers = await db
    .selectFrom('envelope_signers')
    .selectAll()
    .where('envelope_id', '=', envelopeId)
    .orderBy('position', 'asc')
    .execute();
  return { envelope, signers };
}

/** Locks the envelope's row for the rest of the transaction (a no-op write), then reads it. */
export async function lockEnvelope(db: Kysely<DatabaseSchema>, envelopeId: string, now: Date): Promise<LoadedEnvelope> {
  await db.updateTable('envelopes').set({ updated_at: now.toISOString() }).where('id', '=', envelopeId).execute();
  return loadEnvelope(db, envelopeId);
}
