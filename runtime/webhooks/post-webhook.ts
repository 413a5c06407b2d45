// One POST of a signed delivery through the runtime's guarded outgoing client (runtime/outbound:
// address checks on the connection, no redirects, bounded answer), reduced to what the delivery
// log records. A 2xx is success; anything else, or no answer in time, is a failed attempt.
import type { RuntimeConfig } from '../config.ts';
import { OutboundError } from '../outbound/outbound-error.ts';
import { outboundPolicy } from '../outbound/outbound-policy.ts';
import { postOutbound } from '../outbound/post-outbound.ts';

export interface WebhookAnswer {
  outcome: 'delivered' | 'failed' | 'refused';
  httpStatus: number | null;
  /** null when delivered; HTTP_STATUS for a non-2xx answer; otherwise the outgoing client's code. */
  errorCode: string | null;
  message: string | null;
  latencyMs: number;
  responseExcerpt: string | null;
}

const excerptLimit = 1024;

export async function postWebhook(
  config: RuntimeConfig,
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<WebhookAnswer> {
  try {
    const answer = await postOutbound(
      { url, body, headers, timeoutMs: config.webhooks.timeoutMs, maxResponseBytes: 64 * 1024, maxRedirects: 0 },
      outboundPolicy(config),
    );
    const delivered = answer.status >= 200 && answer.status < 300;
    return {
      outcome: delivered ? 'delivered' : 'failed',
      httpStatus: answer.status,
      errorCode: delivered ? null : 'HTTP_STATUS',
      message: delivered ? null : `the receiver answered ${answer.status}`,
      latencyMs: answer.latencyMs,
      responseExcerpt: answer.bodyExcerpt.slice(0, excerptLimit),
    };
  } catch (error) {
    if (!(error instanceof OutboundError)) throw error;
    // The receiver took it (2xx) and then talked too long: delivered; posting again would duplicate it.
    const accepted = error.status !== undefined && error.status >= 200 && error.status < 300;
    if (error.code === 'RESPONSE_TOO_LARGE' && accepted) {
      return {
        outcome: 'delivered',
        httpStatus: error.status ?? null,
        errorCode: null,
        message: null,
        latencyMs: error.latencyMs,
        responseExcerpt: error.bodyExcerpt?.slice(0, excerptLimit) ?? null,
      };
    }
    return {
      outcome: error.code === 'REFUSED' ? 'refused' : 'failed',
      httpStatus: error.status ?? null,
      errorCode: error.code,
      message: error.message.slice(0, 500),
      latencyMs: error.latencyMs,
      responseExcerpt: error.bodyExcerpt?.slice(0, excerptLimit) ?? null,
    };
  }
}
