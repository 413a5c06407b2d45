// What a template may contain, against the real runtime process: archives past each limit (XML
// inflated size, tag count, entry count) get a 4xx naming the limit, and a heavy template that
// is allowed is inspected off the event loop: /healthz keeps answering while its upload is in flight.
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { killProcessGroup, type RuntimeProcess, startApiOnlyRuntime } from '../support/runtime-process.ts';
import { largeXmlDocx, manyEntriesDocx, manyTagsDocx } from '../support/template-bombs.ts';
import { type AdminApi, adminApi } from './admin-api.ts';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 });

const adminToken = 'ink_template-limits-admin-token-0123456789abcdefghijkl';
const dataDir = mkdtempSync(join(tmpdir(), 'inkflow-template-limits-'));
const boundary = 'inkflowlimitsboundary7';

function uploadRequest(port: number, id: string, file: Uint8Array): Buffer {
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="documentType"\r\n\r\ncontract\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="id"\r\n\r\n${id}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${id}.docx"\r\n\r\n`,
    ),
    Buffer.from(file),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const head =
    `POST /api/v1/templates HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${adminToken}\r\n` +
    `Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`;
  return Buffer.concat([Buffer.from(head), body]);
}

describe('template limits (real runtime process)', () => {
  let runtime: RuntimeProcess;
  let baseUrl: string;
  let api: AdminApi;

  beforeAll(async () => {
    runtime = await startApiOnlyRuntime(dataDir, adminToken);
    baseUrl = `http://127.0.0.1:${runtime.port}`;
    api = adminApi(baseUrl, adminToken);
  });
  afterAll(() => {
    if (runtime) killProcessGroup(runtime.pid);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers /healthz while a heavy (allowed) template is being inspected', async () => {
    const request = uploadRequest(runtime.port, 'heavy', largeXmlDocx(2.5, 200));
    let uploadAnswered = false;
    const socket = connect(runtime.port, '127.0.0.1');
    const answer = new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      socket.on('data', (chunk) => chunks.push(chunk));
      socket.on('error', reject);
      socket.on('close', () => {
        uploadAnswered = true;
        resolve(Buffer.concat(chunks).toString('utf8'));
      });
    });
    await new Promise<void>((resolve) => socket.write(request, () => resolve()));
    // Health checks one after another: with the event loop blocked, at most the one in flight
    // would be answered before the upload; off the loop, they keep coming.
    let answeredDuringUpload = 0;
    while (!uploadAnswered) {
      const health = await fetch(`${baseUrl}/healthz`);
      await health.arrayBuffer();
      if (!uploadAnswered) answeredDuringUpload++;
    }
    const text = await answer;
    expect(text.slice(9, 12), text.slice(0, 400)).toBe('201');
    console.info(`${answeredDuringUpload} health checks answered while the upload was in flight`);
    expect(answeredDuringUpload).toBeGreaterThanOrEqual(10);
  });

  it.each([
    ['XML that inflates past the limit', () => largeXmlDocx(9), 'TEMPLATE_XML_TOO_LARGE', /4\.0 MB of XML/],
    ['a hundred thousand tags', () => manyTagsDocx(100_000), 'TEMPLATE_TOO_MANY_TAGS', /limit of 5000 tags/],
    ['600 entries', () => manyEntriesDocx(600), 'TEMPLATE_TOO_MANY_ENTRIES', /limit of 500/],
  ] as const)('refuses a template with %s (4xx naming the limit)', async (_what, build, code, limit) => {
    const reply = await api.upload<{ error: { code: string; message: string } }>(
      { documentType: 'contract', id: `bomb-${code.toLowerCase()}` },
      { name: 'bomb.docx', bytes: build() },
    );
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe(code);
    expect(reply.body.error.message).toMatch(limit);
    expect(runtime.child.exitCode).toBeNull();
  });
});
