// Seals a PDF in the calling thread: a signature placeholder added with pdf-lib (invisible widget,
// ETSI.CAdES.detached), then @signpdf fills it with the CMS over the whole file. Called by the seal
// worker (seal-pdf.ts); tests and benchmarks call it directly.
import { SignPdf } from '@signpdf/signpdf';
import { CadesSigner } from './cades-signer.ts';
import type { OpenedSeal } from './open-seal-p12.ts';
import { placeholderFor, type SealDetails } from './seal-placeholder.ts';

export type { SealDetails };

export async function sealPdfNow(pdf: Uint8Array, seal: OpenedSeal, details: SealDetails): Promise<Uint8Array> {
  const prepared = await placeholderFor(pdf, details);
  const signed = await new SignPdf().sign(Buffer.from(prepared), new CadesSigner(seal.certificateDer, seal.key));
  return new Uint8Array(signed);
}
