// Reads a template upload (multipart/form-data: text fields and one file part `file`) with busboy,
// holding the file in memory up to maxFileBytes. Anything else is a 4xx that says what to send.
// Every stream involved (the request, busboy, the file part) can fail on its own when a body is
// cut short or the client goes away: each error settles the one promise once, as a 400, and never
// reaches the process as an unhandled 'error' event.
import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import { AppError, validationError } from '../errors/app-error.ts';
import { findUnsafeJson, unsafeJsonError } from '../http/find-unsafe-json.ts';

export const maxTemplateBytes = 10 * 1024 * 1024;
// Room for the form's other parts and boundaries on top of the file itself.
const formOverheadBytes = 64 * 1024;

export interface TemplateUpload {
  fields: Record<string, string>;
  file: { fileName: string; bytes: Uint8Array } | undefined;
}

function tooLarge(maxFileBytes: number): AppError {
  const megabytes = (maxFileBytes / (1024 * 1024)).toFixed(0);
  return new AppError(
    'payload_too_large',
    'TEMPLATE_TOO_LARGE',
    `The template is larger than ${megabytes} MB; upload a smaller .docx (compress its images)`,
  );
}

function notMultipart(): AppError {
  return new AppError(
    'unsupported_media_type',
    'MULTIPART_REQUIRED',
    'Send the template as multipart/form-data with the fields documentType (and optionally name, id) and the file in a part named "file"',
  );
}

function unreadable(error: Error): AppError {
  return validationError(
    'MULTIPART_INVALID',
    `The multipart body cannot be read (${error.message}): send the whole form, ending with its closing boundary`,
  );
}

// The form's text (fields and the file's name) is stored and printed like a JSON body's: the same checks.
function unsafeText(upload: TemplateUpload): AppError | undefined {
  const text = { ...upload.fields, ...(upload.file ? { file: upload.file.fileName } : {}) };
  const unsafe = findUnsafeJson(text);
  return unsafe.total > 0 ? unsafeJsonError(unsafe, 'The form') : undefined;
}

export function readTemplateUpload(request: IncomingMessage, maxFileBytes = maxTemplateBytes): Promise<TemplateUpload> {
  if (!(request.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/form-data')) {
    return Promise.reject(notMultipart());
  }
  const declared = Number.parseInt(request.headers['content-length'] ?? '0', 10);
  if (declared > maxFileBytes + formOverheadBytes) return Promise.reject(tooLarge(maxFileBytes));
  return new Promise<TemplateUpload>((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: request.headers,
        // Browsers and fetch send a file name's UTF-8 bytes as they are; busboy would read them as latin1.
        defParamCharset: 'utf8',
        limits: { fileSize: maxFileBytes, files: 1, fields: 20, fieldSize: 4096 },
      });
    } catch (error) {
      reject(unreadable(error as Error));
      return;
    }
    const upload: TemplateUpload = { fields: {}, file: undefined };
    let failure: AppError | undefined;
    let settled = false;
    const fail = (error: AppError) => {
      failure ??= error;
    };
    // The first error ends the read: stop feeding busboy and answer now.
    const abort = (error: AppError) => {
      if (settled) return;
      settled = true;
      request.unpipe(parser);
      parser.destroy();
      reject(failure ?? error);
    };
    request.on('error', (error: Error) => abort(unreadable(error)));
    request.on('aborted', () => abort(unreadable(new Error('the client closed the connection mid-upload'))));
    parser.on('field', (name, value) => {
      upload.fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (name !== 'file')
        fail(validationError('TEMPLATE_FILE_FIELD', `Send the template in a part named "file", not "${name}"`));
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => fail(tooLarge(maxFileBytes)));
      stream.on('error', (error: Error) => abort(unreadable(error)));
      stream.on('end', () => {
        upload.file = { fileName: info.filename ?? '', bytes: new Uint8Array(Buffer.concat(chunks)) };
      });
    });
    parser.on('filesLimit', () => fail(validationError('TEMPLATE_ONE_FILE', 'Send one template file per upload')));
    parser.on('error', (error: Error) => abort(unreadable(error)));
    parser.on('close', () => {
      if (settled) return;
      settled = true;
      failure ??= unsafeText(upload);
      if (failure) reject(failure);
      else resolve(upload);
    });
    request.pipe(parser);
  });
}
