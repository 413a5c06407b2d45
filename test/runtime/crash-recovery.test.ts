// kill -9 in the middle of PDF conversion, then a restart on the same data directory: every
// accepted event's run completes, with exactly one document per planned document and no
// duplicates. The killed runtime leaves no LibreOffice running (its UNO bridges take their soffice
// down), and the restart takes its jobs back at once instead of waiting out their lease.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { processesMentioning } from '../../runtime/pdf/process-table.ts';
import type { DealEvent, Run } from '../../schemas/index.ts';
import { exampleEvent } from '../support/examples.ts';
import { killProcess, killProcessGroup, type RuntimeProcess, startRuntimeProcess } from '../support/runtime-process.ts';
import { waitFor } from '../support/wait-for.ts';

// Two runtime starts (with LibreOffice) and 15 documents: well past the default on a loaded machine.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

const adminToken = 'ink_crash-test-admin-token-0123456789abcdefghijklmnopq';
const dataDir = mkdtempSync(join(tmpdir(), 'inkflow-crash-'));
const env = {
  INKFLOW_DATA_DIR: dataDir,
  INKFLOW_ADMIN_TOKEN: adminToken,
  // Long on purpose: the jobs cut off by the kill must come back through the start-up reclaim.
  INKFLOW_JOB_LEASE_MS: '600000',
  INKFLOW_WORKERS: '2',
  INKFLOW_PDF_INSTANCES: '2',
  LOG_LEVEL: 'info',
};
const started: RuntimeProcess[] = [];

/** Contract and invoice events for 15 deals: each plans exactly one document. */
function crashEvents(): DealEvent[] {
  return Array.from({ length: 15 }, (_, n) => {
    const base = exampleEvent(n % 3 === 2 ? 'invoice' : n % 3 === 1 ? 'small-contract' : 'contract');
    return { ...base, eventId: `crash-${n}`, deal: { ...base.deal, id: `D-crash-${n}`, title: `Crash deal ${n}` } };
  });
}

function openStore(): BetterSqlite3.Database {
  return new BetterSqlite3(join(dataDir, 'inkflow.sqlite'), { readonly: true, fileMustExist: true });
}

function count(sql: string): number {
  const store = openStore();
  try {
    return Number((store.prepare(sql).get() as { n: number }).n);
  } finally {
    store.close();
  }
}

async function api<T>(runtime: RuntimeProcess, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`http://127.0.0.1:${runtime.port}/api/v1${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as T };
}

describe('crash recovery (kill -9 during PDF conversion, real runtime process)', () => {
  afterAll(async () => {
    for (const runtime of started) killProcessGroup(runtime.pid);
    // LibreOffice runs in process groups of its own; the killed runtime's instances outlive it.
    for (let round = 0; round < 3; round++) {
      for (const pid of processesMentioning(dataDir)) killProcess(pid);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('finishes every accepted event after a restart, with no duplicate documents', async () => {
    const first = await startRuntimeProcess(env, 120_000);
    started.push(first);
    const events = crashEvents();
    const runIds: string[] = [];
    for (const event of events) {
      const accepted = await api<{ runId: string }>(first, '/events', event);
      expect(accepted.status).toBe(202);
      runIds.push(accepted.body.runId);
    }

    // Kill while a conversion is under way, after the first documents and before the last.
    await waitFor(
      () =>
        count('select count(*) as n from documents') > 0 &&
        count("select count(*) as n from jobs where kind = 'make-document' and status = 'running'") > 0,
      150_000,
      'a document made and a make-document job in flight',
      10,
    );
    const madeBeforeKill = count('select count(*) as n from documents');
    expect(madeBeforeKill).toBeGreaterThan(0);
    expect(madeBeforeKill).toBeLessThan(events.length);
    process.kill(first.pid, 'SIGKILL');
    await first.exited;
    const leftovers = processesMentioning(dataDir).length;
    await waitFor(
      () => processesMentioning(dataDir).length === 0,
      10_000,
      'the killed runtime to leave no LibreOffice',
      100,
    );

    const second = await startRuntimeProcess(env, 120_000);
    started.push(second);
    const runs = new Map<string, Run>();
    await waitFor(
      async () => {
        for (const runId of runIds) {
          if (runs.get(runId)?.status === 'completed') continue;
          const reply = await api<Run>(second, `/runs/${runId}`);
          runs.set(runId, reply.body);
        }
        return [...runs.values()].every((run) => run.status === 'completed' || run.status === 'failed');
      },
      180_000,
      'every run to settle after the restart',
      500,
    );

    expect(second.logLines.some((line) => line.includes('taken back at start'))).toBe(true);
    for (const run of runs.values()) {
      expect(run.status, `run ${run.id}: ${JSON.stringify(run.errors)}`).toBe('completed');
      const planned = (run.plan?.actions ?? []).filter((action) => action.kind === 'sendDocument');
      expect(planned).toHaveLength(1);
      expect(run.documents.map((document) => document.ruleName)).toEqual(planned.map((action) => action.ruleName));
    }
    const store = openStore();
    try {
      const perRule = store
        .prepare('select run_id, rule_name, count(*) as n from documents group by run_id, rule_name')
        .all() as { n: number }[];
      expect(perRule).toHaveLength(events.length);
      expect(perRule.every((row) => row.n === 1)).toBe(true);
      expect((store.prepare('select count(*) as n from runs').get() as { n: number }).n).toBe(events.length);
      // Envelopes' expiry and reminders, and tomorrow's prune of the webhook log, wait for their
      // day: they are not unfinished work.
      const open = store
        .prepare(
          "select count(*) as n from jobs where status in ('queued', 'running') and kind not in ('expire-envelope', 'remind-envelope', 'prune-webhook-log')",
        )
        .get();
      expect((open as { n: number }).n).toBe(0);
      // The job cut off by the kill was taken again (reclaimed at start, its lease far from over).
      const retaken = store
        .prepare("select count(*) as n from jobs where kind = 'make-document' and attempts >= 2")
        .get() as { n: number };
      expect(retaken.n).toBeGreaterThanOrEqual(1);
      console.info(
        `crash recovery: ${madeBeforeKill}/${events.length} documents before kill -9, ${leftovers} LibreOffice processes alive right after the kill (all gone within 10 s), ${retaken.n} job(s) taken again`,
      );
    } finally {
      store.close();
    }
    // The PDFs made after the restart are real.
    const pdf = await fetch(`http://127.0.0.1:${second.port}${[...runs.values()][0]?.documents[0]?.links.pdf}`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });
});
