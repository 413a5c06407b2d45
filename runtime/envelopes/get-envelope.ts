// GET /envelopes/:id: the envelope with its signers and its trail, checked link by link.
import type { EnvelopeDetail } from '../../schemas/index.ts';
import type { RuntimeServices } from '../services.ts';
import { toEnvelope } from './envelope-info.ts';
import { loadEnvelope } from './load-envelope.ts';
import { readTrail } from './trail/read-trail.ts';

export async function getEnvelope(services: RuntimeServices, envelopeId: string): Promise<EnvelopeDetail> {
  const { db } = services.database;
  const { envelope, signers } = await loadEnvelope(db, envelopeId);
  return { envelope: toEnvelope(envelope, signers), trail: await readTrail(db, envelopeId) };
}
