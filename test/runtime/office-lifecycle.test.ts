// No LibreOffice outlives the runtime that started it. kill -9 of the runtime while a conversion
// is in flight: the UNO bridges see their parent go and take their soffice down (before, the bridge
// died on a broken pipe while answering and left soffice running, re-parented to PID 1). A start
// that fails because the port is taken: one line, a non-zero exit, and nothing left running.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { processesMentioning } from '../../runtime/pdf/process-table.ts';
import { exampleEvent } from '../support/examples.ts';
import {
  killProcess,
  killProcessGroup,
  type RuntimeProcess,
  runRuntimeToExit,
  startRuntimeProcess,
} from '../support/runtime-process.ts';
import { waitFor } from '../support/wait-for.ts';

vi.setConfig({ testTimeout: 240_000, hookTimeout: 120_000 });

const adminToken = 'ink_office-lifecycle-admin-token-0123456789abcdefghij';
const dataDirs: string[] = [];
const started: RuntimeProcess[] = [];

function newDataDir(): string {
  const directory = mkdtempSync(join(tmpdir(), 'inkflow-office-'));
  dataDirs.push(directory);
  return directory;
}

/** A conversion is in flight while its job directory exists (convert-on-instance.ts). */
function conversionInFlight(dataDir: string): boolean {
  for (const pool of readdirSync(dataDir).filter((name) => name.startsWith('inkflow-pdf-'))) {
    const jobs = join(dataDir, pool, 'jobs');
    if (existsSync(jobs) && readdirSync(jobs).length > 0) return true;
  }
  return false;
}

describe('LibreOffice does not outlive its runtime', () => {
  afterAll(async () => {
    for (const runtime of started) killProcessGroup(runtime.pid);
    for (const directory of dataDirs) for (const pid of processesMentioning(directory)) killProcess(pid);
    for (const directory of dataDirs) rmSync(directory, { recursive: true, force: true });
  });

  it('kill -9 of the runtime mid-conversion leaves no soffice or bridge running', async () => {
    const dataDir = newDataDir();
    const env = { INKFLOW_DATA_DIR: dataDir, INKFLOW_ADMIN_TOKEN: adminToken, INKFLOW_WORKERS: '2' };
    const runtime = await startRuntimeProcess({ ...env, INKFLOW_PDF_INSTANCES: '2' }, 120_000);
    started.push(runtime);
    const base = `http://127.0.0.1:${runtime.port}`;
    const ready = () => runtime.logLines.filter((line) => line.includes('LibreOffice instance ready')).length;
    await waitFor(() => ready() === 2, 120_000, 'both LibreOffice instances ready', 200);
    expect(processesMentioning(dataDir).length).toBeGreaterThan(0);

    for (let n = 0; n < 20; n++) {
      const event = exampleEvent(n % 2 === 0 ? 'contract' : 'invoice');
      const response = await fetch(`${base}/api/v1/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ ...event, eventId: `lifecycle-${n}`, deal: { ...event.deal, id: `D-life-${n}` } }),
      });
      expect(response.status).toBe(202);
    }
    await waitFor(() => conversionInFlight(dataDir), 120_000, 'a conversion in flight', 5);
    process.kill(runtime.pid, 'SIGKILL');
    await runtime.exited;
    const killedAt = Date.now();

    // A liveness bound, not a timing assertion: the bridges notice within a second or so.
    await waitFor(() => processesMentioning(dataDir).length === 0, 10_000, 'no LibreOffice process left', 100).catch(
      () => {
        throw new Error(`left running: ${processesMentioning(dataDir).join(', ')}`);
      },
    );
    console.info(`office lifecycle: no LibreOffice process left ${Date.now() - killedAt} ms after kill -9`);
  });

  it('a taken port gives one line, a non-zero exit and nothing left running', async () => {
    const dataDir = newDataDir();
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const result = await runRuntimeToExit(
        { INKFLOW_DATA_DIR: dataDir, INKFLOW_ADMIN_TOKEN: adminToken, PORT: String(port), INKFLOW_WORKERS: '2' },
        120_000,
      );
      expect(result.code).not.toBe(0);
      expect(result.code).not.toBeNull();
      expect(result.stderr.filter((line) => line.trim() !== '')).toEqual([`inkflow: port ${port} is in use; set PORT`]);
      expect(result.stdout.join('\n')).not.toMatch(/EADDRINUSE|\n\s+at /);
      await waitFor(() => processesMentioning(dataDir).length === 0, 10_000, 'no LibreOffice process left', 100);
      // The first admin token is made only once the port is ours: one made here would never be shown.
      const store = new BetterSqlite3(join(dataDir, 'inkflow.sqlite'), { readonly: true, fileMustExist: true });
      try {
        expect(store.prepare('select count(*) as n from api_tokens').get()).toEqual({ n: 0 });
      } finally {
        store.close();
      }
    } finally {
      blocker.close();
    }
  });
});
