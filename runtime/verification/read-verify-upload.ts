// The PDF of a verification request: multipart/form-data with one part `file` (the page's form,
// curl -F), or the bytes themselves as application/pdf. Held in memory up to maxVerifyBytes; past
// it the read stops at once. Every stream error settles the one promise, as a 4xx.
import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import { validationError } from '../errors/app-error.ts';
import { maxVerifyBytes, notAPdf, tooLargeToVerify } from './verify-limits.ts';

const formOverheadBytes = 64 * 1024;

const noFile = () =>
  validationError('VERIFY_FILE_REQUIRED', 'Send the PDF in a multipart part named "file" (or as application/pdf)');
const unreadable = (error: Error) =>
  validationError('MULTIPART_INVALID', `The body cannot be read (${error.message}): send the whole file`);

function readRaw(request: IncomingMessage, limit: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      // Stop reading but keep the socket: the client still gets its 413 (and the connection closes).
      request.off('data', onData);
      request.pause();
      chunks.length = 0;
      reject(tooLargeToVerify());
    };
    request.on('data', onData);
    request.on('error', (error: Error) => reject(unreadable(error)));
    request.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
  });
}

function readMultipart(request: IncomingMessage, limit: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let file: Uint8Array | undefined;
    const settle = (error: Error | undefined) => {
      if (settled) return;
      settled = true;
      if (error) {
        request.unpipe(parser);
        parser.destroy();
        reject(error);
      } else if (file) resolve(file);
      else reject(noFile());
    };
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: request.headers, limits: { fileSize: limit, files: 1, fields: 10, fieldSize: 1024 } });
    } catch (error) {
      reject(unreadable(error as Error));
      return;
    }
    parser.on('file', (name, stream) => {
      if (name !== 'file') {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => settle(tooLargeToVerify()));
      stream.on('error', (error: Error) => settle(unreadable(error)));
      stream.on('end', () => {
        file = new Uint8Array(Buffer.concat(chunks));
      });
    });
    parser.on('error', (error: Error) => settle(unreadable(error)));
    parser.on('close', () => settle(undefined));
    request.on('error', (error: Error) => settle(unreadable(error)));
    request.on('aborted', () => settle(unreadable(new Error('the client closed the connection mid-upload'))));
    request.pipe(parser);
  });
}

export async function readVerifyUpload(request: IncomingMessage, limit = maxVerifyBytes): Promise<Uint8Array> {
  const type = (request.headers['content-type'] ?? '').toLowerCase();
  const declared = Number.parseInt(request.headers['content-length'] ?? '0', 10);
  if (declared > limit + formOverheadBytes) throw tooLargeToVerify();
  if (type.startsWith('multipart/form-data')) return readMultipart(request, limit);
  if (type.startsWith('application/pdf') || type.startsWith('application/octet-stream')) {
    return readRaw(request, limit);
  }
  throw notAPdf();
}
