// The signer's forms, read with hard bounds: urlencoded ≤ 64 KB, multipart (signature and stamp
// images) ≤ 1.5 MB in all, at most 2 files of 1 MB and 60 fields. Over a bound → a 413 page; a
// body of another type → a 4xx page. Nothing of the body is logged.
import Busboy from 'busboy';
import type { Context } from 'koa';
import { readRawBody } from '../http/read-json-body.ts';
import { SigningRefusal } from './signing-refusal.ts';

export const formLimits = { urlencodedBytes: 64 * 1024, multipartBytes: 1_536 * 1024, fileBytes: 1024 * 1024 } as const;

export async function readUrlencoded(ctx: Context): Promise<URLSearchParams> {
  if (!ctx.is('application/x-www-form-urlencoded')) {
    throw new SigningRefusal('bad_request', {}, 'the form must be sent as application/x-www-form-urlencoded');
  }
  let raw: Buffer;
  try {
    raw = await readRawBody(ctx, formLimits.urlencodedBytes);
  } catch {
    throw new SigningRefusal('too_large', {}, 'the form is too large');
  }
  return new URLSearchParams(raw.toString('utf8'));
}

export interface MultipartForm {
  fields: Map<string, string>;
  files: Map<string, Uint8Array>;
}

export async function readMultipart(ctx: Context): Promise<MultipartForm> {
  if (!ctx.is('multipart/form-data')) throw new SigningRefusal('bad_request', {}, 'the form must be multipart');
  const declared = Number.parseInt(ctx.get('content-length') || '0', 10);
  if (declared > formLimits.multipartBytes) throw new SigningRefusal('too_large', {}, 'the form is larger than 1.5 MB');
  const fields = new Map<string, string>();
  const files = new Map<string, Uint8Array>();
  await new Promise<void>((resolve, reject) => {
    let failed: SigningRefusal | null = null;
    const fail = (refusal: SigningRefusal): void => {
      failed ??= refusal;
    };
    let parser: Busboy.Busboy;
    try {
      parser = Busboy({
        headers: ctx.req.headers,
        limits: {
          fileSize: formLimits.fileBytes,
          files: 2,
          fields: 60,
          fieldSize: formLimits.multipartBytes,
          parts: 70,
        },
      });
    } catch {
      reject(new SigningRefusal('bad_request', {}, 'the form is not readable'));
      return;
    }
    let total = 0;
    ctx.req.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > formLimits.multipartBytes)
        fail(new SigningRefusal('too_large', {}, 'the form is larger than 1.5 MB'));
    });
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) fail(new SigningRefusal('too_large', {}, 'a form field is too large'));
      else fields.set(name, value);
    });
    parser.on('file', (name, stream) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => fail(new SigningRefusal('too_large', {}, 'an image is over 1 MB')));
      stream.on('end', () => {
        const bytes = Buffer.concat(chunks);
        if (bytes.length > 0) files.set(name, new Uint8Array(bytes));
      });
    });
    parser.on('filesLimit', () => fail(new SigningRefusal('bad_request', {}, 'too many files')));
    parser.on('fieldsLimit', () => fail(new SigningRefusal('bad_request', {}, 'too many fields')));
    parser.on('partsLimit', () => fail(new SigningRefusal('bad_request', {}, 'too many parts')));
    parser.on('error', () => reject(failed ?? new SigningRefusal('bad_request', {}, 'the form is not readable')));
    parser.on('close', () => (failed ? reject(failed) : resolve()));
    ctx.req.pipe(parser);
  });
  return { fields, files };
}
