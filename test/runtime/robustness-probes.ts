// Helpers for the robustness test: a /healthz poller, a memory sampler of a child process, raw
// HTTP over TCP (for uploads cut short), and bodies over each limit.
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';

export interface HealthPoll {
  /** Every poll's status (0: no answer within the poll's timeout) and latency in ms. */
  readonly polls: { status: number; ms: number }[];
  stop(): Promise<void>;
}

/** Polls GET /healthz one request at a time until stopped; a poll without an answer in 10 s is status 0. */
export function pollHealth(baseUrl: string, pauseMs = 100): HealthPoll {
  const polls: { status: number; ms: number }[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      let status = 0;
      try {
        const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(10_000) });
        await response.arrayBuffer();
        status = response.status;
      } catch {
        status = 0;
      }
      polls.push({ status, ms: Math.round(performance.now() - started) });
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  })();
  return {
    polls,
    async stop() {
      running = false;
      await loop;
    },
  };
}

/** The resident set size of a process in bytes, from /proc (Linux). */
export function residentBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kilobytes = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
  return kilobytes ? Number(kilobytes) * 1024 : 0;
}

export interface MemorySampler {
  readonly peakBytes: number;
  stop(): void;
}

export function sampleMemory(pid: number, everyMs = 200): MemorySampler {
  let peak = residentBytes(pid);
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, residentBytes(pid));
    } catch {
      // the process is gone; the test's liveness check says so
    }
  }, everyMs);
  return {
    get peakBytes() {
      return peak;
    },
    stop: () => clearInterval(timer),
  };
}

/** Sends a raw request (head + body bytes, no half-close) and reads the answer's status and text. */
export function rawExchange(port: number, head: string, body: Buffer): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.setTimeout(30_000, () => socket.destroy(new Error('no answer within 30 s')));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      resolve({ status: Number.parseInt(text.slice(9, 12), 10), text: text.slice(text.indexOf('\r\n\r\n') + 4) });
    });
    socket.write(Buffer.concat([Buffer.from(head), body]));
  });
}

/** Declares `declared` bytes, sends `body`, then drops the connection. */
export function dropMidBody(port: number, head: string, body: Buffer): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(head);
      socket.write(body, () => setTimeout(() => socket.destroy(), 100));
    });
    socket.on('error', () => resolve());
    socket.on('close', () => resolve());
  });
}

/** A JSON document nested `depth` arrays deep. */
export const nestedJson = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;

/** A JSON string of about `bytes` bytes: {"padding": "xxx…"}. */
export const oversizedJson = (bytes: number): string => JSON.stringify({ padding: 'x'.repeat(bytes) });
