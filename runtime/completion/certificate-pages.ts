// The certificate of completion appended to the signed document: what was signed (ids, the
// original's hash), who signed how and when, signatures that had no box in the document, and a QR
// code to the verify page. Flows onto further pages when many signers do not fit on one.
import { type PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { drawQrCode } from './draw-qr-code.ts';
import { drawImage, type EmbeddedImage } from './embed-image.ts';
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
  /** A label (wrapped in its column) and its value (wrapped in the rest of the line). */
  field(label: string, value: string | null, none: string): void {
    const size = 9;
    const step = size * 1.35;
    const { regular, bold } = this.fonts;
    const labels = wrapText(printable(label, bold), bold, size, LABEL_WIDTH - 8);
    const values = wrapText(printable(clip(value ?? none), regular), regular, size, WIDTH - LABEL_WIDTH);
    const rows = Math.max(labels.length, values.length);
    this.ensure(step * Math.min(rows, 3));
    for (let row = 0; row < rows; row++) {
      this.ensure(step);
      this.y -= size;
      const labelLine = labels[row];
      if (labelLine) {
        const grey = rgb(0.3, 0.3, 0.3);
        this.page.drawText(labelLine, { x: MARGIN, y: this.y, size, font: bold, color: grey });
      }
      const valueLine = values[row];
      if (valueLine) this.page.drawText(valueLine, { x: MARGIN + LABEL_WIDTH, y: this.y, size, font: regular });
      this.y -= step - size;
    }
    this.y -= 2;
  }

  /** Images side by side in the value column, each scaled down to fit its slot, labelled on the left. */
  images(label: string, row: ReadonlyArray<{ image: EmbeddedImage; maxWidth: number; maxHeight: number }>): void {
    const sized = row.map(({ image, maxWidth, maxHeight }) => {
      const scale = Math.min(maxWidth / image.width, maxHeight / image.height, 1);
      return { image, width: image.width * scale, height: image.height * scale, slot: maxWidth };
    });
    const height = Math.max(0, ...sized.map((entry) => entry.height));
    this.ensure(height + 6);
    const grey = rgb(0.3, 0.3, 0.3);
    const { bold } = this.fonts;
    this.page.drawText(printable(label, bold), { x: MARGIN, y: this.y - 9, size: 9, font: bold, color: grey });
    this.y -= height + 3;
    let x = MARGIN + LABEL_WIDTH;
    for (const entry of sized) {
      drawImage(this.page, entry.image, { x, y: this.y, width: entry.width, height: entry.height });
      x += entry.slot + 12;
    }
    this.y -= 3;
  }
  gap(points: number): void {
    this.y -= points;
  }
}

export interface CertificateSigner {
  signer: FinalSigner;
  /** Set when the document had no sign box of theirs: the signature is shown here instead. */
  signatureBlock: EmbeddedImage | null;
  /** Likewise for a stamp the document had no stamp box for. */
  stampBlock: EmbeddedImage | null;
}

function writeSigner(cursor: Cursor, entry: CertificateSigner, texts: FinalPdfTexts): void {
  const { signer, signatureBlock, stampBlock } = entry;
  cursor.ensure(80);
  cursor.heading(`${clip(signer.name)} (${texts.role(signer.side, signer.partyIndex)})`, 11);
  cursor.field(texts.codeSentTo, signer.codeDestination, texts.none);
  cursor.field(texts.consentAt, signer.consentAt, texts.none);
  cursor.field(texts.codeConfirmedAt, signer.codeConfirmedAt, texts.none);
  cursor.field(texts.signedAt, signer.signedAt, texts.none);
  cursor.field(texts.ip, signer.ip, texts.none);
  cursor.field(texts.userAgent, signer.userAgent, texts.none);
  cursor.field(texts.method, signer.signatureMethod, texts.none);
  const blocks = [
    ...(signatureBlock ? [{ image: signatureBlock, maxWidth: 170, maxHeight: 60 }] : []),
    ...(stampBlock ? [{ image: stampBlock, maxWidth: 60, maxHeight: 60 }] : []),
  ];
  if (blocks.length > 0) {
    const label = [signatureBlock ? texts.signature : '', stampBlock ? texts.stamp : ''].filter(Boolean).join(' / ');
    cursor.images(label, blocks);
  }
  cursor.gap(10);
}

export function writeCertificate(
  pdf: PDFDocument,
  fonts: CertificateFonts,
  input: FinalPdfInput,
  signers: readonly CertificateSigner[],
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
  drawQrCode(cursor.page, input.verifyUrl, { x: MARGIN + LABEL_WIDTH, y: cursor.y, size: 100 });
}
