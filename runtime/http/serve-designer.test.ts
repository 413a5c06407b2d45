import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Koa from 'koa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppState } from './app-types.ts';
import { fileInside, serveDesigner } from './serve-designer.ts';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

// node:http sends the path as written: fetch() would resolve the dot segments before sending.
function get(server: Server, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const sent = request({ host: '127.0.0.1', port, path, method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString(),
        }),
      );
    });
    sent.on('error', reject);
    sent.end();
  });
}

function serve(root: string): Promise<Server> {
  const app = new Koa<AppState>();
  app.use(serveDesigner(root));
  app.use((ctx) => {
    ctx.status = 404;
    ctx.body = 'next';
  });
  const server = app.listen(0, '127.0.0.1');
  return new Promise((resolve) => server.once('listening', () => resolve(server)));
}

describe('serveDesigner', () => {
  let base: string;
  let server: Server;
  let empty: Server;

  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), 'inkflow-serve-'));
    const root = join(base, 'dist');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>designer</title>');
    writeFileSync(join(root, 'assets', 'main-abc123.js'), 'console.log(1)');
    writeFileSync(join(root, 'assets', 'main-abc123.css'), 'body{}');
    writeFileSync(join(base, 'secret.json'), '{"secret":true}');
    server = await serve(root);
    mkdirSync(join(base, 'nothing-built'));
    empty = await serve(join(base, 'nothing-built'));
  });
  afterAll(() => {
    server?.close();
    empty?.close();
    rmSync(base, { recursive: true, force: true });
  });

  it('serves index.html at / with no-cache, nosniff and a content security policy', async () => {
    const answer = await get(server, '/');
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('<title>designer</title>');
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.headers['cache-control']).toBe('no-cache');
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('serves hashed assets with their content type, cached for good', async () => {
    const script = await get(server, '/assets/main-abc123.js');
    expect(script.status).toBe(200);
    expect(script.body).toBe('console.log(1)');
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const style = await get(server, '/assets/main-abc123.css');
    expect(style.headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('answers 304 to a matching If-None-Match and HEAD without a body', async () => {
    const first = await get(server, '/assets/main-abc123.js');
    const again = await get(server, '/assets/main-abc123.js', { 'if-none-match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    const head = await get(server, '/assets/main-abc123.js', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe('14');
    expect(head.body).toBe('');
  });

  it('falls back to index.html for page paths, not for missing assets nor for the API', async () => {
    expect((await get(server, '/flows/sales/editor')).body).toContain('designer');
    expect(await get(server, '/assets/missing-000.js')).toMatchObject({ status: 404, body: 'next' });
    expect(await get(server, '/api/v1/unknown')).toMatchObject({ status: 404, body: 'next' });
    expect(await get(server, '/healthz')).toMatchObject({ status: 404, body: 'next' });
  });

  it('never serves a file outside the build, however the path is encoded', async () => {
    for (const path of [
      '/../secret.json',
      '/..%2fsecret.json',
      '/%2e%2e/secret.json',
      '/%2e%2e%2fsecret.json',
      '/assets/..%2f..%2fsecret.json',
      '/..%5csecret.json',
      '/%2e%2e%5csecret.json',
      '/secret.json%00.js',
      '/%E0%A4%A',
      '//..%2f..%2fsecret.json',
    ]) {
      const answer = await get(server, path);
      expect(answer.body, path).not.toContain('secret');
      expect(answer.status, path).toBe(404);
    }
  });

  it('keeps every resolved file inside the root', () => {
    expect(fileInside('/srv/dist', '/a/../b.js')).toBe('/srv/dist/b.js');
    expect(fileInside('/srv/dist', '/..%2f..%2fetc/passwd')).toBeUndefined();
    expect(fileInside('/srv/dist', '/%2e%2e')).toBeUndefined();
  });

  it('passes everything on when nothing is built, so the API still answers', async () => {
    expect(await get(empty, '/')).toMatchObject({ status: 404, body: 'next' });
  });
});
