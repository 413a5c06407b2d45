// npm run bench:runtime — the runtime measured from the outside, side by side in one run:
//  1. accepted events/s on POST /api/v1/events (autocannon; durable write, SQLite, no workers);
//  2. end-to-end PDFs/minute for the demo contract with the warm LibreOffice pool, and the same
//     with libreoffice-convert (one cold soffice per document) as the baseline; the ratio;
//  3. peak memory (RSS of the runtime process and everything it started).
// Each runtime is a real child process on a fresh data dir. Targets: ≥ 2,000 events/s; ≥ 8× the
// baseline and ≥ 600 PDFs/minute. Figures are printed; the process does not fail on a miss.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type { DealEvent } from '../../schemas/index.ts';
import { killProcessGroup, type RuntimeProcess, startRuntimeProcess } from '../support/runtime-process.ts';

const adminToken = 'ink_bench_admin_token_0123456789abcdefghijklmnop';
const contractEvent = JSON.parse(
  readFileSync(new URL('../../schemas/examples/deal-event.contract.json', import.meta.url), 'utf8'),
) as DealEvent;
const intakeSeconds = Number(process.env.BENCH_INTAKE_SECONDS ?? 10);
const warmDocuments = Number(process.env.BENCH_WARM_DOCUMENTS ?? 120);
const coldDocuments = Number(process.env.BENCH_COLD_DOCUMENTS ?? 16);

/** RSS of the runtime's process group plus its LibreOffice instances (own groups, profiles in dataDir). */
function groupRssMb(pgid: number, dataDir: string): number {
  let kb = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ours = Number(fields[2]) === pgid || readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(dataDir);
      if (!ours) continue;
      const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${entry}/status`, 'utf8'));
      kb += Number(rss?.[1] ?? 0);
    } catch {
      // the process ended while we looked
    }
  }
  return kb / 1024;
}

function watchPeakRss(pgid: number, dataDir: string): () => number {
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, groupRssMb(pgid, dataDir));
  }, 200);
  return () => {
    clearInterval(timer);
    return peak;
  };
}

async function withRuntime<T>(
  env: Record<string, string>,
  body: (runtime: RuntimeProcess, dataDir: string) => Promise<T>,
): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), 'inkflow-bench-'));
  const runtime = await startRuntimeProcess(
    { INKFLOW_DATA_DIR: dataDir, INKFLOW_ADMIN_TOKEN: adminToken, LOG_LEVEL: 'info', ...env },
    120_000,
  );
  try {
    return await body(runtime, dataDir);
  } finally {
    killProcessGroup(runtime.pid);
    await runtime.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const headers = { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` };

function eventNumber(prefix: string, n: number): DealEvent {
  return { ...contractEvent, eventId: `${prefix}-${n}`, deal: { ...contractEvent.deal, id: `D-${prefix}-${n}` } };
}

async function measureIntake(): Promise<{
  perSecond: number;
  accepted: number;
  errors: number;
  p99: number;
  peakMb: number;
}> {
  return withRuntime({ INKFLOW_WORKERS: '0' }, async (runtime, dataDir) => {
    const stopWatch = watchPeakRss(runtime.pid, dataDir);
    let counter = 0;
    const result = await autocannon({
      url: `http://127.0.0.1:${runtime.port}/api/v1/events`,
      connections: 50,
      duration: intakeSeconds,
      requests: [
        {
          method: 'POST',
          headers,
          setupRequest: (request) => ({ ...request, body: JSON.stringify(eventNumber('intake', counter++)) }),
        },
      ],
    });
    const accepted = result['2xx'];
    return {
      perSecond: accepted / (result.duration || intakeSeconds),
      accepted,
      errors: result.non2xx + result.errors,
      p99: result.latency.p99,
      peakMb: stopWatch(),
    };
  });
}

async function post(runtime: RuntimeProcess, event: DealEvent): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${runtime.port}/api/v1/events`, {
    method: 'POST',
    headers,
    body: JSON.stringify(event),
  });
  if (response.status !== 202) throw new Error(`POST /events answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { runId: string }).runId;
}

async function waitForRuns(runtime: RuntimeProcess, runIds: string[]): Promise<void> {
  const open = new Set(runIds);
  const deadline = Date.now() + 15 * 60_000;
  while (open.size > 0) {
    if (Date.now() > deadline) throw new Error(`${open.size} runs did not complete`);
    for (const runId of [...open]) {
      const response = await fetch(`http://127.0.0.1:${runtime.port}/api/v1/runs/${runId}`, { headers });
      const run = (await response.json()) as { status: string; errors: unknown[] };
      if (run.status === 'failed') throw new Error(`run ${runId} failed: ${JSON.stringify(run.errors)}`);
      if (run.status === 'completed') open.delete(runId);
    }
    if (open.size > 0) await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function measurePdfs(provider: 'warm' | 'cold', count: number): Promise<{ perMinute: number; peakMb: number }> {
  const env = { INKFLOW_PDF_PROVIDER: provider, INKFLOW_WORKERS: '2', INKFLOW_PDF_INSTANCES: '2' };
  return withRuntime(env, async (runtime, dataDir) => {
    // Warm-up: the first documents start LibreOffice; the figure is the steady state.
    await waitForRuns(runtime, [
      await post(runtime, eventNumber(`${provider}-warmup`, 0)),
      await post(runtime, eventNumber(`${provider}-warmup`, 1)),
    ]);
    const stopWatch = watchPeakRss(runtime.pid, dataDir);
    const started = performance.now();
    const runIds = await Promise.all(Array.from({ length: count }, (_, n) => post(runtime, eventNumber(provider, n))));
    await waitForRuns(runtime, runIds);
    const minutes = (performance.now() - started) / 60_000;
    return { perMinute: count / minutes, peakMb: stopWatch() };
  });
}

const intake = await measureIntake();
const warm = await measurePdfs('warm', warmDocuments);
const cold = await measurePdfs('cold', coldDocuments);
const ratio = warm.perMinute / cold.perMinute;
const row = (cells: string[]) => cells.map((cell, n) => (n === 0 ? cell.padEnd(52) : cell.padStart(14))).join('');

console.log(`\ninkflow runtime benchmark (${new Date().toISOString()}, ${process.version})\n`);
console.log(row(['measure', 'value', 'peak RSS MB']));
console.log(
  row([
    `POST /api/v1/events, accepted/s (${intake.accepted} in ${intakeSeconds}s, 50 conns)`,
    intake.perSecond.toFixed(0),
    intake.peakMb.toFixed(0),
  ]),
);
console.log(row(['  latency p99 ms / non-2xx + errors', `${intake.p99} / ${intake.errors}`, '']));
console.log(
  row([
    `demo contract PDFs/minute, warm pool (${warmDocuments} docs)`,
    warm.perMinute.toFixed(0),
    warm.peakMb.toFixed(0),
  ]),
);
console.log(
  row([
    `demo contract PDFs/minute, libreoffice-convert (${coldDocuments} docs)`,
    cold.perMinute.toFixed(0),
    cold.peakMb.toFixed(0),
  ]),
);
console.log(row(['warm / libreoffice-convert', `${ratio.toFixed(1)}×`, '']));
console.log('\ntargets:');
console.log(`  accepted events/s ≥ 2,000: ${intake.perSecond >= 2000 ? 'met' : 'MISSED'}`);
console.log(`  PDFs/minute ≥ 8× baseline: ${ratio >= 8 ? 'met' : 'MISSED'}`);
console.log(`  PDFs/minute ≥ 600: ${warm.perMinute >= 600 ? 'met' : 'MISSED'}`);
