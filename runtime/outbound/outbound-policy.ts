// Which outgoing calls an operator allows beyond the default (https to public addresses only).
import type { RuntimeConfig } from '../config.ts';
import { type AllowEntry, allowsAddress, allowsHost, parseAllowEntry } from './allow-list.ts';
import type { IpAddress } from './ip-address.ts';

export interface OutboundPolicy {
  /** Hostnames, IPs or CIDRs that may be private/loopback/link-local (and be called over http). */
  allowPrivate: readonly string[];
  /** Hostnames, IPs or CIDRs that may be called over plain http. */
  allowHttp: readonly string[];
}

const fromConfig = new WeakMap<RuntimeConfig, OutboundPolicy>();

/** The same policy object for the same config: callers may ask per delivery, the rules parse once. */
export function outboundPolicy(config: RuntimeConfig): OutboundPolicy {
  let policy = fromConfig.get(config);
  if (!policy) {
    policy = Object.freeze({
      allowPrivate: Object.freeze([...config.outbound.allowPrivate]),
      allowHttp: Object.freeze([...config.outbound.allowHttp]),
    });
    fromConfig.set(config, policy);
  }
  return policy;
}

/** A policy with its entries parsed once (policies are long-lived: one per configuration). */
export interface PolicyRules {
  privateHost(hostname: string): boolean;
  privateAddress(address: IpAddress): boolean;
  /** `host` is a hostname, or the address when the URL names one. */
  plainHttp(hostname: string, literal: IpAddress | undefined): boolean;
  /** Some entries are addresses or ranges: http to a hostname may be allowed by what it resolves to. */
  plainHttpRanges: boolean;
  plainHttpAddress(address: IpAddress): boolean;
}

function parsedEntries(entries: readonly string[], variable: string): AllowEntry[] {
  return entries.map((text) => {
    const entry = parseAllowEntry(text);
    // loadConfig has already refused these; only a policy written by hand gets here.
    if (typeof entry === 'string') throw new Error(`outbound policy ${variable}: ${entry}`);
    return entry;
  });
}

const compiled = new WeakMap<OutboundPolicy, PolicyRules>();

export function policyRules(policy: OutboundPolicy): PolicyRules {
  const known = compiled.get(policy);
  if (known) return known;
  const allowPrivate = parsedEntries(policy.allowPrivate, 'allowPrivate');
  const allowHttp = [...parsedEntries(policy.allowHttp, 'allowHttp'), ...allowPrivate];
  const rules: PolicyRules = {
    privateHost: (hostname) => allowsHost(allowPrivate, hostname),
    privateAddress: (address) => allowsAddress(allowPrivate, address),
    plainHttp: (hostname, literal) => (literal ? allowsAddress(allowHttp, literal) : allowsHost(allowHttp, hostname)),
    plainHttpRanges: allowHttp.some((entry) => entry.kind === 'range'),
    plainHttpAddress: (address) => allowsAddress(allowHttp, address),
  };
  compiled.set(policy, rules);
  return rules;
}
