// The Bitrix24 connector as an operator runs it: the runtime as a child process configured by its
// INKFLOW_BITRIX24_* variables, the fake portal posting its webhook to it. The deal's move becomes a
// run of the demo pipeline at the mapped stage; the structured log (at debug) never carries the
// webhook URL's secret; a half-configured portal stops the start with the variable to set.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Run } from '../../schemas/index.ts';
import { type FakeBitrix24, startFakeBitrix24 } from '../support/fake-bitrix24.ts';
import {
  killProcessGroup,
  type RuntimeProcess,
  runRuntimeToExit,
  startRuntimeProcess,
} from '../support/runtime-process.ts';
import { waitFor } from '../support/wait-for.ts';
import { demoPipelines } from './bitrix24-harness.ts';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const adminToken = 'ink_bitrix24-process-admin-token-0123456789abcdefgh';

describe('a runtime process connected to a Bitrix24 portal', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'inkflow-bitrix24-'));
  let fake: FakeBitrix24;
  let runtime: RuntimeProcess;
  let baseUrl: string;

  beforeAll(async () => {
    fake = await startFakeBitrix24();
    runtime = await startRuntimeProcess({
      INKFLOW_DATA_DIR: dataDir,
      INKFLOW_ADMIN_TOKEN: adminToken,
      INKFLOW_SEED_DEMO: '1',
      INKFLOW_WORKERS: '1',
      INKFLOW_PDF_PROVIDER: 'cold',
      LOG_LEVEL: 'debug',
      INKFLOW_BITRIX24_WEBHOOK_URL: fake.webhookUrl,
      INKFLOW_BITRIX24_APP_TOKEN: fake.applicationToken,
      INKFLOW_BITRIX24_PIPELINES: JSON.stringify(demoPipelines),
    });
    baseUrl = `http://127.0.0.1:${runtime.port}`;
  });
  afterAll(async () => {
    if (runtime) killProcessGroup(runtime.pid);
    await fake?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('turns the portal’s webhook into a run at the mapped stage, and logs no secret', async () => {
    const contact = fake.addContact({ NAME: 'Ana', LAST_NAME: 'Souza' });
    const deal = fake.addDeal({ TITLE: 'Process deal', STAGE_ID: 'NEW', contactIds: [contact] });
    const delivered = await fake.moveDealAndNotify(deal, 'PREPARATION', `${baseUrl}/api/v1/crm/bitrix24/events`);
    expect({ status: delivered.status, body: JSON.parse(delivered.body) }).toEqual({
      status: 200,
      body: { status: 'queued', dealId: deal },
    });
    let runs: Run[] = [];
    await waitFor(
      async () => {
        const response = await fetch(`${baseUrl}/api/v1/runs?dealId=${deal}`, {
          headers: { authorization: `Bearer ${adminToken}` },
        });
        runs = (await response.json()) as Run[];
        return runs.some((run) => run.status === 'completed');
      },
      60_000,
      'the deal’s run to complete',
    );
    expect(runs.map((run) => [run.eventId, run.pipelineId, run.status])).toEqual([
      [`bitrix24-deal-${deal}-change-1`, 'sales', 'completed'],
    ]);
    expect(fake.calls('crm.deal.get')).toEqual([{ method: 'crm.deal.get', params: { id: deal } }]);
    const secret = new URL(fake.webhookUrl).pathname.split('/')[3] as string;
    expect(runtime.logLines.length).toBeGreaterThan(5);
    expect(runtime.output.filter((line) => line.includes(secret))).toEqual([]);
  });

  it('refuses to start with half a portal configured, naming the variable', async () => {
    const { code, stderr } = await runRuntimeToExit({
      INKFLOW_DATA_DIR: dataDir,
      PORT: '0',
      INKFLOW_BITRIX24_WEBHOOK_URL: fake.webhookUrl,
    });
    expect(code).toBe(1);
    expect(stderr.join('\n')).toContain('set INKFLOW_BITRIX24_APP_TOKEN too');
  });
});
