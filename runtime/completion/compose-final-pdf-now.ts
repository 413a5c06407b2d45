// The signed document before sealing, composed in the calling thread: the converted original with
// each signer's signature, stamp and field values drawn into the template's marks, a stripe on every
// page naming the envelope, and a certificate of completion at the end. Pure over bytes. It takes
// 70-350 ms on the demo contract, so the runtime calls it through composeFinalPdf (a worker thread).
import { readFile } from 'node:fs/promises';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, rgb } from 'pdf-lib';
import QRCode from 'qrcode';
import { AppError } from '../errors/app-error.ts';
import { type CertificateSigner, writeCertificate } from './certificate-pages.ts';
import { drawMarks, type SignerImages } from './draw-marks.ts';
import type { FinalPdfInput, FinalSigner } from './final-pdf-input.ts';
import { checkFinalPdfInput, MAX_FINAL_PAGES } from './final-pdf-limits.ts';
import { finalPdfTexts } from './final-pdf-texts.ts';
import { printable } from './pdf-text-layout.ts';

const FONT_DIR = '/usr/share/fonts/truetype/dejavu';
let fontFiles: Promise<[Buffer, Buffer]> | undefined;

function loadFontFiles(): Promise<[Buffer, Buffer]> {
  fontFiles ??= Promise.all([readFile(`${FONT_DIR}/DejaVuSans.ttf`), readFile(`${FONT_DIR}/DejaVuSans-Bold.ttf`)]);
  return fontFiles;
}

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

async function embedImages(pdf: PDFDocument, signers: readonly FinalSigner[]): Promise<Map<FinalSigner, SignerImages>> {
  const images = new Map<FinalSigner, SignerImages>();
  for (const signer of signers) {
    try {
      const signature = await pdf.embedPng(signer.signaturePng);
      const stamp = signer.stampPng ? await pdf.embedPng(signer.stampPng) : null;
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
  pdf.registerFontkit(fontkit);
  const [regularFile, boldFile] = await loadFontFiles();
  const regular = await pdf.embedFont(regularFile, { subset: true });
  const bold = await pdf.embedFont(boldFile, { subset: true });
  const images = await embedImages(pdf, input.signers);
  const drawn = drawMarks(pdf, input.marks, input.signers, images, regular);
  const certificateSigners: CertificateSigner[] = input.signers.map((signer) => ({
    signer,
    signatureBlock: drawn.signed.has(signer) ? null : (images.get(signer)?.signature ?? null),
    stampBlock: drawn.stamped.has(signer) ? null : (images.get(signer)?.stamp ?? null),
  }));
  const qrPng = await QRCode.toBuffer(input.verifyUrl, {
    type: 'png',
    margin: 1,
    width: 200,
    errorCorrectionLevel: 'M',
  });
  const qrCode = await pdf.embedPng(qrPng);
  writeCertificate(pdf, { regular, bold }, input, certificateSigners, qrCode, finalPdfTexts(input.language));
  drawStripes(pdf, regular, input);
  return pdf.save({ useObjectStreams: false });
}
