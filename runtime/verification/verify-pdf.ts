// Whether a PDF carries this instance's seal, unchanged. The last signature's CMS must name our
// certificate (else: unknown), its ByteRange must end at the end of the file, the SHA-256 of the
// signed ranges must equal the messageDigest attribute, and the RSA signature over the signed
// attributes must hold (else: modified). Pure CPU over bytes: the ASN.1 read is a few KB; the
// hashing and the search over up to 30 MB go a megabyte at a time (sliced-scan.ts), so the event
// loop stays free for other requests.
import { verify, X509Certificate } from 'node:crypto';
import type { SealIdentity } from '../sealing/seal-identity.ts';
import { findLastSignature } from './find-signature.ts';
import { readCms } from './read-cms.ts';
import { sha256InSlices } from './sliced-scan.ts';
import { looksLikePdf, maxVerifyBytes, notAPdf, tooLargeToVerify } from './verify-limits.ts';

export type VerificationVerdict = 'intact' | 'modified' | 'unknown';

export interface VerificationOutcome {
  result: VerificationVerdict;
  /** Why, in one stable word: sealed, no_signature, unreadable_signature, other_signer, changed_after_sealing, bytes_added, digest_mismatch, signature_invalid. */
  reason: string;
  sealedByThisInstance: boolean;
  /** The envelope the signature's Reason names (trust it only as a hint when not intact). */
  envelopeId: string | undefined;
  signingTime: string | undefined;
  sha256: string;
}

export async function verifyPdf(bytes: Uint8Array, identity: SealIdentity): Promise<VerificationOutcome> {
  if (bytes.length > maxVerifyBytes) throw tooLargeToVerify();
  if (!looksLikePdf(bytes)) throw notAPdf();
  const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const sha256 = (await sha256InSlices([file])).toString('hex');
  const base = { sha256, envelopeId: undefined, signingTime: undefined, sealedByThisInstance: false };
  const found = await findLastSignature(file);
  if (!found) return { ...base, result: 'unknown', reason: 'no_signature' };
  const hints = { envelopeId: found.envelopeId, signingTime: found.signingTime };
  const cms = readCms(found.contents);
  if (!cms) return { ...base, ...hints, result: 'unknown', reason: 'unreadable_signature' };
  const ours = Buffer.from(identity.certificateDer).equals(cms.signerCertificateDer);
  if (!ours) return { ...base, ...hints, result: 'unknown', reason: 'other_signer' };
  const sealed = { ...base, ...hints, sealedByThisInstance: true };
  const [, firstLength, second, secondLength] = found.byteRange;
  if (second + secondLength !== file.length) return { ...sealed, result: 'modified', reason: 'bytes_added' };
  const digest = await sha256InSlices([file.subarray(0, firstLength), file.subarray(second, second + secondLength)]);
  if (!cms.messageDigest?.equals(digest)) return { ...sealed, result: 'modified', reason: 'digest_mismatch' };
  const publicKey = new X509Certificate(cms.signerCertificateDer).publicKey;
  if (!verify('sha256', cms.signedAttributes, publicKey, cms.signature)) {
    return { ...sealed, result: 'modified', reason: 'signature_invalid' };
  }
  return { ...sealed, result: 'intact', reason: 'sealed' };
}
