// Seals a PDF in the calling thread: a signature placeholder added with pdf-lib (invisible widget,
// ETSI.CAdES.detached), then @signpdf fills it with the CMS over the whole file. A PDF composed
// with its placeholder already in place (the final PDF) only needs signPreparedPdf. Called by the seal
// worker (seal-pdf.ts); tests and benchmarks call it directly.
import { SignPdf } from '@signpdf/signpdf';
import { CadesSigner } from './cades-signer.ts';
import type { OpenedSeal } from './open-seal-p12.ts';
import { placeholderFor, type SealDetails } from './seal-placeholder.ts';

export type { SealDetails };

/** Fills the empty signature a PDF already has (see addSealPlaceholder). */
export async function signPreparedPdf(prepared: Uint8Array, seal: OpenedSeal): Promise<Uint8Array> {
  const buffer = Buffer.from(prepared.buffer, prepared.byteOffset, prepared.byteLength);
  const signed = await new SignPdf().sign(buffer, new CadesSigner(seal.certificateDer, seal.key));
  return new Uint8Array(signed);
}

export async function sealPdfNow(pdf: Uint8Array, seal: OpenedSeal, details: SealDetails): Promise<Uint8Array> {
  return signPreparedPdf(await placeholderFor(pdf, details), seal);
}
