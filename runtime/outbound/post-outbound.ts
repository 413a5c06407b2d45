// POST to a URL outside our own networks (webhooks to customer endpoints), bounded in time and
// size. node:http rather than fetch: the address check has to run on the connection itself (a
// custom lookup), and the pool (keep-alive agents) must be ours.
import { request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { AppError } from '../errors/app-error.ts';
import { checkOutboundTarget, type OutboundTarget } from './check-outbound-url.ts';
import { checkedLookup, LookupRefused } from './checked-lookup.ts';
import { agentsFor } from './outbound-agents.ts';
import { OutboundError } from './outbound-error.ts';
import type { OutboundPolicy } from './outbound-policy.ts';
import { type BoundedBody, readBoundedBody } from './read-bounded-body.ts';
import { type ResolveHost, systemResolveHost } from './resolve-host.ts';

export { closeOutboundConnections } from './outbound-agents.ts';
export { OutboundError } from './outbound-error.ts';

export interface OutboundRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
  /** The whole exchange (connect, every redirect, the response body); default 10 000. */
  timeoutMs?: number;
  /** Default 64 KiB; more → RESPONSE_TOO_LARGE, and reading stops there. */
  maxResponseBytes?: number;
  /** Default 0: a 3xx is REDIRECT_NOT_FOLLOWED. Each followed Location is checked like the URL. */
  maxRedirects?: number;
}

export interface OutboundResponse {
  status: number;
  latencyMs: number;
  /** ≤ 1 KiB, text. */
  bodyExcerpt: string;
}

/** For tests only. */
export interface PostOutboundOptions {
  /** Simulated DNS answers (the metadata address, rebinding). */
  resolve?: ResolveHost;
  /** A CA to trust besides the system's (a TLS receiver on loopback with its own certificate). */
  ca?: string;
}

const redirectStatuses = new Set([301, 302, 303, 307, 308]);
// Sent to the first origin only: a redirect elsewhere must not carry them along.
const originBoundHeaders = new Set(['authorization', 'cookie', 'proxy-authorization']);

interface Answer extends BoundedBody {
  status: number;
  location: string | undefined;
}

class Timeout extends Error {}

function exchange(
  target: OutboundTarget,
  request: OutboundRequest,
  headers: OutgoingHttpHeaders,
  policy: OutboundPolicy,
  options: PostOutboundOptions,
  signal: AbortSignal,
): Promise<Answer> {
  return new Promise((resolveAnswer, reject) => {
    const secure = target.url.protocol === 'https:';
    const agents = agentsFor(policy);
    const outgoing = (secure ? httpsRequest : httpRequest)({
      method: 'POST',
      host: target.host,
      port: target.url.port || (secure ? 443 : 80),
      path: `${target.url.pathname}${target.url.search}`,
      headers: { ...headers, 'content-length': Buffer.byteLength(request.body) },
      agent: secure ? agents.https : agents.http,
      lookup: checkedLookup(policy, target, options.resolve ?? systemResolveHost),
      ...(options.ca === undefined ? {} : { ca: options.ca }),
    });
    let response: IncomingMessage | undefined;
    const settle = (answer: Answer): void => {
      signal.removeEventListener('abort', onAbort);
      resolveAnswer(answer);
    };
    const fail = (error: unknown): void => {
      signal.removeEventListener('abort', onAbort);
      reject(error);
    };
    const onAbort = (): void => {
      const timeout = new Timeout();
      outgoing.destroy(timeout);
      response?.destroy(timeout);
      fail(timeout);
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    outgoing.on('error', fail);
    outgoing.on('response', (incoming) => {
      response = incoming;
      readBoundedBody(incoming, request.maxResponseBytes ?? 64 * 1024).then(
        (body) =>
          settle({ ...body, status: incoming.statusCode ?? 0, location: incoming.headers.location ?? undefined }),
        fail,
      );
    });
    outgoing.end(request.body);
  });
}

function outboundFailure(error: unknown, latencyMs: number): OutboundError {
  if (error instanceof OutboundError) return error;
  if (error instanceof Timeout)
    return new OutboundError('TIMEOUT', `no complete answer within the time allowed`, latencyMs);
  if (error instanceof LookupRefused) return new OutboundError('REFUSED', error.refusal.message, latencyMs);
  if (error instanceof AppError) return new OutboundError('REFUSED', error.message, latencyMs);
  const code = (error as NodeJS.ErrnoException).code;
  const message = error instanceof Error ? error.message : String(error);
  return new OutboundError('NETWORK', code ? `${code}: ${message}` : message, latencyMs);
}

function redirectHeaders(headers: OutgoingHttpHeaders, from: URL, to: URL): OutgoingHttpHeaders {
  if (from.origin === to.origin) return headers;
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !originBoundHeaders.has(name.toLowerCase())));
}

/** Where a redirect leads (checked again by the next hop), or the error that ends the call here. */
function followedLocation(answer: Answer, from: URL, followed: number, maxRedirects: number, latencyMs: number): URL {
  const raw = answer.location ?? '';
  const seen = { status: answer.status, bodyExcerpt: answer.excerpt };
  const shown = raw.slice(0, 300);
  if (!URL.canParse(raw, from))
    throw new OutboundError(
      'NETWORK',
      `the answer ${answer.status} redirects to an invalid Location "${shown}"`,
      latencyMs,
      seen,
    );
  if (followed >= maxRedirects)
    throw new OutboundError(
      'REDIRECT_NOT_FOLLOWED',
      `the answer ${answer.status} redirects to ${shown}; ${maxRedirects === 0 ? 'redirects are not followed' : `${maxRedirects} redirect(s) were followed already`} — use the final URL`,
      latencyMs,
      seen,
    );
  return new URL(raw, from);
}

export async function postOutbound(
  request: OutboundRequest,
  policy: OutboundPolicy,
  options: PostOutboundOptions = {},
): Promise<OutboundResponse> {
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), request.timeoutMs ?? 10_000);
  const maxRedirects = request.maxRedirects ?? 0;
  let url = request.url;
  let headers: OutgoingHttpHeaders = { ...request.headers };
  try {
    for (let redirects = 0; ; redirects += 1) {
      const target = checkOutboundTarget(url, policy);
      const answer = await exchange(target, request, headers, policy, options, deadline.signal);
      if (answer.tooLarge)
        throw new OutboundError(
          'RESPONSE_TOO_LARGE',
          `the answer (${answer.status}) is larger than ${request.maxResponseBytes ?? 64 * 1024} bytes; reading stopped there`,
          elapsed(),
          { status: answer.status, bodyExcerpt: answer.excerpt },
        );
      if (!redirectStatuses.has(answer.status) || answer.location === undefined)
        return { status: answer.status, latencyMs: elapsed(), bodyExcerpt: answer.excerpt };
      const location = followedLocation(answer, target.url, redirects, maxRedirects, elapsed());
      headers = redirectHeaders(headers, target.url, location);
      url = location.href;
    }
  } catch (error) {
    throw outboundFailure(error, elapsed());
  } finally {
    clearTimeout(timer);
  }
}
