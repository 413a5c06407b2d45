// The one entry point for sealing a final PDF with the instance's seal (STYLE §8: the key source
// behind it is a PKCS#12 today, an HSM tomorrow). The PKCS#12 is opened once per seal and kept.
// Runs in the calling thread: on the demo contract a seal is a few milliseconds of CPU (RSA and
// SHA-256 in node:crypto; pdf-lib's load and save dominate; see test/bench/signing.bench.ts), and
// the caller, the seal-envelope job, already runs on a worker, off any request.
import { type OpenedSeal, openSealP12 } from './open-seal-p12.ts';
import type { SealIdentity } from './seal-identity.ts';
import { type SealDetails, sealPdfNow, signPreparedPdf } from './seal-pdf-now.ts';

export type { SealDetails };

const opened = new Map<string, OpenedSeal>();

function openedSeal(identity: SealIdentity): OpenedSeal {
  let seal = opened.get(identity.fingerprintSha256);
  if (!seal) {
    seal = openSealP12(identity.p12, identity.password);
    opened.set(identity.fingerprintSha256, seal);
  }
  return seal;
}

export function sealPdf(pdf: Uint8Array, identity: SealIdentity, details: SealDetails): Promise<Uint8Array> {
  return sealPdfNow(pdf, openedSeal(identity), details);
}

/** Seals a PDF that already holds its empty signature (composed with FinalPdfInput.seal). */
export function sealPreparedPdf(prepared: Uint8Array, identity: SealIdentity): Promise<Uint8Array> {
  return signPreparedPdf(prepared, openedSeal(identity));
}
