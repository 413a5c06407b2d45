// Template uploads cut short, against the real runtime process over raw TCP: a body that ends in
// the part headers, in the middle of the file or before the closing boundary answers 400 JSON, a
// client that drops the socket mid-upload gets nothing, and after each the process still answers
// /healthz. Before the fix the file stream's unhandled 'error' killed the process.
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { killProcessGroup, type RuntimeProcess, startApiOnlyRuntime } from '../support/runtime-process.ts';
import { taggedDocx } from '../support/tagged-docx.ts';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const adminToken = 'ink_upload-cut-admin-token-0123456789abcdefghijklmnop';
const dataDir = mkdtempSync(join(tmpdir(), 'inkflow-upload-cut-'));
const boundary = 'inkflowcutboundary42';

function multipartBody(): { body: Buffer; headersEnd: number; fileStart: number; closing: number } {
  const file = Buffer.from(taggedDocx(['Contract for {deal.title}', 'Amount: {amount.formatted}']));
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="documentType"\r\n\r\ncontract\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cut.docx"\r\n` +
      'Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const body = Buffer.concat([head, file, tail]);
  const headersEnd = head.indexOf('filename=');
  return { body, headersEnd, fileStart: head.length, closing: head.length + file.length };
}

function requestHead(port: number, contentLength: number): string {
  return (
    'POST /api/v1/templates HTTP/1.1\r\n' +
    `Host: 127.0.0.1:${port}\r\n` +
    `Authorization: Bearer ${adminToken}\r\n` +
    `Content-Type: multipart/form-data; boundary=${boundary}\r\n` +
    `Content-Length: ${contentLength}\r\n` +
    'Connection: close\r\n\r\n'
  );
}

/** Sends `body` as the whole request body and reads the answer (status line and JSON body). */
function sendRaw(port: number, body: Buffer): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const status = Number.parseInt(text.slice(9, 12), 10);
      const payload = text.slice(text.indexOf('\r\n\r\n') + 4);
      let json: unknown;
      try {
        json = JSON.parse(payload);
      } catch {
        json = payload;
      }
      resolve({ status, json });
    });
    // No half-close: the server answers (Connection: close) and then closes the socket itself.
    socket.write(Buffer.concat([Buffer.from(requestHead(port, body.length)), body]));
  });
}

/** Declares the whole body, sends the first `sent` bytes, then drops the connection. */
function abortMidUpload(port: number, body: Buffer, sent: number): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(requestHead(port, body.length));
      socket.write(body.subarray(0, sent), () => setTimeout(() => socket.destroy(), 100));
    });
    socket.on('error', () => resolve());
    socket.on('close', () => resolve());
  });
}

describe('template uploads cut short (real runtime process)', () => {
  let runtime: RuntimeProcess;
  let baseUrl: string;
  const { body, headersEnd, fileStart, closing } = multipartBody();

  beforeAll(async () => {
    runtime = await startApiOnlyRuntime(dataDir, adminToken);
    baseUrl = `http://127.0.0.1:${runtime.port}`;
  });
  afterAll(() => {
    if (runtime) killProcessGroup(runtime.pid);
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function expectAlive(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(runtime.child.exitCode, runtime.output.slice(-10).join('\n')).toBeNull();
    const health = await fetch(`${baseUrl}/healthz`);
    expect(health.status).toBeLessThan(600);
    expect(((await health.json()) as object) !== null).toBe(true);
  }

  const cuts = [
    ['in the file part headers', () => headersEnd],
    ['in the middle of the file', () => fileStart + Math.floor((closing - fileStart) / 2)],
    ['before the closing boundary', () => closing],
    ['inside the closing boundary', () => closing + 6],
  ] as const;

  it.each(cuts)('a body that ends %s answers 400 JSON and the process lives on', async (_where, at) => {
    const answer = await sendRaw(runtime.port, body.subarray(0, at()));
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ error: { code: 'MULTIPART_INVALID' } });
    await expectAlive();
  });

  it.each(cuts)('a client that drops the socket %s leaves the process alive', async (_where, at) => {
    await abortMidUpload(runtime.port, body, at());
    await expectAlive();
  });

  it('still stores a whole upload afterwards', async () => {
    const answer = await sendRaw(runtime.port, body);
    expect(answer.status).toBe(201);
    expect(answer.json).toMatchObject({ id: 'cut', placeholders: ['amount.formatted', 'deal.title'] });
  });
});
