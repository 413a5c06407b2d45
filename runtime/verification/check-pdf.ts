// POST /verify and the /verify page: a PDF in, the verdict and the envelope it belongs to out.
// intact → the envelope whose sealed PDF has this very SHA-256; modified → the envelope the seal's
// Reason names (the file changed, so its hash finds nothing); unknown → no envelope. An intact file
// whose hash no envelope holds (sealed, then the row's PDF replaced) falls back to the Reason too.
import type { VerificationResult } from '../../schemas/index.ts';
import { loadSealIdentity } from '../sealing/seal-identity.ts';
import type { RuntimeServices } from '../services.ts';
import { loadVerificationEnvelope } from './load-verification-envelope.ts';
import { verifyPdf } from './verify-pdf.ts';

export async function checkPdf(
  services: RuntimeServices,
  bytes: Uint8Array,
  withDetail: boolean,
): Promise<VerificationResult> {
  const outcome = await verifyPdf(bytes, await loadSealIdentity(services));
  const byHash =
    outcome.result === 'intact'
      ? await loadVerificationEnvelope(services, { finalSha256: outcome.sha256 }, withDetail)
      : undefined;
  // The Reason lies inside the signed bytes: trustworthy when intact, a hint when modified.
  const byReason =
    !byHash && outcome.result !== 'unknown' && outcome.envelopeId
      ? await loadVerificationEnvelope(services, { envelopeId: outcome.envelopeId }, withDetail)
      : undefined;
  const envelope = byHash ?? byReason;
  return {
    result: outcome.result,
    reason: outcome.reason,
    sealedByThisInstance: outcome.sealedByThisInstance,
    sealedAt: envelope?.sealedAt ?? (outcome.sealedByThisInstance ? (outcome.signingTime ?? null) : null),
    sha256: outcome.sha256,
    envelope: envelope ?? null,
  };
}
