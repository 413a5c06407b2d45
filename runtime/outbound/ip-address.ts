// IP addresses as numbers, so ranges are one comparison and every IPv6 spelling of an address
// (compressed, expanded, with a dotted IPv4 tail) is the same value.
import { isIPv4, isIPv6 } from 'node:net';

export interface IpAddress {
  version: 4 | 6;
  /** 32 bits for IPv4, 128 for IPv6. */
  value: bigint;
}

export const addressBits = (version: 4 | 6): number => (version === 4 ? 32 : 128);

function ipv4Value(text: string): bigint {
  return text.split('.').reduce((value, part) => (value << 8n) | BigInt(Number.parseInt(part, 10)), 0n);
}

function ipv6Value(text: string): bigint {
  // A dotted IPv4 tail (`::ffff:127.0.0.1`) becomes its two hex groups first.
  const groups = text.replace(/(\d+\.\d+\.\d+\.\d+)$/, (dotted) => {
    const v4 = Number(ipv4Value(dotted));
    return `${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  });
  const [head = '', rest] = groups.split('::');
  const headParts = head === '' ? [] : head.split(':');
  const restParts = rest === undefined || rest === '' ? [] : rest.split(':');
  const zeros = rest === undefined ? [] : new Array<string>(8 - headParts.length - restParts.length).fill('0');
  return [...headParts, ...zeros, ...restParts].reduce(
    (value, part) => (value << 16n) | BigInt(Number.parseInt(part, 16)),
    0n,
  );
}

/**
 * A strict textual address: dotted-quad IPv4 or IPv6 (brackets and a zone such as `%eth0` are
 * dropped). Odd IPv4 spellings (`127.1`, `0x7f.1`) are not addresses here: WHATWG URL parsing turns
 * them into dotted quads before they reach us, and an allow-list must say what it means.
 */
export function parseIpAddress(text: string): IpAddress | undefined {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const unzoned = bare.replace(/%.*$/, '');
  if (isIPv4(unzoned)) return { version: 4, value: ipv4Value(unzoned) };
  if (isIPv6(unzoned)) return { version: 6, value: ipv6Value(unzoned.toLowerCase()) };
  return undefined;
}

export function formatIpAddress(address: IpAddress): string {
  if (address.version === 4)
    return [24n, 16n, 8n, 0n].map((shift) => ((address.value >> shift) & 0xffn).toString()).join('.');
  const groups = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n) groups.push(((address.value >> shift) & 0xffffn).toString(16));
  return groups
    .join(':')
    .replace(/(^|:)0(:0)+(:|$)/, '::')
    .replace(/:{3,}/, '::');
}

/** Whether `address` lies in `network/prefix` (same version only). */
export function inRange(address: IpAddress, network: IpAddress, prefix: number): boolean {
  if (address.version !== network.version) return false;
  const shift = BigInt(addressBits(address.version) - prefix);
  return address.value >> shift === network.value >> shift;
}
