// postOutbound against real HTTP servers on loopback: what it refuses before connecting, what the
// connection-time address check catches (a name rebinding to 127.0.0.1), redirects, the time and
// size bounds, and connection reuse. Name resolution is a table only where a test needs a hostname
// to point somewhere DNS here cannot (the metadata address, a rebinding answer).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkOutboundUrl } from '../../runtime/outbound/check-outbound-url.ts';
import type { OutboundPolicy } from '../../runtime/outbound/outbound-policy.ts';
import {
  closeOutboundConnections,
  OutboundError,
  type OutboundRequest,
  postOutbound,
} from '../../runtime/outbound/post-outbound.ts';
import type { ResolveHost } from '../../runtime/outbound/resolve-host.ts';

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

interface Receiver {
  server: Server;
  port: number;
  received: Received[];
  connections: number;
}

type Handler = (request: IncomingMessage, response: ServerResponse, body: string) => void;

async function startReceiver(handler: Handler, host = '127.0.0.1'): Promise<Receiver> {
  const receiver: Receiver = { server: createServer(), port: 0, received: [], connections: 0 };
  receiver.server.on('connection', () => {
    receiver.connections += 1;
  });
  receiver.server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      receiver.received.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
      handler(request, response, body);
    });
  });
  await new Promise<void>((resolve) => receiver.server.listen(0, host, resolve));
  receiver.port = (receiver.server.address() as AddressInfo).port;
  return receiver;
}

const receivers: Receiver[] = [];
async function receiver(handler: Handler, host?: string): Promise<Receiver> {
  const started = await startReceiver(handler, host);
  receivers.push(started);
  return started;
}

