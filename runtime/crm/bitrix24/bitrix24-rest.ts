// Calls one Bitrix24 REST method through the portal's inbound webhook: POST <webhookUrl><method>.json
// with a JSON body; the answer is { result } or { error, error_description }. Each call has a
// deadline and reads at most maxResponseBytes; no redirect is followed. Failures are JobErrors:
// the network, timeouts, 5xx and QUERY_LIMIT_EXCEEDED are retried, any other refusal is not.
// The webhook URL's path is a password: messages name the method and the portal's host only.
import { JobError } from '../../jobs/job-error.ts';
import type { Bitrix24Config } from './bitrix24-config.ts';

const maxResponseBytes = 4 * 1024 * 1024;
/** The JobError code of a record the portal does not have (a final refusal like the others). */
export const bitrix24NotFound = 'BITRIX24_NOT_FOUND';
const maxMessageLength = 300;

export interface Bitrix24Rest {
  /** The method's `result`; throws JobError. */
  call(method: string, params: Record<string, unknown>): Promise<unknown>;
}

type Answer = { status: number; body: unknown };

function redactor(config: Bitrix24Config): (text: string) => string {
  const url = new URL(config.webhookUrl);
  const secrets = [config.webhookUrl, url.pathname, ...url.pathname.split('/').filter((part) => part.length >= 6)];
  return (text) => {
    let clean = text;
    for (const secret of secrets) clean = clean.split(secret).join('…');
    return clean.replace(/\s+/g, ' ').slice(0, maxMessageLength);
  };
}

async function readBounded(response: Response): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxResponseBytes) throw new Error(`the answer is larger than ${maxResponseBytes} bytes`);
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxResponseBytes) {
      await reader.cancel();
      throw new Error(`the answer is larger than ${maxResponseBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function post(config: Bitrix24Config, method: string, params: Record<string, unknown>): Promise<Answer> {
  const signal = AbortSignal.timeout(config.timeoutMs);
  const response = await fetch(`${config.webhookUrl}${method}.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(params),
    redirect: 'manual',
    signal,
  });
  const text = await readBounded(response);
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, body };
}

function refusal(method: string, host: string, answer: Answer, redact: (text: string) => string): JobError {
  const body = (answer.body ?? {}) as { error?: unknown; error_description?: unknown };
  const code = typeof body.error === 'string' ? body.error : '';
  const description = typeof body.error_description === 'string' ? body.error_description : '';
  const retryable = answer.status >= 500 || answer.status === 429 || code === 'QUERY_LIMIT_EXCEEDED';
  const said = [code, description].filter(Boolean).join(': ') || 'no error description';
  // crm.*.get of a deleted record: HTTP 400 (or 404) with error_description "Not found".
  const missing = (answer.status === 400 || answer.status === 404) && /^not found\.?$/i.test(description.trim());
  const jobCode = missing
    ? bitrix24NotFound
    : answer.status >= 300 && answer.status < 400
      ? 'BITRIX24_REDIRECT'
      : 'BITRIX24_REFUSED';
  return new JobError(
    retryable ? 'BITRIX24_UNAVAILABLE' : jobCode,
    redact(`Bitrix24 ${method} on ${host} answered ${answer.status}: ${said}`),
    { retryable },
  );
}

export function bitrix24Rest(config: Bitrix24Config): Bitrix24Rest {
  const host = new URL(config.webhookUrl).host;
  const redact = redactor(config);
  return {
    async call(method, params) {
      let answer: Answer;
      try {
        answer = await post(config, method, params);
      } catch (error) {
        const timedOut = (error as Error).name === 'TimeoutError';
        const cause = (error as { cause?: { code?: unknown } }).cause?.code;
        const detail = timedOut
          ? `no answer within ${config.timeoutMs} ms`
          : `${(error as Error).message}${typeof cause === 'string' ? ` (${cause})` : ''}`;
        throw new JobError('BITRIX24_UNAVAILABLE', redact(`Bitrix24 ${method} on ${host}: ${detail}`), {
          retryable: true,
        });
      }
      const body = answer.body as { result?: unknown; error?: unknown } | undefined;
      if (answer.status === 200 && body && body.error === undefined && 'result' in body) return body.result;
      throw refusal(method, host, answer, redact);
    },
  };
}
