// The envelope a verification points at, as the public may see it: title, ids, times, and each
// party's name, side and signing time. Contact details, IPs and user agents only with `detail`
// (an admin token): the QR code on a contract must not hand anyone the parties' emails.
import type { VerificationEnvelope } from '../../schemas/index.ts';
import type { RuntimeServices } from '../services.ts';

export type EnvelopeLookup = { envelopeId: string } | { finalSha256: string };

export async function loadVerificationEnvelope(
  services: Pick<RuntimeServices, 'database'>,
  lookup: EnvelopeLookup,
  withDetail: boolean,
): Promise<VerificationEnvelope | undefined> {
  const { db } = services.database;
  const query = db
    .selectFrom('envelopes')
    .select(['id', 'document_id', 'title', 'status', 'completed_at', 'sealed_at', 'final_sha256']);
  const envelope = await ('envelopeId' in lookup
    ? query.where('id', '=', lookup.envelopeId)
    : query.where('final_sha256', '=', lookup.finalSha256)
  ).executeTakeFirst();
  if (!envelope) return undefined;
  const signers = await db
    .selectFrom('envelope_signers')
    .select(['name', 'side', 'signed_at', 'email', 'phone', 'code_destination', 'ip', 'user_agent'])
    .where('envelope_id', '=', envelope.id)
    .orderBy('position')
    .execute();
  const summary: VerificationEnvelope = {
    envelopeId: envelope.id,
    documentId: envelope.document_id,
    title: envelope.title,
    status: envelope.status,
    completedAt: envelope.completed_at,
    sealedAt: envelope.sealed_at,
    finalSha256: envelope.final_sha256,
    parties: signers.map((signer) => ({ name: signer.name, side: signer.side, signedAt: signer.signed_at })),
  };
  if (!withDetail) return summary;
  const detail = signers.map((signer) => ({
    name: signer.name,
    side: signer.side,
    email: signer.email,
    phone: signer.phone,
    codeDestination: signer.code_destination,
    ip: signer.ip,
    userAgent: signer.user_agent,
    signedAt: signer.signed_at,
  }));
  return { ...summary, detail: { signers: detail } };
}
