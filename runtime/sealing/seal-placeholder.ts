// The empty signature a PDF gets before it is signed: /ByteRange and /Contents to fill, /M (the
// signing time PAdES reads) and the Reason naming the envelope. pdf-lib writes strings as Latin-1,
// so the texts are kept to printable ASCII; the certificate carries the company's full name.
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { PDFDocument } from 'pdf-lib';

export interface SealDetails {
  /** e.g. sealReason(envelopeId): verification finds the envelope by it. */
  reason: string;
  name: string;
  location: string;
  contactInfo: string;
  signingTime?: Date;
}

// Room for the CMS: an RSA 4096 certificate chain of a few certificates fits in 12 KB.
export const signatureLength = 12_288;

const ascii = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '?')
    .slice(0, 300);

/**
 * Adds the empty signature to a document being built. The final PDF's composition calls it before
 * its one save, so sealing is only the CMS (a second parse and save of the final PDF was 3-4 ms of
 * a 5 ms seal on the demo contract). Save without object streams afterwards: the /ByteRange
 * placeholder must stay findable as plain text.
 */
export function addSealPlaceholder(document: PDFDocument, details: SealDetails): void {
  pdflibAddPlaceholder({
    pdfDoc: document,
    reason: ascii(details.reason),
    name: ascii(details.name),
    location: ascii(details.location),
    contactInfo: ascii(details.contactInfo),
    signingTime: details.signingTime ?? new Date(),
    signatureLength,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    appName: 'inkflow',
  });
}

export async function placeholderFor(pdf: Uint8Array, details: SealDetails): Promise<Uint8Array> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  addSealPlaceholder(document, details);
  return document.save({ useObjectStreams: false });
}
