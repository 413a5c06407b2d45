// Whether a URL may be called from here: https (or http where the operator allows it), no
// credentials in it, and a host that resolves only to addresses outside our own networks, so a
// customer's webhook URL cannot be aimed at the machine, the LAN or the cloud metadata service.
import { AppError } from '../errors/app-error.ts';
import { formatIpAddress, type IpAddress, parseIpAddress } from './ip-address.ts';
import { type OutboundPolicy, policyRules } from './outbound-policy.ts';
import { refusalReason } from './refused-ranges.ts';
import { type ResolveHost, systemResolveHost } from './resolve-host.ts';

export const maxOutboundUrlLength = 2000;

const allowPrivateVariable = 'INKFLOW_WEBHOOK_ALLOW_PRIVATE';
const allowHttpVariable = 'INKFLOW_WEBHOOK_ALLOW_HTTP';

export interface OutboundTarget {
  url: URL;
  /** The host to connect to, without the brackets of an IPv6 literal. */
  host: string;
  /** Set when the URL names an address rather than a hostname. */
  literal: IpAddress | undefined;
  /** http to a hostname not listed: allowed only if every address it resolves to is in a listed range. */
  plainHttpByAddress: boolean;
}

const refused = (message: string): AppError => new AppError('validation', 'OUTBOUND_URL_REFUSED', message);

/**
 * Why `address` (what `host` resolved to, or the host itself) may not be called, or undefined.
 * The message names both ways to allow it.
 */
export function addressRefusal(policy: OutboundPolicy, host: string, address: IpAddress): string | undefined {
  const reason = refusalReason(address);
  if (!reason) return undefined;
  const rules = policyRules(policy);
  if (rules.privateHost(host) || rules.privateAddress(address)) return undefined;
  const shown = formatIpAddress(address);
  const named = parseIpAddress(host) ? `${shown} is` : `${host} resolves to ${shown},`;
  const allow = parseIpAddress(host) ? `"${shown}"` : `"${host}" or "${shown}"`;
  return `${named} ${reason}; outgoing calls go to public addresses only — to allow it, add ${allow} to ${allowPrivateVariable}`;
}

/** The checks that need no DNS: length, syntax, scheme, credentials and a literal address. */
export function checkOutboundTarget(url: string, policy: OutboundPolicy): OutboundTarget {
  if (url.length > maxOutboundUrlLength)
    throw refused(`the URL is ${url.length} characters long; at most ${maxOutboundUrlLength} are allowed`);
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  if (!parsed) throw refused('the URL is not an absolute URL (e.g. https://crm.example.com/hooks/inkflow)');
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw refused(`the URL's scheme is ${parsed.protocol.replace(/:$/, '')}; only https (or allowed http) is called`);
  if (parsed.username !== '' || parsed.password !== '')
    throw refused('the URL contains a user name or password; put credentials in a header instead');
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  const literal = parseIpAddress(host);
  const addressProblem = literal && addressRefusal(policy, host, literal);
  if (addressProblem) throw refused(addressProblem);
  const rules = policyRules(policy);
  const plainHttp = parsed.protocol === 'http:' && !rules.plainHttp(host, literal);
  if (plainHttp && (literal || !rules.plainHttpRanges)) throw refused(plainHttpRefusal(host));
  return { url: parsed, host, literal, plainHttpByAddress: plainHttp };
}

function plainHttpRefusal(host: string, address?: IpAddress): string {
  const or = address ? ` (or its address ${formatIpAddress(address)})` : '';
  return `the URL uses http; only https is called unless the host is listed — add "${host}"${or} to ${allowHttpVariable} to allow plain http to it`;
}

/** Refuses when any address the host resolves to may not be called (over http: is not listed for it). */
export function checkResolvedAddresses(
  policy: OutboundPolicy,
  target: Pick<OutboundTarget, 'host' | 'plainHttpByAddress'>,
  addresses: readonly string[],
): void {
  const { host } = target;
  if (addresses.length === 0) throw refused(`${host} resolves to no address`);
  for (const text of addresses) {
    const address = parseIpAddress(text);
    if (!address) throw refused(`${host} resolves to "${text}", which is not an IP address`);
    const problem = addressRefusal(policy, host, address);
    if (problem) throw refused(problem);
    if (target.plainHttpByAddress && !policyRules(policy).plainHttpAddress(address))
      throw refused(plainHttpRefusal(host, address));
  }
}

/** The URL, parsed, when it may be called now; an AppError OUTBOUND_URL_REFUSED that says why not. */
export async function checkOutboundUrl(
  url: string,
  policy: OutboundPolicy,
  options: { resolve?: ResolveHost } = {},
): Promise<URL> {
  const target = checkOutboundTarget(url, policy);
  if (target.literal) return target.url;
  const resolve = options.resolve ?? systemResolveHost;
  let addresses: readonly string[];
  try {
    addresses = (await resolve(target.host)).map((resolved) => resolved.address);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'lookup failed';
    throw refused(`${target.host} cannot be resolved (${code}); check the hostname`);
  }
  checkResolvedAddresses(policy, target, addresses);
  return target.url;
}
