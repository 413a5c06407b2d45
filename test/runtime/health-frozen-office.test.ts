// /healthz tells whether work can make progress: with every LibreOffice instance of a real runtime
// frozen (SIGSTOP) it answers 503 naming LibreOffice, where it used to say 200 "2 of 2 ready";
// once they run again (SIGCONT) it is 200 again.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { processesMentioning } from '../../runtime/pdf/process-table.ts';
import type { Health } from '../../schemas/index.ts';
import { killProcess, killProcessGroup, type RuntimeProcess, startRuntimeProcess } from '../support/runtime-process.ts';
import { waitFor } from '../support/wait-for.ts';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 });

const dataDir = mkdtempSync(join(tmpdir(), 'inkflow-frozen-'));
let runtime: RuntimeProcess | undefined;
let frozen: number[] = [];

function officeProcesses(): number[] {
  return processesMentioning(dataDir).filter((pid) => {
    try {
      return !readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('uno-bridge');
    } catch {
      return false;
    }
  });
}

function signal(pids: number[], name: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, name);
    } catch {
      // gone
    }
  }
}

describe('/healthz with frozen LibreOffice (real runtime process)', () => {
  afterAll(async () => {
    signal(frozen, 'SIGCONT');
    if (runtime) killProcessGroup(runtime.pid);
    for (const pid of processesMentioning(dataDir)) killProcess(pid);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 503 naming LibreOffice while its instances are stopped, and 200 once they run', async () => {
    runtime = await startRuntimeProcess(
      { INKFLOW_DATA_DIR: dataDir, INKFLOW_WORKERS: '2', INKFLOW_PDF_INSTANCES: '2', INKFLOW_SEED_DEMO: '0' },
      120_000,
    );
    const health = async () => {
      const response = await fetch(`http://127.0.0.1:${runtime!.port}/healthz`);
      return { status: response.status, body: (await response.json()) as Health };
    };
    // 200 comes as soon as one instance is up; on a loaded machine the second may take longer.
    await waitFor(
      async () => {
        const answer = await health();
        return answer.status === 200 && answer.body.libreoffice.detail.includes('2 of 2');
      },
      120_000,
      'both LibreOffice instances ready',
      500,
    );
    expect((await health()).body.libreoffice.detail).toContain('2 of 2');

    frozen = officeProcesses();
    expect(frozen.length).toBeGreaterThanOrEqual(2);
    signal(frozen, 'SIGSTOP');
    // The kernel stops them when they are next scheduled: poll (a liveness bound) rather than race.
    let stopped = await health();
    await waitFor(
      async () => {
        stopped = await health();
        return stopped.status !== 200;
      },
      15_000,
      '/healthz to notice',
      200,
    );
    expect(stopped.status).toBe(503);
    expect(stopped.body.status).toBe('degraded');
    expect(stopped.body.database.ok).toBe(true);
    expect(stopped.body.libreoffice.ok).toBe(false);
    expect(stopped.body.libreoffice.detail).toMatch(/0 of 2 .*stopped/);

    signal(frozen, 'SIGCONT');
    frozen = [];
    await waitFor(async () => (await health()).status === 200, 30_000, 'healthy again', 200);
    runtime.child.kill('SIGTERM');
    expect(await runtime.exited).toBe(0);
  });
});
