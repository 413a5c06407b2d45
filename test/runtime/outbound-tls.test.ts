// postOutbound over TLS to a receiver on loopback with its own certificate: the hostname goes
// through the checked lookup, and the certificate is still verified against that hostname.
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import forge from 'node-forge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboundPolicy } from '../../runtime/outbound/outbound-policy.ts';
import { closeOutboundConnections, OutboundError, postOutbound } from '../../runtime/outbound/post-outbound.ts';
import type { ResolveHost } from '../../runtime/outbound/resolve-host.ts';

function selfSignedCertificate(hostname: string): { key: string; cert: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  certificate.serialNumber = '01';
  certificate.validity.notBefore = new Date(Date.now() - 3_600_000);
  certificate.validity.notAfter = new Date(Date.now() + 86_400_000);
  const name = [{ name: 'commonName', value: hostname }];
  certificate.setSubject(name);
  certificate.setIssuer(name);
  certificate.setExtensions([
    { name: 'basicConstraints', cA: true },
    { name: 'subjectAltName', altNames: [{ type: 2, value: hostname }] },
  ]);
  certificate.sign(forge.pki.privateKeyFromPem(key), forge.md.sha256.create());
  return { key, cert: forge.pki.certificateToPem(certificate) };
}

const resolve: ResolveHost = async (hostname) =>
  hostname.endsWith('.test') ? [{ address: '127.0.0.1', family: 4 }] : [];

let server: Server;
let port: number;
let ca: string;
let connections = 0;

beforeAll(async () => {
  const identity = selfSignedCertificate('receiver.test');
  ca = identity.cert;
  server = createServer(identity, (request, response) => {
    request.resume();
    request.on('end', () => response.end(`tls ${request.method} ${request.url}`));
  });
  server.on('secureConnection', () => {
    connections += 1;
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  closeOutboundConnections();
  server.closeAllConnections();
  await new Promise((closed) => server.close(closed));
});

const policy: OutboundPolicy = { allowPrivate: ['receiver.test', 'impostor.test'], allowHttp: [] };
const post = (url: string) => ({ url, body: '{}', headers: { 'content-type': 'application/json' } });

describe('postOutbound over https', () => {
  it('reaches an allowed TLS receiver by name, reusing the connection', async () => {
    const first = await postOutbound(post(`https://receiver.test:${port}/hook`), policy, { resolve, ca });
    const second = await postOutbound(post(`https://receiver.test:${port}/hook`), policy, { resolve, ca });
    expect(first).toMatchObject({ status: 200, bodyExcerpt: 'tls POST /hook' });
    expect(second.status).toBe(200);
    expect(connections).toBe(1);
  });

  it('still verifies the certificate: another name on the same address is a NETWORK error', async () => {
    const error = await postOutbound(post(`https://impostor.test:${port}/hook`), policy, { resolve, ca }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(OutboundError);
    expect((error as OutboundError).code).toBe('NETWORK');
    expect((error as OutboundError).message).toMatch(/ERR_TLS_CERT_ALTNAME_INVALID/);
  });

  it('does not trust a self-signed receiver without its CA', async () => {
    const error = await postOutbound(post(`https://receiver.test:${port}/hook`), policy, { resolve }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect((error as OutboundError).code).toBe('NETWORK');
    expect((error as OutboundError).message).toMatch(/SELF_SIGNED|self.signed/i);
  });
});
