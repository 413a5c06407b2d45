// The `lookup` given to each outgoing request: the addresses are checked when the socket connects,
// not before, so a name that resolved to a public address at check time cannot rebind to
// 127.0.0.1 or 169.254.169.254 for the call itself.
import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import type { AppError } from '../errors/app-error.ts';
import { checkResolvedAddresses, type OutboundTarget } from './check-outbound-url.ts';
import type { OutboundPolicy } from './outbound-policy.ts';
import type { ResolveHost } from './resolve-host.ts';

/** A lookup refused by the policy: the request fails with this (REFUSED), not as a network error. */
export class LookupRefused extends Error {
  constructor(readonly refusal: AppError) {
    super(refusal.message);
  }
}

export function checkedLookup(
  policy: OutboundPolicy,
  target: Pick<OutboundTarget, 'plainHttpByAddress'>,
  resolve: ResolveHost,
): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (resolved) => {
        try {
          checkResolvedAddresses(
            policy,
            { host: hostname, plainHttpByAddress: target.plainHttpByAddress },
            resolved.map((entry) => entry.address),
          );
        } catch (error) {
          callback(new LookupRefused(error as AppError), '', 4);
          return;
        }
        const usable = options.family ? resolved.filter((entry) => entry.family === options.family) : resolved;
        const [first] = usable;
        if (!first) {
          const missing: NodeJS.ErrnoException = new Error(`${hostname} has no IPv${options.family} address`);
          missing.code = 'ENOTFOUND';
          callback(missing, '', 4);
        } else if (options.all) {
          // net's happy-eyeballs connect (autoSelectFamily) asks for every address.
          (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, [...usable]);
        } else callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 4),
    );
  };
}
