// Puts each signer's signature, stamp and field values into the boxes the template marked. A box
// keeps the image's aspect ratio and centres it; a field's text shrinks to fit its box.
import { type PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import type { MarkBox, SignatureMark } from '../../schemas/index.ts';
import { drawImage, type EmbeddedImage } from './embed-image.ts';
import { type FinalSigner, signerOwnsMark } from './final-pdf-input.ts';
import { clip } from './final-pdf-limits.ts';
import { printable } from './pdf-text-layout.ts';

export interface SignerImages {
  signature: EmbeddedImage;
  stamp: EmbeddedImage | null;
}

function pageBox(page: PDFPage, box: MarkBox): MarkBox {
  // Boxes are relative to the visible page; a crop box may not start at 0,0.
  const crop = page.getCropBox();
  return { ...box, x: box.x + crop.x, y: box.y + crop.y };
}

// The box shows a faint label ("Signature — Company"): covered inside the border, so the value does
// not print over it and a transparent signature does not let it show through. Measured on
// LibreOffice's output: a block box's border lies on the located box's edge (±0.5 pt), a field box's
// about 2 pt inside its top and bottom, so a field is cleared further in.
function clearBox(page: PDFPage, box: MarkBox, kind: SignatureMark['kind']): void {
  const across = Math.min(1.5, box.width / 4);
  const along = Math.min(kind === 'field' ? 2.6 : 1.5, box.height / 4);
  page.drawRectangle({
    x: box.x + across,
    y: box.y + along,
    width: box.width - 2 * across,
    height: box.height - 2 * along,
    color: rgb(1, 1, 1),
  });
}

function drawImageInBox(page: PDFPage, image: EmbeddedImage, box: MarkBox): void {
  const scale = Math.min(box.width / image.width, box.height / image.height);
  const width = image.width * scale;
  const height = image.height * scale;
  drawImage(page, image, {
    x: box.x + (box.width - width) / 2,
    y: box.y + (box.height - height) / 2,
    width,
    height,
  });
}

function drawTextInBox(page: PDFPage, font: PDFFont, value: string, box: MarkBox): void {
  let text = printable(clip(value), font);
  let size = Math.max(5, Math.min(11, box.height * 0.6));
  while (size > 5 && font.widthOfTextAtSize(text, size) > box.width - 2) size -= 0.5;
  while (text.length > 1 && font.widthOfTextAtSize(text, size) > box.width - 2) text = text.slice(0, -1);
  const y = box.y + (box.height - font.heightAtSize(size)) / 2 + size * 0.2;
  page.drawText(text, { x: box.x + 1, y, size, font, color: rgb(0, 0, 0.35) });
}

export interface DrawnMarks {
  /** Signers whose signature went into at least one box. */
  signed: Set<FinalSigner>;
  /** Signers whose stamp went into at least one box. */
  stamped: Set<FinalSigner>;
}

/** Draws every located mark it has a value for, and says whose signature and stamp found a box. */
export function drawMarks(
  pdf: PDFDocument,
  marks: readonly SignatureMark[],
  signers: readonly FinalSigner[],
  images: ReadonlyMap<FinalSigner, SignerImages>,
  font: PDFFont,
): DrawnMarks {
  const signed = new Set<FinalSigner>();
  const stamped = new Set<FinalSigner>();
  const pages = pdf.getPages();
  for (const mark of marks) {
    const page = mark.box ? pages[mark.box.page - 1] : undefined;
    const signer = signers.find((candidate) => signerOwnsMark(candidate, mark));
    if (!mark.box || !page || !signer) continue;
    const box = pageBox(page, mark.box);
    const signerImages = images.get(signer);
    if (mark.kind === 'sign' && signerImages) {
      clearBox(page, box, mark.kind);
      drawImageInBox(page, signerImages.signature, box);
      signed.add(signer);
    } else if (mark.kind === 'stamp' && signerImages?.stamp) {
      clearBox(page, box, mark.kind);
      drawImageInBox(page, signerImages.stamp, box);
      stamped.add(signer);
    } else if (mark.kind === 'field' && mark.field && signer.fields[mark.field] !== undefined) {
      clearBox(page, box, mark.kind);
      drawTextInBox(page, font, signer.fields[mark.field] ?? '', box);
    }
  }
  return { signed, stamped };
}
