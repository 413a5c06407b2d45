// HTTP calls the event → run → document tests make, and pdftotext over a fetched PDF.
import { execFile } from 'node:child_process';
import type { DealEvent, Run } from '../../schemas/index.ts';
import type { EventPathHarness } from './event-path-harness.ts';
import { waitFor } from './wait-for.ts';

export interface Reply<T> {
  status: number;
  body: T;
  headers: Headers;
}

export function eventPathClient(harness: EventPathHarness, role: 'client' | 'admin' | 'analyst' = 'client') {
  const headers = (extra: Record<string, string> = {}) => ({
    authorization: `Bearer ${harness.tokens[role]}`,
    ...extra,
  });
  async function getJson<T>(path: string): Promise<Reply<T>> {
    const response = await fetch(`${harness.baseUrl}${path}`, { headers: headers() });
    return { status: response.status, body: (await response.json()) as T, headers: response.headers };
  }
  async function postJson<T>(path: string, body: unknown, extra: Record<string, string> = {}): Promise<Reply<T>> {
    const response = await fetch(`${harness.baseUrl}${path}`, {
      method: 'POST',
      headers: headers({ 'content-type': 'application/json', ...extra }),
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T, headers: response.headers };
  }
  async function getBytes(path: string): Promise<{ status: number; bytes: Uint8Array; headers: Headers }> {
    const response = await fetch(`${harness.baseUrl}${path}`, { headers: headers() });
    return { status: response.status, bytes: new Uint8Array(await response.arrayBuffer()), headers: response.headers };
  }
  const postEvent = (event: DealEvent) => postJson<{ runId: string; duplicate: boolean }>('/events', event);
  /** Polls the run until it is completed or failed. */
  async function settledRun(runId: string, timeoutMs = 90_000): Promise<Run> {
    let run: Run | undefined;
    await waitFor(
      async () => {
        run = (await getJson<Run>(`/runs/${runId}`)).body;
        return run.status === 'completed' || run.status === 'failed';
      },
      timeoutMs,
      `run ${runId} to settle`,
      100,
    );
    return run as Run;
  }
  return { getJson, postJson, getBytes, postEvent, settledRun };
}

/** The PDF's text with every run of whitespace as one space: a value may wrap across lines. */
export function pdfText(pdf: Uint8Array): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile('pdftotext', ['-', '-'], { maxBuffer: 16 * 1024 * 1024 }, (error, stdout) =>
      error ? reject(error) : resolve(stdout.replace(/\s+/g, ' ')),
    );
    child.stdin?.end(Buffer.from(pdf));
  });
}
