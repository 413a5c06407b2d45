// The addresses an outgoing call must not reach unless an operator allows them: everything that is
// not the public internet (our own machine, the LAN, the cloud's metadata service, reserved space).
import { type IpAddress, inRange, parseIpAddress } from './ip-address.ts';

interface Range {
  network: IpAddress;
  prefix: number;
  /** Words for the refusal message. */
  reason: string;
}

function range(cidr: string, reason: string): Range {
  const [text = '', prefix = ''] = cidr.split('/');
  const network = parseIpAddress(text);
  if (!network) throw new Error(`bad built-in range ${cidr}`);
  return { network, prefix: Number(prefix), reason };
}

const ipv4Ranges: readonly Range[] = [
  range('0.0.0.0/8', 'a "this network" address (0.0.0.0/8)'),
  range('10.0.0.0/8', 'a private address (10.0.0.0/8)'),
  range('100.64.0.0/10', 'a carrier-grade NAT address (100.64.0.0/10)'),
  range('127.0.0.0/8', 'a loopback address (127.0.0.0/8)'),
  range('169.254.0.0/16', 'a link-local address (169.254.0.0/16, where cloud metadata services answer)'),
  range('172.16.0.0/12', 'a private address (172.16.0.0/12)'),
  range('192.0.0.0/24', 'a reserved address (192.0.0.0/24)'),
  range('192.0.2.0/24', 'a documentation address (192.0.2.0/24)'),
  range('192.88.99.0/24', 'a reserved 6to4 relay address (192.88.99.0/24)'),
  range('192.168.0.0/16', 'a private address (192.168.0.0/16)'),
  range('198.18.0.0/15', 'a benchmarking address (198.18.0.0/15)'),
  range('198.51.100.0/24', 'a documentation address (198.51.100.0/24)'),
  range('203.0.113.0/24', 'a documentation address (203.0.113.0/24)'),
  range('224.0.0.0/4', 'a multicast address (224.0.0.0/4)'),
  range('240.0.0.0/4', 'a reserved address (240.0.0.0/4, incl. broadcast)'),
];

// Only global unicast (2000::/3) reaches the internet; inside it these are special.
const globalUnicast = range('2000::/3', '');
const ipv6Ranges: readonly Range[] = [
  range('::1/128', 'a loopback address (::1)'),
  range('::/96', 'an unspecified or IPv4-compatible address (::/96)'),
  range('64:ff9b:1::/48', 'a local-use NAT64 address (64:ff9b:1::/48)'),
  range('100::/64', 'a discard address (100::/64)'),
  range('fc00::/7', 'a private (unique local) address (fc00::/7)'),
  range('fe80::/10', 'a link-local address (fe80::/10)'),
  range('fec0::/10', 'a site-local address (fec0::/10)'),
  range('ff00::/8', 'a multicast address (ff00::/8)'),
  range('2001::/23', 'a reserved IETF protocol address (2001::/23, incl. Teredo)'),
  range('2001:db8::/32', 'a documentation address (2001:db8::/32)'),
  range('3fff::/20', 'a documentation address (3fff::/20)'),
];

const v4 = (value: bigint): IpAddress => ({ version: 4, value: value & 0xffffffffn });

/**
 * The IPv4 address an IPv6 address stands for, where connecting to it reaches that IPv4 host:
 * IPv4-mapped (::ffff:a.b.c.d), IPv4-translated (::ffff:0:a.b.c.d), NAT64 (64:ff9b::a.b.c.d)
 * and 6to4 (2002:aabb:ccdd::).
 */
export function embeddedIpv4(address: IpAddress): IpAddress | undefined {
  if (address.version !== 6) return undefined;
  const { value } = address;
  if (value >> 32n === 0xffffn || value >> 32n === 0xffff0000n) return v4(value);
  if (value >> 32n === 0x64ff9b0000000000000000n) return v4(value);
  if (value >> 112n === 0x2002n) return v4(value >> 80n);
  return undefined;
}

/** Why connecting to `address` is refused by default, or undefined for a public address. */
export function refusalReason(address: IpAddress): string | undefined {
  const embedded = embeddedIpv4(address);
  if (embedded) {
    const inner = refusalReason(embedded);
    return inner && `${inner} written as IPv6`;
  }
  const ranges = address.version === 4 ? ipv4Ranges : ipv6Ranges;
  const hit = ranges.find((candidate) => inRange(address, candidate.network, candidate.prefix));
  if (hit) return hit.reason;
  if (address.version === 6 && !inRange(address, globalUnicast.network, globalUnicast.prefix))
    return 'a reserved address (outside global unicast 2000::/3)';
  return undefined;
}
