// The real PDF converter (warm LibreOffice) for tests that check what ends up in the PDF.

import { createColdPdf } from '../../.tmp/mine/cold-pdf.ts'; // TEMP until runtime/pdf lands
import type { PdfConverter } from '../../runtime/pdf/convert-to-pdf.ts';

export function createRealPdf(): PdfConverter {
  return createColdPdf() as unknown as PdfConverter;
}
