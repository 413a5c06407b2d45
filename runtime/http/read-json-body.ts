// Reads a JSON request body with a size limit and checks it against a schema, so that a route
// gets either a typed value or a 4xx that points at what to fix.
import type { Context } from 'koa';
import type { SchemaCheck } from '../../schemas/index.ts';
import { AppError, validationError } from '../errors/app-error.ts';
import { findUnsafeJson, unsafeJsonError } from './find-unsafe-json.ts';

export const defaultJsonLimitBytes = 1_048_576;
const largeBodyBytes = 256 * 1024;

export async function readRawBody(ctx: Context, limitBytes: number): Promise<Buffer> {
  const declared = Number.parseInt(ctx.get('content-length') || '0', 10);
  if (declared > limitBytes) throw tooLarge(limitBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limitBytes) throw tooLarge(limitBytes);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function tooLarge(limitBytes: number): AppError {
  return new AppError('payload_too_large', 'PAYLOAD_TOO_LARGE', `The request body is larger than ${limitBytes} bytes`);
}

export async function readJsonBody<T>(
  ctx: Context,
  check: (value: unknown) => SchemaCheck<T>,
  limitBytes = defaultJsonLimitBytes,
): Promise<T> {
  if (!ctx.is('application/json')) {
    throw new AppError(
      'unsupported_media_type',
      'JSON_REQUIRED',
      'Send the body as JSON with Content-Type: application/json',
    );
  }
  const raw = await readRawBody(ctx, limitBytes);
  let value: unknown;
  try {
    value = JSON.parse(raw.toString('utf8'));
  } catch (error) {
    throw validationError('JSON_INVALID', `The body is not valid JSON: ${(error as Error).message}`);
  }
  const unsafe = findUnsafeJson(value);
  // Parsing and walking an 8 MB flow and checking it against the schema take a few hundred ms each:
  // let other requests (/healthz among them) in between instead of holding the loop for both.
  if (raw.length > largeBodyBytes) await new Promise((resolve) => setImmediate(resolve));
  if (unsafe.total > 0) throw unsafeJsonError(unsafe, 'The body');
  const result = check(value);
  if (!result.ok) {
    const first = result.violations[0];
    throw validationError(
      'BODY_INVALID',
      `The body does not match the expected shape: ${first?.pointer} ${first?.message}`,
      result.violations.map((violation) => ({ pointer: violation.pointer, message: violation.message })),
    );
  }
  return result.value;
}
