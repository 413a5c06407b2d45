// The signed document before sealing, composed in the calling thread: the converted original with
// each signer's signature, stamp and field values drawn into the template's marks, a stripe on every
// page naming the envelope, and a certificate of completion at the end. Pure over bytes. The
// runtime calls it through composeFinalPdf (a worker thread), off the event loop.
import { PDFDocument, type PDFFont, rgb } from 'pdf-lib';
import { AppError } from '../errors/app-error.ts';
import { addSealPlaceholder } from '../sealing/seal-placeholder.ts';
import { type CertificateSigner, writeCertificate } from './certificate-pages.ts';
import { drawMarks, type SignerImages } from './draw-marks.ts';
import { embedImage } from './embed-image.ts';
import { embedFinalPdfFonts } from './final-pdf-fonts.ts';
import type { FinalPdfInput, FinalSigner } from './final-pdf-input.ts';
import { checkFinalPdfInput, MAX_FINAL_PAGES } from './final-pdf-limits.ts';
import { finalPdfTexts } from './final-pdf-texts.ts';
import { printable } from './pdf-text-layout.ts';

async function loadOriginal(bytes: Uint8Array): Promise<PDFDocument> {
  let pdf: PDFDocument;
  try {
    pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch (error) {
    throw new AppError(
      'validation',
      'FINAL_PDF_ORIGINAL_INVALID',
      `The original PDF cannot be read: ${(error as Error).message}`,
    );
  }
  if (pdf.getPageCount() > MAX_FINAL_PAGES) {
    throw new AppError('validation', 'FINAL_PDF_TOO_MANY_PAGES', `The document has more than ${MAX_FINAL_PAGES} pages`);
  }
  return pdf;
}

function embedImages(pdf: PDFDocument, signers: readonly FinalSigner[]): Map<FinalSigner, SignerImages> {
  const images = new Map<FinalSigner, SignerImages>();
  for (const signer of signers) {
    try {
      const signature = embedImage(pdf, signer.signaturePng);
      const stamp = signer.stampPng ? embedImage(pdf, signer.stampPng) : null;
      images.set(signer, { signature, stamp });
    } catch (error) {
      const message = `The signature or stamp of ${signer.name} cannot be decoded: ${(error as Error).message}`;
      throw new AppError('validation', 'SIGNATURE_IMAGE_INVALID', message);
    }
  }
  return images;
}

function drawStripes(pdf: PDFDocument, font: PDFFont, input: FinalPdfInput): void {
  const texts = finalPdfTexts(input.language);
  const pages = pdf.getPages();
  const size = 7;
  pages.forEach((page, index) => {
    const text = printable(`${input.envelopeId} · ${texts.page(index + 1, pages.length)}`, font);
    const crop = page.getCropBox();
    const width = font.widthOfTextAtSize(text, size);
    page.drawText(text, {
      x: crop.x + (crop.width - width) / 2,
      y: crop.y + 14,
      size,
      font,
      color: rgb(0.45, 0.45, 0.45),
    });
  });
}

export async function composeFinalPdfNow(input: FinalPdfInput): Promise<Uint8Array> {
  checkFinalPdfInput(input);
  const pdf = await loadOriginal(input.originalPdf);
  const texts = finalPdfTexts(input.language);
  const fixedTexts = [
    ...Object.values(texts).filter((text): text is string => typeof text === 'string'),
    texts.page(999, 999),
    texts.role('counterparty', 50),
  ];
  const { regular, bold } = await embedFinalPdfFonts(pdf, input, fixedTexts);
  const images = embedImages(pdf, input.signers);
  const drawn = drawMarks(pdf, input.marks, input.signers, images, regular);
  const certificateSigners: CertificateSigner[] = input.signers.map((signer) => ({
    signer,
    signatureBlock: drawn.signed.has(signer) ? null : (images.get(signer)?.signature ?? null),
    stampBlock: drawn.stamped.has(signer) ? null : (images.get(signer)?.stamp ?? null),
  }));
  writeCertificate(pdf, { regular, bold }, input, certificateSigners, texts);
  drawStripes(pdf, regular, input);
  if (input.seal) addSealPlaceholder(pdf, input.seal);
  return pdf.save({ useObjectStreams: false });
}
