// The certificate of completion appended to the signed document: what was signed (ids, the
// original's hash), who signed how and when, signatures that had no box in the document, and a QR
// code to the verify page. Flows onto further pages when many signers do not fit on one.
import { type PDFDocument, type PDFFont, type PDFImage, type PDFPage, rgb } from 'pdf-lib';
import type { FinalPdfInput, FinalSigner } from './final-pdf-input.ts';
import { clip } from './final-pdf-limits.ts';
import type { FinalPdfTexts } from './final-pdf-texts.ts';
import { printable, wrapText } from './pdf-text-layout.ts';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
/** Leaves room for the page stripe at the bottom. */
const BOTTOM = 40;
const WIDTH = A4[0] - 2 * MARGIN;
const LABEL_WIDTH = 120;

export interface CertificateFonts {
  regular: PDFFont;
  bold: PDFFont;
}

class Cursor {
  page: PDFPage;
  y: number;
  constructor(
    private readonly pdf: PDFDocument,
    readonly fonts: CertificateFonts,
  ) {
    this.page = pdf.addPage(A4);
    this.y = A4[1] - MARGIN;
  }
  ensure(height: number): void {
    if (this.y - height >= BOTTOM) return;
    this.page = this.pdf.addPage(A4);
    this.y = A4[1] - MARGIN;
  }
  heading(text: string, size: number): void {
    const lines = wrapText(printable(text, this.fonts.bold), this.fonts.bold, size, WIDTH);
    for (const line of lines) {
      this.ensure(size * 1.4);
      this.y -= size * 1.2;
      this.page.drawText(line, { x: MARGIN, y: this.y, size, font: this.fonts.bold });
    }
    this.y -= size * 0.4;
  }
  field(label: string, value: string | null, none: string): void {
    const size = 9;
    const { regular, bold } = this.fonts;
    const lines = wrapText(printable(clip(value ?? none), regular), regular, size, WIDTH - LABEL_WIDTH);
    this.ensure(size * 1.35 * Math.min(lines.length, 3));
    this.page.drawText(printable(label, bold), {
      x: MARGIN,
      y: this.y - size,
      size,
      font: bold,
      color: rgb(0.3, 0.3, 0.3),
    });
    for (const line of lines) {
      this.ensure(size * 1.35);
      this.y -= size;
      this.page.drawText(line, { x: MARGIN + LABEL_WIDTH, y: this.y, size, font: regular });
      this.y -= size * 0.35;
    }
    this.y -= 2;
  }
  image(image: PDFImage, maxWidth: number, maxHeight: number): void {
    const scale = Math.min(maxWidth / image.width, maxHeight / image.height, 1);
    const width = image.width * scale;
    const height = image.height * scale;
    this.ensure(height + 6);
    this.y -= height + 3;
    this.page.drawImage(image, { x: MARGIN + LABEL_WIDTH, y: this.y, width, height });
    this.y -= 3;
  }
  gap(points: number): void {
    this.y -= points;
  }
}

export interface CertificateSigner {
  signer: FinalSigner;
  /** Set when the document had no sign box of theirs: the signature is shown here instead. */
  signatureBlock: PDFImage | null;
}

function writeSigner(cursor: Cursor, entry: CertificateSigner, texts: FinalPdfTexts): void {
  const { signer, signatureBlock } = entry;
  cursor.ensure(80);
  cursor.heading(`${clip(signer.name)} (${texts.role(signer.side, signer.partyIndex)})`, 11);
  cursor.field(texts.codeSentTo, signer.codeDestination, texts.none);
  cursor.field(texts.consentAt, signer.consentAt, texts.none);
  cursor.field(texts.codeConfirmedAt, signer.codeConfirmedAt, texts.none);
  cursor.field(texts.signedAt, signer.signedAt, texts.none);
  cursor.field(texts.ip, signer.ip, texts.none);
  cursor.field(texts.userAgent, signer.userAgent, texts.none);
  cursor.field(texts.method, signer.signatureMethod, texts.none);
  if (signatureBlock) {
    cursor.field(texts.signature, '', texts.none);
    cursor.image(signatureBlock, 170, 60);
  }
  cursor.gap(10);
}

export function writeCertificate(
  pdf: PDFDocument,
  fonts: CertificateFonts,
  input: FinalPdfInput,
  signers: readonly CertificateSigner[],
  qrCode: PDFImage,
  texts: FinalPdfTexts,
): void {
  const cursor = new Cursor(pdf, fonts);
  cursor.heading(texts.certificate, 18);
  cursor.gap(6);
  cursor.field(texts.title, input.title, texts.none);
  cursor.field(texts.documentId, input.documentId, texts.none);
  cursor.field(texts.envelopeId, input.envelopeId, texts.none);
  cursor.field(texts.sender, input.senderCompany, texts.none);
  cursor.field(texts.originalSha256, input.originalSha256, texts.none);
  cursor.field(texts.completedAt, input.completedAt, texts.none);
  cursor.gap(12);
  cursor.heading(texts.signers, 13);
  for (const entry of signers) writeSigner(cursor, entry, texts);
  cursor.ensure(130);
  cursor.field(texts.verify, input.verifyUrl, texts.none);
  cursor.y -= 104;
  cursor.page.drawImage(qrCode, { x: MARGIN + LABEL_WIDTH, y: cursor.y, width: 100, height: 100 });
}
