// Name resolution for outgoing calls, replaceable in tests (a hostname that resolves to the cloud
// metadata address, or to a public address first and to loopback the second time).
import { lookup } from 'node:dns/promises';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export type ResolveHost = (hostname: string) => Promise<readonly ResolvedAddress[]>;

/** The system resolver (hosts file included), every address of every family. */
export const systemResolveHost: ResolveHost = async (hostname) => {
  const addresses = await lookup(hostname, { all: true, verbatim: true });
  return addresses.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
};
