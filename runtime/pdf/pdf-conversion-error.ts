// Why a DOCX did not become a PDF. Only bad input is final; every other failure is about the
// converter (a crash, a timeout, a restart, a shutdown) and the same DOCX may succeed on retry.
export type PdfFailureCode =
  | 'PDF_BAD_INPUT' // not a DOCX, or LibreOffice cannot load it
  | 'PDF_TIMEOUT' // the conversion ran past its timeout; the instance was killed and restarted
  | 'PDF_INSTANCE_CRASHED' // soffice died during the conversion; the instance was restarted
  | 'PDF_EXPORT_FAILED' // LibreOffice loaded the document but could not write the PDF
  | 'PDF_UNAVAILABLE' // no LibreOffice instance can start
  | 'PDF_CLOSED'; // the converter was closed before the conversion finished

export class PdfConversionError extends Error {
  readonly code: PdfFailureCode;
  readonly retryable: boolean;

  constructor(code: PdfFailureCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PdfConversionError';
    this.code = code;
    this.retryable = code !== 'PDF_BAD_INPUT';
  }
}

/** A DOCX is a ZIP package; anything else is refused before it reaches LibreOffice. */
export function assertDocxBytes(docx: Uint8Array): void {
  const zipSignature = docx.length >= 4 && docx[0] === 0x50 && docx[1] === 0x4b && docx[2] === 0x03 && docx[3] === 0x04;
  if (!zipSignature) throw new PdfConversionError('PDF_BAD_INPUT', 'the document is not a DOCX (not a ZIP package)');
}
