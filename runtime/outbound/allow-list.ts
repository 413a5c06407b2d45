// Entries of the operator's allow-lists (INKFLOW_WEBHOOK_ALLOW_PRIVATE, INKFLOW_WEBHOOK_ALLOW_HTTP):
// a hostname, an IP address or a CIDR range. Parsed strictly so a typo stops the start instead of
// silently allowing nothing (or too much).
import { addressBits, type IpAddress, inRange, parseIpAddress } from './ip-address.ts';
import { embeddedIpv4 } from './refused-ranges.ts';

export type AllowEntry = { kind: 'host'; name: string } | { kind: 'range'; network: IpAddress; prefix: number };

const hostLabel = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/;

/** A hostname as URLs and allow-lists compare it: lower case, without a trailing dot. */
export const normalHostname = (host: string): string => host.toLowerCase().replace(/\.$/, '');

/** The entry, or a message that says what is wrong with it. */
export function parseAllowEntry(text: string): AllowEntry | string {
  const entry = text.trim().toLowerCase();
  if (entry === '') return 'an empty entry (two commas in a row?)';
  if (entry.includes('://')) return `"${text}" is a URL; list only its hostname or address`;
  const [addressText = '', prefixText, extra] = entry.split('/');
  const address = parseIpAddress(addressText);
  if (prefixText !== undefined || address) {
    if (!address || extra !== undefined)
      return `"${text}" is not an IP address or CIDR range (e.g. 10.0.0.0/8, fd00::/8)`;
    const bits = addressBits(address.version);
    const prefix = prefixText === undefined ? bits : Number(prefixText);
    if (!/^\d{1,3}$/.test(prefixText ?? '0') || prefix > bits) return `"${text}" has a prefix length outside 0–${bits}`;
    return { kind: 'range', network: address, prefix };
  }
  const name = normalHostname(entry);
  const labels = name.split('.');
  if (name.length > 253 || !labels.every((label) => hostLabel.test(label)))
    return `"${text}" is not a hostname, IP address or CIDR range (no schemes, ports, paths or wildcards)`;
  if (/^(\d+|0x[0-9a-f]*)$/.test(labels.at(-1) ?? ''))
    return `"${text}" looks like an IP address but is not a dotted one; write it as a.b.c.d`;
  return { kind: 'host', name };
}

export function allowsHost(entries: readonly AllowEntry[], hostname: string): boolean {
  const name = normalHostname(hostname);
  return entries.some((entry) => entry.kind === 'host' && entry.name === name);
}

/** An entry covers an address, or the IPv4 address its IPv6 form stands for (::ffff:127.0.0.1). */
export function allowsAddress(entries: readonly AllowEntry[], address: IpAddress): boolean {
  const embedded = embeddedIpv4(address);
  return entries.some(
    (entry) =>
      entry.kind === 'range' &&
      (inRange(address, entry.network, entry.prefix) ||
        (embedded !== undefined && inRange(embedded, entry.network, entry.prefix))),
  );
}