afterAll(async () => {
  closeOutboundConnections();
  for (const { server } of receivers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const loopbackAllowed: OutboundPolicy = { allowPrivate: ['127.0.0.1'], allowHttp: [] };
const closed: OutboundPolicy = { allowPrivate: [], allowHttp: [] };

const post = (url: string, extra: Partial<OutboundRequest> = {}): OutboundRequest => ({
  url,
  body: '{"type":"document.completed"}',
  headers: { 'content-type': 'application/json', 'webhook-id': 'msg_1' },
  ...extra,
});

async function failure(promise: Promise<unknown>): Promise<OutboundError> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(OutboundError);
  const error = outcome as OutboundError;
  expect(error.latencyMs).toBeGreaterThanOrEqual(0);
  return error;
}

const table =
  (answers: Record<string, string[]>): ResolveHost =>
  async (hostname) =>
    (answers[hostname] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

let ok: Receiver;
beforeAll(async () => {
  ok = await receiver((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.end('received');
  });
});

describe('postOutbound: where it may connect', () => {
  it('refuses http://127.0.0.1 without an allow-list and calls it when allowPrivate lists it', async () => {
    const before = ok.received.length;
    const refused = await failure(postOutbound(post(`http://127.0.0.1:${ok.port}/hook`), closed));
    expect(refused.code).toBe('REFUSED');
    expect(refused.message).toMatch(/loopback.*INKFLOW_WEBHOOK_ALLOW_PRIVATE/);
    expect(ok.received.length).toBe(before);

    const answer = await postOutbound(post(`http://127.0.0.1:${ok.port}/hook?tenant=7`), loopbackAllowed);
    expect(answer.status).toBe(200);
    expect(answer.bodyExcerpt).toBe('received');
    expect(answer.latencyMs).toBeGreaterThanOrEqual(0);
    const last = ok.received.at(-1);
    expect(last).toMatchObject({ method: 'POST', url: '/hook?tenant=7', body: '{"type":"document.completed"}' });
    expect(last?.headers['webhook-id']).toBe('msg_1');
    expect(last?.headers['content-length']).toBe('29');
  });

  it('refuses the metadata address even over https, and IPv6-mapped loopback', async () => {
    const metadata = await failure(postOutbound(post('https://169.254.169.254/latest/meta-data/'), closed));
    expect(metadata.code).toBe('REFUSED');
    expect(metadata.message).toMatch(/link-local/);
    for (const host of ['[::ffff:127.0.0.1]', '[::ffff:7f00:1]', '2130706433', '0x7f.1', '127.1']) {
      const mapped = await failure(postOutbound(post(`https://${host}:${ok.port}/`), closed));
      expect(mapped.code, host).toBe('REFUSED');
      expect(mapped.message, host).toMatch(/loopback/);
    }
  });

  it('refuses plain http to a public host that allowHttp does not list', async () => {
    const error = await failure(postOutbound(post('http://93.184.215.14/hook'), closed));
    expect(error.code).toBe('REFUSED');
    expect(error.message).toMatch(/INKFLOW_WEBHOOK_ALLOW_HTTP/);
  });

  it('checks the addresses a hostname resolves to when it connects', async () => {
    const resolve = table({ 'metadata.attacker.example': ['169.254.169.254'], 'receiver.test': ['127.0.0.1'] });
    const metadata = await failure(postOutbound(post('https://metadata.attacker.example/'), closed, { resolve }));
    expect(metadata.code).toBe('REFUSED');
    expect(metadata.message).toMatch(/metadata\.attacker\.example resolves to 169\.254\.169\.254/);
    // A name the operator allows is looked up through the same path and reaches the receiver.
    const named: OutboundPolicy = { allowPrivate: ['receiver.test'], allowHttp: [] };
    const answer = await postOutbound(post(`http://receiver.test:${ok.port}/named`), named, { resolve });
    expect(answer.status).toBe(200);
    expect(ok.received.at(-1)?.headers.host).toBe(`receiver.test:${ok.port}`);
    // A range in allowPrivate allows a name that resolves into it, over http too.
    const ranged: OutboundPolicy = { allowPrivate: ['127.0.0.0/8'], allowHttp: [] };
    expect((await postOutbound(post(`http://receiver.test:${ok.port}/ranged`), ranged, { resolve })).status).toBe(200);
    expect(ok.received.at(-1)?.url).toBe('/ranged');
  });

  it('refuses a name that passed the check but rebinds to loopback for the call (no request arrives)', async () => {
    let lookups = 0;
    const rebinding: ResolveHost = async () => {
      lookups += 1;
      return [{ address: lookups === 1 ? '93.184.215.14' : '127.0.0.1', family: 4 }];
    };
    const policy: OutboundPolicy = { allowPrivate: [], allowHttp: ['rebind.attacker.example'] };
    const url = `http://rebind.attacker.example:${ok.port}/steal`;
    await expect(checkOutboundUrl(url, policy, { resolve: rebinding })).resolves.toBeInstanceOf(URL);
    const before = ok.received.length;
    const error = await failure(postOutbound(post(url), policy, { resolve: rebinding }));
    expect(error.code).toBe('REFUSED');
    expect(error.message).toMatch(/resolves to 127\.0\.0\.1, a loopback address/);
    expect(lookups).toBe(2);
    expect(ok.received.length).toBe(before);
  });

  it('looks localhost up with the system resolver: refused unless listed, then connected', async () => {
    const refused = await failure(postOutbound(post(`https://localhost:${ok.port}/`), closed));
    expect(refused.code).toBe('REFUSED');
    expect(refused.message).toMatch(/localhost resolves to .*loopback/);
    const listed: OutboundPolicy = { allowPrivate: ['localhost'], allowHttp: [] };
    const answer = await postOutbound(post(`http://localhost:${ok.port}/system-dns`), listed);
    expect(answer.status).toBe(200);
    expect(ok.received.at(-1)?.url).toBe('/system-dns');
  });

  it('reaches an IPv6 loopback receiver only when allowPrivate lists ::1 (or a range holding it)', async () => {
    const { port } = await receiver((_request, response) => response.end('v6'), '::1');
    expect((await failure(postOutbound(post(`http://[::1]:${port}/`), closed))).code).toBe('REFUSED');
    const answer = await postOutbound(post(`http://[::1]:${port}/`), { allowPrivate: ['::1/128'], allowHttp: [] });
    expect(answer).toMatchObject({ status: 200, bodyExcerpt: 'v6' });
  });

  it('reports a closed port as NETWORK', async () => {
    const gone = await startReceiver(() => undefined);
    await new Promise((resolve) => gone.server.close(resolve));
    const error = await failure(postOutbound(post(`http://127.0.0.1:${gone.port}/`), loopbackAllowed));
    expect(error.code).toBe('NETWORK');
    expect(error.message).toMatch(/ECONNREFUSED/);
  });
});

describe('postOutbound: redirects', () => {
  it('does not follow a redirect by default and names its Location', async () => {
    const redirecting = await receiver((_request, response) => {
      response.writeHead(302, { location: 'https://elsewhere.example/new-hook' });
      response.end();
    });
    const error = await failure(postOutbound(post(`http://127.0.0.1:${redirecting.port}/`), loopbackAllowed));
    expect(error.code).toBe('REDIRECT_NOT_FOLLOWED');
    expect(error.status).toBe(302);
    expect(error.message).toContain('https://elsewhere.example/new-hook');
  });

  it('checks every Location it follows: a redirect to a private address or name is refused', async () => {
    const resolve = table({ 'internal.attacker.example': ['10.0.0.8'] });
    for (const location of [
      'http://10.0.0.1/admin',
      'https://[::ffff:169.254.169.254]/',
      'https://internal.attacker.example/',
    ]) {
      const redirecting = await receiver((_request, response) => {
        response.writeHead(307, { location });
        response.end();
      });
      const error = await failure(
        postOutbound(post(`http://127.0.0.1:${redirecting.port}/`, { maxRedirects: 3 }), loopbackAllowed, { resolve }),
      );
      expect(error.code, location).toBe('REFUSED');
      expect(error.message, location).toMatch(/private|link-local/);
    }
  });

  it('stops at maxRedirects: the next 3xx is REDIRECT_NOT_FOLLOWED', async () => {
    const second = await receiver((_request, response) => {
      response.writeHead(307, { location: `http://127.0.0.1:${ok.port}/final` });
      response.end();
    });
    const first = await receiver((_request, response) => {
      response.writeHead(307, { location: `http://127.0.0.1:${second.port}/second` });
      response.end();
    });
    const error = await failure(
      postOutbound(post(`http://127.0.0.1:${first.port}/`, { maxRedirects: 1 }), loopbackAllowed),
    );
    expect(error.code).toBe('REDIRECT_NOT_FOLLOWED');
    expect(error.message).toMatch(
      /redirects to http:\/\/127\.0\.0\.1:\d+\/final; 1 redirect\(s\) were followed already/,
    );
    expect(second.received.length).toBe(1);
  });

  it('follows an allowed redirect with the same POST, dropping credentials for another origin', async () => {
    const redirecting = await receiver((_request, response) => {
      response.writeHead(308, { location: `http://127.0.0.1:${ok.port}/moved` });
      response.end();
    });
    const before = ok.received.length;
    const answer = await postOutbound(
      post(`http://127.0.0.1:${redirecting.port}/old`, {
        maxRedirects: 1,
        headers: { authorization: 'Bearer crm-secret', 'webhook-id': 'msg_2' },
      }),
      loopbackAllowed,
    );
    expect(answer.status).toBe(200);
    expect(ok.received.length).toBe(before + 1);
    const moved = ok.received.at(-1);
    expect(moved).toMatchObject({ method: 'POST', url: '/moved', body: '{"type":"document.completed"}' });
    expect(moved?.headers['webhook-id']).toBe('msg_2');
    expect(moved?.headers.authorization).toBeUndefined();
    expect(redirecting.received.at(-1)?.headers.authorization).toBe('Bearer crm-secret');
  });
});

describe('postOutbound: bounds', () => {
  it('gives up on a server that does not answer in time (TIMEOUT), and on one that stalls its body', async () => {
    const silent = await receiver(() => undefined);
    const error = await failure(
      postOutbound(post(`http://127.0.0.1:${silent.port}/`, { timeoutMs: 200 }), loopbackAllowed),
    );
    expect(error.code).toBe('TIMEOUT');
    expect(silent.received.length).toBe(1);

    const stalling = await receiver((_request, response) => {
      response.writeHead(200, { 'content-length': '100' });
      response.write('the first bytes');
    });
    const stalled = await failure(
      postOutbound(post(`http://127.0.0.1:${stalling.port}/`, { timeoutMs: 200 }), loopbackAllowed),
    );
    expect(stalled.code).toBe('TIMEOUT');
  });

  it('stops reading a huge answer at maxResponseBytes and keeps a 1 KiB excerpt', async () => {
    const planned = 64 * 1024 * 1024;
    let written = 0;
    let serverClosed: (early: boolean) => void = () => undefined;
    const closedEarly = new Promise<boolean>((resolve) => {
      serverClosed = resolve;
    });
    const huge = await receiver((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const pump = (): void => {
        while (written < planned && !response.destroyed) {
          written += chunk.length;
          if (!response.write(chunk)) return void response.once('drain', pump);
        }
        if (written >= planned) response.end();
      };
      response.on('close', () => serverClosed(written < planned));
      pump();
    });
    const error = await failure(
      postOutbound(post(`http://127.0.0.1:${huge.port}/`, { maxResponseBytes: 100_000 }), loopbackAllowed),
    );
    expect(error.code).toBe('RESPONSE_TOO_LARGE');
    expect(error.status).toBe(200);
    expect(error.bodyExcerpt).toBe('x'.repeat(1024));
    // The receiver saw its connection closed long before it had written everything.
    expect(await closedEarly).toBe(true);
  });

  it('cuts the excerpt at 1 KiB without splitting a character', async () => {
    const accented = await receiver((_request, response) => response.end('é'.repeat(2000)));
    const answer = await postOutbound(post(`http://127.0.0.1:${accented.port}/`), loopbackAllowed);
    expect(answer.bodyExcerpt).toBe('é'.repeat(512));
  });

  it('reuses a kept-alive connection for consecutive calls to one receiver', async () => {
    const counted = await receiver((_request, response) => response.end('ok'));
    for (let call = 0; call < 3; call += 1)
      expect((await postOutbound(post(`http://127.0.0.1:${counted.port}/`), loopbackAllowed)).status).toBe(200);
    expect(counted.received.length).toBe(3);
    expect(counted.connections).toBe(1);
  });
});
