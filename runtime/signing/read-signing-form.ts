// The signer's forms as bounded values: url-encoded steps at most 64 KB; the signing form
// (multipart, busboy) at most 1.5 MB in all, 1 MB a file, two files and 60 text fields. Anything
// larger is refused as it streams, before it is all read.
import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import { SigningRefusal } from './signing-refusal.ts';

export const formLimits = { urlencodedBytes: 64 * 1024, multipartBytes: 1536 * 1024, fileBytes: 1024 * 1024 } as const;

export interface SigningForm {
  fields: Record<string, string>;
  files: Record<string, Uint8Array>;
}

const tooLarge = () => new SigningRefusal('too_large', {}, 'the form is larger than allowed');
const unreadable = () => new SigningRefusal('bad_request', {}, 'the form could not be read');

export async function readUrlencoded(request: IncomingMessage): Promise<Record<string, string>> {
  const declared = Number.parseInt(request.headers['content-length'] ?? '0', 10);
  if (declared > formLimits.urlencodedBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > formLimits.urlencodedBytes) throw tooLarge();
    chunks.push(chunk);
  }
  const fields: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(Buffer.concat(chunks).toString('utf8'))) {
    if (Object.keys(fields).length >= 60) break;
    fields[key] = value;
  }
  return fields;
}

export async function readMultipart(request: IncomingMessage): Promise<SigningForm> {
  const type = (request.headers['content-type'] ?? '').toLowerCase();
  if (!type.startsWith('multipart/form-data')) return { fields: await readUrlencoded(request), files: {} };
  const declared = Number.parseInt(request.headers['content-length'] ?? '0', 10);
  if (declared > formLimits.multipartBytes) throw tooLarge();
  return new Promise<SigningForm>((resolve, reject) => {
    const form: SigningForm = { fields: Object.create(null), files: Object.create(null) };
    let settled = false;
    let total = 0;
    let parser: busboy.Busboy;
    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      if (error) {
        request.unpipe(parser);
        request.resume();
        reject(error);
      } else resolve(form);
    };
    try {
      parser = busboy({
        headers: request.headers,
        limits: { fileSize: formLimits.fileBytes, files: 2, fields: 60, fieldSize: formLimits.multipartBytes, parts: 62 },
      });
    } catch {
      reject(unreadable());
      return;
    }
    request.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > formLimits.multipartBytes) settle(tooLarge());
    });
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) settle(tooLarge());
      else form.fields[name] = value;
    });
    parser.on('file', (name, stream) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => settle(tooLarge()));
      stream.on('end', () => {
        const bytes = Buffer.concat(chunks);
        if (bytes.length > 0) form.files[name] = new Uint8Array(bytes);
      });
    });
    parser.on('filesLimit', () => settle(tooLarge()));
    parser.on('fieldsLimit', () => settle(tooLarge()));
    parser.on('partsLimit', () => settle(tooLarge()));
    parser.on('error', () => settle(unreadable()));
    parser.on('close', () => settle());
    request.on('aborted', () => settle(unreadable()));
    request.pipe(parser);
  });
}
