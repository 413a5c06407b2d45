// What an outgoing URL may reach: the allow-list variables as loadConfig reads them, and
// checkOutboundUrl on the addresses an attacker would aim a webhook at (loopback, metadata, LAN),
// in every spelling URL parsing accepts, before and after name resolution.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../runtime/config.ts';
import { AppError } from '../../runtime/errors/app-error.ts';
import { checkOutboundUrl } from '../../runtime/outbound/check-outbound-url.ts';
import { type OutboundPolicy, outboundPolicy } from '../../runtime/outbound/outbound-policy.ts';
import type { ResolveHost } from '../../runtime/outbound/resolve-host.ts';

const closed: OutboundPolicy = { allowPrivate: [], allowHttp: [] };

/** A resolver that answers from a table (public names resolve to documentation-free public IPs). */
const table =
  (answers: Record<string, string[]>): ResolveHost =>
  async (hostname) => {
    const addresses = answers[hostname];
    if (!addresses) throw Object.assign(new Error(`no such host ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

async function refusal(url: string, policy: OutboundPolicy = closed, resolve?: ResolveHost): Promise<AppError> {
  const outcome = await checkOutboundUrl(url, policy, resolve ? { resolve } : {}).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(outcome, `${url} should be refused`).toBeInstanceOf(AppError);
  const error = outcome as AppError;
  expect(error.kind).toBe('validation');
  expect(error.code).toBe('OUTBOUND_URL_REFUSED');
  return error;
}

describe('outbound allow-lists in the configuration', () => {
  it('are empty by default and read as comma-separated hostnames, IPs and CIDRs', () => {
    expect(loadConfig({}).outbound).toEqual({ allowPrivate: [], allowHttp: [] });
    const config = loadConfig({
      INKFLOW_WEBHOOK_ALLOW_PRIVATE: ' crm.internal , 10.0.0.0/8,::1, fd00::/8',
      INKFLOW_WEBHOOK_ALLOW_HTTP: 'receiver.test.,192.0.2.10',
    });
    expect(config.outbound).toEqual({
      allowPrivate: ['crm.internal', '10.0.0.0/8', '::1', 'fd00::/8'],
      allowHttp: ['receiver.test.', '192.0.2.10'],
    });
    expect(outboundPolicy(config)).toEqual(config.outbound);
    expect(outboundPolicy(config)).toBe(outboundPolicy(config));
  });

  it.each([
    ['INKFLOW_WEBHOOK_ALLOW_PRIVATE', 'https://crm.internal', /is a URL; list only its hostname/],
    ['INKFLOW_WEBHOOK_ALLOW_PRIVATE', '10.0.0.0/33', /prefix length outside 0–32/],
    ['INKFLOW_WEBHOOK_ALLOW_PRIVATE', 'fd00::/129', /prefix length outside 0–128/],
    ['INKFLOW_WEBHOOK_ALLOW_PRIVATE', '10.0.0/8', /not an IP address or CIDR/],
    ['INKFLOW_WEBHOOK_ALLOW_HTTP', 'a.example,,b.example', /empty entry/],
    ['INKFLOW_WEBHOOK_ALLOW_HTTP', '*.example.com', /no schemes, ports, paths or wildcards/],
    ['INKFLOW_WEBHOOK_ALLOW_HTTP', 'receiver:8080', /no schemes, ports/],
    ['INKFLOW_WEBHOOK_ALLOW_HTTP', '127.1', /write it as a\.b\.c\.d/],
  ])('%s=%s stops the start with a message naming the variable', (name, value, message) => {
    let error: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(name);
    expect((error as Error).message).toMatch(message);
  });
});

describe('checkOutboundUrl', () => {
  it('accepts https to a public address, and returns the parsed URL', async () => {
    const url = await checkOutboundUrl('https://crm.example.com/hooks?x=1', closed, {
      resolve: table({ 'crm.example.com': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'] }),
    });
    expect(url.href).toBe('https://crm.example.com/hooks?x=1');
    expect((await checkOutboundUrl('https://8.8.8.8/', closed)).hostname).toBe('8.8.8.8');
  });

  it.each([
    ['https://127.0.0.1/', /loopback/],
    ['https://[::1]/', /loopback/],
    ['https://169.254.169.254/latest/meta-data/', /link-local.*metadata/],
    ['https://10.1.2.3/', /private/],
    ['https://172.16.0.1/', /private/],
    ['https://192.168.1.1/', /private/],
    ['https://100.64.0.1/', /carrier-grade NAT/],
    ['https://0.0.0.0/', /this network/],
    ['https://224.0.0.1/', /multicast/],
    ['https://255.255.255.255/', /reserved/],
    ['https://[fd12:3456::1]/', /unique local/],
    ['https://[fe80::1]/', /link-local/],
    ['https://[ff02::1]/', /multicast/],
    ['https://[::]/', /unspecified/],
    // IPv4-mapped, -translated and -compatible IPv6 forms, NAT64 and 6to4 of private targets.
    ['https://[::ffff:127.0.0.1]/', /loopback.*written as IPv6/],
    ['https://[::ffff:7f00:1]/', /loopback.*written as IPv6/],
    ['https://[::ffff:a9fe:a9fe]/', /link-local.*written as IPv6/],
    ['https://[::ffff:0:169.254.169.254]/', /link-local.*written as IPv6/],
    ['https://[::127.0.0.1]/', /IPv4-compatible/],
    ['https://[64:ff9b::10.0.0.1]/', /private.*written as IPv6/],
    ['https://[64:ff9b::7f00:1]/', /loopback.*written as IPv6/],
    ['https://[2002:7f00:1::1]/', /loopback.*written as IPv6/],
    // Odd IPv4 spellings that URL parsing turns into 127.0.0.1.
    ['https://2130706433/', /127\.0\.0\.1 is a loopback/],
    ['https://0x7f.1/', /127\.0\.0\.1 is a loopback/],
    ['https://127.1/', /127\.0\.0\.1 is a loopback/],
    ['https://0177.0.0.1/', /127\.0\.0\.1 is a loopback/],
    ['https://0x7f000001/', /127\.0\.0\.1 is a loopback/],
    ['http://2130706433/', /127\.0\.0\.1 is a loopback/],
  ])('refuses %s by its address', async (url, reason) => {
    const error = await refusal(url);
    expect(error.message).toMatch(reason);
    expect(error.message).toContain('INKFLOW_WEBHOOK_ALLOW_PRIVATE');
  });

  it('refuses a hostname that resolves to a refused address, even among public ones', async () => {
    const resolve = table({
      'metadata.attacker.example': ['169.254.169.254'],
      'mixed.attacker.example': ['93.184.215.14', '::ffff:10.0.0.7'],
      localhost: ['127.0.0.1', '::1'],
    });
    const metadata = await refusal('https://metadata.attacker.example/', closed, resolve);
    expect(metadata.message).toMatch(/metadata\.attacker\.example resolves to 169\.254\.169\.254, a link-local/);
    expect(metadata.message).toMatch(/add "metadata\.attacker\.example" or "169\.254\.169\.254"/);
    expect((await refusal('https://mixed.attacker.example/', closed, resolve)).message).toMatch(/private/);
    expect((await refusal('https://localhost:8443/', closed, resolve)).message).toMatch(/loopback/);
    expect((await refusal('https://nowhere.example/', closed, resolve)).message).toMatch(
      /cannot be resolved \(ENOTFOUND\)/,
    );
  });

  it('allows private targets that allowPrivate lists by hostname, address or range (mapped forms too)', async () => {
    const resolve = table({ 'crm.internal': ['10.20.0.5'], 'other.internal': ['10.30.0.5'] });
    const policy: OutboundPolicy = {
      allowPrivate: ['crm.internal', '127.0.0.1', '10.30.0.0/16', '::1'],
      allowHttp: [],
    };
    await expect(checkOutboundUrl('https://crm.internal/hook', policy, { resolve })).resolves.toBeInstanceOf(URL);
    await expect(checkOutboundUrl('https://other.internal/hook', policy, { resolve })).resolves.toBeInstanceOf(URL);
    await expect(checkOutboundUrl('https://127.0.0.1:9000/', policy)).resolves.toBeInstanceOf(URL);
    await expect(checkOutboundUrl('https://[::ffff:127.0.0.1]/', policy)).resolves.toBeInstanceOf(URL);
    await expect(checkOutboundUrl('https://[::1]/', policy)).resolves.toBeInstanceOf(URL);
    // Listing 127.0.0.1 allows that address, not the rest of 127/8 nor the metadata service.
    await refusal('https://127.0.0.2/', policy);
    await refusal('https://169.254.169.254/', policy);
  });

  it('calls plain http only for hosts in allowHttp or allowPrivate', async () => {
    const resolve = table({ 'crm.example.com': ['93.184.215.14'], 'receiver.test': ['93.184.215.14'] });
    const http = await refusal('http://crm.example.com/hook', closed, resolve);
    expect(http.message).toMatch(/uses http.*add "crm\.example\.com" to INKFLOW_WEBHOOK_ALLOW_HTTP/);
    const policy: OutboundPolicy = { allowPrivate: ['127.0.0.0/8'], allowHttp: ['receiver.test', '8.8.8.0/24'] };
    await expect(checkOutboundUrl('http://RECEIVER.test/hook', policy, { resolve })).resolves.toBeInstanceOf(URL);
    await expect(checkOutboundUrl('http://8.8.8.8/', policy)).resolves.toBeInstanceOf(URL);
    await expect(checkOutboundUrl('http://127.0.0.1:3001/', policy)).resolves.toBeInstanceOf(URL);
    await refusal('http://crm.example.com/hook', policy, resolve);
    await refusal('http://8.8.4.4/', policy);
    // A listed range also allows http to a name whose every address lies in it.
    const ranges = table({ 'dns.example': ['8.8.8.8'], 'crm.example.com': ['93.184.215.14'] });
    await expect(checkOutboundUrl('http://dns.example/', policy, { resolve: ranges })).resolves.toBeInstanceOf(URL);
    const outside = await refusal('http://crm.example.com/', policy, ranges);
    expect(outside.message).toMatch(
      /add "crm\.example\.com" \(or its address 93\.184\.215\.14\) to INKFLOW_WEBHOOK_ALLOW_HTTP/,
    );
  });

  it('refuses other schemes, credentials, relative and over-long URLs', async () => {
    expect((await refusal('ftp://crm.example.com/')).message).toMatch(/scheme is ftp/);
    expect((await refusal('file:///etc/passwd')).message).toMatch(/scheme is file/);
    expect((await refusal('https://user:secret@crm.example.com/')).message).toMatch(/user name or password/);
    expect((await refusal('https://user:secret@crm.example.com/')).message).not.toContain('secret');
    expect((await refusal('/hooks/inkflow')).message).toMatch(/not an absolute URL/);
    expect((await refusal(`https://crm.example.com/${'a'.repeat(2000)}`)).message).toMatch(/at most 2000/);
  });
});
