// One keep-alive agent pair per policy content: deliveries to the same receiver reuse connections
// (each was opened to a checked address), and a policy rebuilt from the same config shares them.
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { OutboundPolicy } from './outbound-policy.ts';

interface Agents {
  http: HttpAgent;
  https: HttpsAgent;
}

const agents = new Map<string, Agents>();

// Below the 5 s idle timeout of Node's (and many) servers, so an idle socket is dropped by us
// before the receiver closes it under a new request.
const freeSocketTimeoutMs = 4_000;
const maxSocketsPerHost = 32;

export function agentsFor(policy: OutboundPolicy): Agents {
  const key = JSON.stringify([policy.allowPrivate, policy.allowHttp]);
  let pair = agents.get(key);
  if (!pair) {
    const options = { keepAlive: true, maxSockets: maxSocketsPerHost, maxFreeSockets: 8, timeout: freeSocketTimeoutMs };
    pair = { http: new HttpAgent(options), https: new HttpsAgent(options) };
    agents.set(key, pair);
  }
  return pair;
}

/** Closes every pooled connection (shutdown, tests). Later calls open new ones. */
export function closeOutboundConnections(): void {
  for (const pair of agents.values()) {
    pair.http.destroy();
    pair.https.destroy();
  }
  agents.clear();
}
