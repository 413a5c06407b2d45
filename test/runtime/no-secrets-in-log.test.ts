// No secret in any line of the structured log. A full runtime run (first start, events, documents
// made and fetched, tokens issued, used and revoked, a wrong token, shutdown) at LOG_LEVEL=debug:
// no stdout line carries `ink_`; the first admin token is printed once, on the terminal (stderr).
// With INKFLOW_ADMIN_TOKEN the operator knows it already, so it is printed nowhere.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { processesMentioning } from '../../runtime/pdf/process-table.ts';
import type { Run } from '../../schemas/index.ts';
import { exampleEvent } from '../support/examples.ts';
import { killProcess, killProcessGroup, type RuntimeProcess, startRuntimeProcess } from '../support/runtime-process.ts';
import { waitFor } from '../support/wait-for.ts';

vi.setConfig({ testTimeout: 240_000, hookTimeout: 120_000 });

const dataDirs: string[] = [];
const started: RuntimeProcess[] = [];

function dataDir(): string {
  const directory = mkdtempSync(join(tmpdir(), 'inkflow-secrets-'));
  dataDirs.push(directory);
  return directory;
}

function client(runtime: RuntimeProcess) {
  return async <T>(method: string, path: string, token: string, body?: unknown) => {
    const response = await fetch(`http://127.0.0.1:${runtime.port}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const type = response.headers.get('content-type') ?? '';
    return { status: response.status, body: (type.includes('json') ? await response.json() : undefined) as T };
  };
}

async function stop(runtime: RuntimeProcess): Promise<void> {
  runtime.child.kill('SIGTERM');
  expect(await runtime.exited).toBe(0);
}

describe('secrets and the log (real runtime process)', () => {
  afterAll(() => {
    for (const runtime of started) killProcessGroup(runtime.pid);
    for (const directory of dataDirs) for (const pid of processesMentioning(directory)) killProcess(pid);
    for (const directory of dataDirs) rmSync(directory, { recursive: true, force: true });
  });

  it('never writes a token into the structured log, and shows the first admin token once on the terminal', async () => {
    const env = { INKFLOW_DATA_DIR: dataDir(), LOG_LEVEL: 'debug', INKFLOW_WORKERS: '1', INKFLOW_PDF_INSTANCES: '1' };
    const runtime = await startRuntimeProcess(env, 120_000);
    started.push(runtime);
    await waitFor(() => runtime.terminalLines.some((line) => line.includes('admin token')), 10_000, 'the token line');
    const shown = runtime.terminalLines.join('\n').match(/admin token \(shown once, keep it\): (ink_\S+)/);
    expect(shown).not.toBeNull();
    const admin = shown![1]!;
    const call = client(runtime);

    const issued = await call<{ id: string; token: string }>('POST', '/api/v1/tokens', admin, {
      name: 'crm',
      role: 'client',
    });
    expect(issued.status).toBe(201);
    const event = { ...exampleEvent('contract'), eventId: 'secrets-1' };
    const accepted = await call<{ runId: string }>('POST', '/api/v1/events', issued.body.token, event);
    expect(accepted.status).toBe(202);
    let run: Run | undefined;
    await waitFor(
      async () => {
        run = (await call<Run>('GET', `/api/v1/runs/${accepted.body.runId}`, admin)).body;
        return run.status === 'completed' || run.status === 'failed';
      },
      150_000,
      'the run to settle',
      500,
    );
    expect(run?.status).toBe('completed');
    const pdfLink = run?.documents[0]?.links.pdf as string;
    expect((await call('GET', pdfLink, issued.body.token)).status).toBe(200);
    expect((await call('GET', '/api/v1/flows', 'ink_wrong-token-for-the-log-test')).status).toBe(401);
    expect((await call('DELETE', `/api/v1/tokens/${issued.body.id}`, admin)).status).toBe(204);
    expect((await call('GET', '/api/v1/tokens', issued.body.token)).status).toBe(401);
    await stop(runtime);

    expect(runtime.logLines.length).toBeGreaterThan(20);
    expect(runtime.logLines.filter((line) => line.includes('ink_'))).toEqual([]);
    expect(runtime.logLines.some((line) => line.includes('API token revoked'))).toBe(true);
    expect(runtime.terminalLines.filter((line) => line.includes(admin))).toHaveLength(1);
  });

  it('prints no token at all when INKFLOW_ADMIN_TOKEN chose it', async () => {
    const chosen = 'ink_chosen-by-the-operator-0123456789abcdefghijklmnop';
    const env = {
      INKFLOW_DATA_DIR: dataDir(),
      INKFLOW_ADMIN_TOKEN: chosen,
      LOG_LEVEL: 'debug',
      INKFLOW_WORKERS: '0',
      INKFLOW_PDF_PROVIDER: 'cold',
    };
    const runtime = await startRuntimeProcess(env, 120_000);
    started.push(runtime);
    expect((await client(runtime)('GET', '/api/v1/tokens', chosen)).status).toBe(200);
    await stop(runtime);
    expect(runtime.output.filter((line) => line.includes('ink_'))).toEqual([]);
    expect(runtime.terminalLines.join('\n')).toContain('INKFLOW_ADMIN_TOKEN');
  });
});
