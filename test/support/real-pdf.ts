// The real PDF converter (warm LibreOffice) for tests that check what ends up in the PDF. Each
// test file closes its own, which kills its soffice instances.
import { createPdfConverter, type PdfConverter } from '../../runtime/pdf/convert-to-pdf.ts';

export function createRealPdf(): PdfConverter {
  return createPdfConverter({ provider: 'warm', instances: 1, timeoutMs: 60_000 });
}
