// kill -9 of a real runtime process while it seals an envelope, then a restart on the same data
// directory: the envelope completes with exactly one final PDF (pdfsig: valid, whole file) and
// exactly one completion message per party; no envelope is left "sealing". The signatures are
// written by this test through the envelope use case (advanceEnvelope) on the same SQLite file,
// so the only thing between "all signed" and "completed" is the runtime's seal job.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../runtime/config.ts';
import { advanceEnvelope } from '../../runtime/envelopes/advance-envelope.ts';
import { processesMentioning } from '../../runtime/pdf/process-table.ts';
import type { RuntimeServices } from '../../runtime/services.ts';
import { openDatabase } from '../../runtime/storage/open-database.ts';
import type { Run } from '../../schemas/index.ts';
import { exampleEvent } from '../support/examples.ts';
import { killProcess, killProcessGroup, type RuntimeProcess, startRuntimeProcess } from '../support/runtime-process.ts';
import { noPdfConverter } from '../support/test-services.ts';
import { waitFor } from '../support/wait-for.ts';

vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

const adminToken = 'ink_seal-crash-admin-token-0123456789abcdefghijklmnopq';
const dataDir = mkdtempSync(join(tmpdir(), 'inkflow-seal-crash-'));
const env = {
  INKFLOW_DATA_DIR: dataDir,
  INKFLOW_ADMIN_TOKEN: adminToken,
  INKFLOW_PUBLIC_URL: 'http://127.0.0.1:9',
  // Long on purpose: the seal job cut off by the kill must come back through the start-up reclaim.
  INKFLOW_JOB_LEASE_MS: '600000',
  INKFLOW_WORKERS: '2',
  INKFLOW_PDF_INSTANCES: '1',
  LOG_LEVEL: 'info',
};
const started: RuntimeProcess[] = [];

function inkPng(): Uint8Array {
  const png = new PNG({ width: 90, height: 30 });
  for (let i = 0; i < png.data.length; i += 4) {
    const ink = Math.floor(i / 4 / 90) % 7 < 2;
    png.data.fill(ink ? 40 : 255, i, i + 3);
    png.data[i + 3] = 255;
  }
  return PNG.sync.write(png);
}

async function api<T>(runtime: RuntimeProcess, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`http://127.0.0.1:${runtime.port}/api/v1${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as T };
}

describe('sealing survives kill -9 (real runtime process, SQLite)', () => {
  let services: (RuntimeServices & { database: { close(): Promise<void> } }) | undefined;
  afterAll(async () => {
    for (const runtime of started) killProcessGroup(runtime.pid);
    for (let round = 0; round < 3; round++) {
      for (const pid of processesMentioning(dataDir)) killProcess(pid);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    await services?.database.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('completes the envelope once after a restart, with one final PDF and one message per party', async () => {
    const first = await startRuntimeProcess(env, 120_000);
    started.push(first);
    const event = { ...exampleEvent('contract'), eventId: 'seal-crash-1' };
    const accepted = await api<{ runId: string }>(first, '/events', event);
    expect(accepted.status).toBe(202);
    await waitFor(
      async () => ['completed', 'failed'].includes((await api<Run>(first, `/runs/${accepted.body.runId}`)).body.status),
      150_000,
      'the contract to be made',
      200,
    );
    const config = loadConfig(env);
    const database = await openDatabase({ sqliteFile: config.sqliteFile });
    services = { config, database, pdf: noPdfConverter, logger: pino({ level: 'silent' }), now: () => new Date() };
    const { db } = database;
    const envelope = await db.selectFrom('envelopes').select(['id', 'status']).executeTakeFirstOrThrow();
    expect(envelope.status).toBe('sent');
    const signers = await db
      .selectFrom('envelope_signers')
      .select(['id', 'turn'])
      .where('envelope_id', '=', envelope.id)
      .orderBy('turn')
      .execute();
    expect(signers.length).toBeGreaterThan(1);
    for (const signer of signers) {
      const status = await db.transaction().execute(async (trx) => {
        const now = new Date();
        await trx
          .updateTable('envelope_signers')
          .set({ status: 'signed', signed_at: now.toISOString(), signature_png: inkPng(), signature_method: 'typed' })
          .where('id', '=', signer.id)
          .execute();
        return advanceEnvelope(trx, services as RuntimeServices, envelope.id, now);
      });
      expect(['partially_signed', 'sealing']).toContain(status);
    }
    const sealJob = () =>
      db.selectFrom('jobs').select(['status', 'attempts']).where('kind', '=', 'seal-envelope').executeTakeFirst();
    await waitFor(async () => (await sealJob())?.status === 'running', 60_000, 'the seal job to start', 2);
    process.kill(first.pid, 'SIGKILL');
    await first.exited;
    const atKill = await db.selectFrom('envelopes').select(['status', 'final_sha256']).executeTakeFirstOrThrow();
    expect(atKill.status, 'killed while sealing, before the commit').toBe('sealing');
    expect(atKill.final_sha256).toBeNull();

    const second = await startRuntimeProcess(env, 120_000);
    started.push(second);
    await waitFor(
      async () =>
        (await db.selectFrom('envelopes').select('status').where('id', '=', envelope.id).executeTakeFirstOrThrow())
          .status === 'completed',
      120_000,
      'the envelope to complete after the restart',
      200,
    );
    const job = await sealJob();
    expect(job?.status).toBe('done');
    expect(job?.attempts).toBeGreaterThanOrEqual(2);
    const completed = await db
      .selectFrom('outbox')
      .select(['signer_id'])
      .where('envelope_id', '=', envelope.id)
      .where('purpose', '=', 'completed')
      .execute();
    expect(completed.map((row) => row.signer_id).sort()).toEqual(signers.map((signer) => signer.id).sort());
    const trailKinds = (
      await db.selectFrom('envelope_trail').select('kind').where('envelope_id', '=', envelope.id).execute()
    ).map((row) => row.kind);
    expect(trailKinds.filter((kind) => kind === 'sealed')).toHaveLength(1);
    expect(trailKinds.filter((kind) => kind === 'completed')).toHaveLength(1);
    const pdf = await fetch(`http://127.0.0.1:${second.port}/api/v1/envelopes/${envelope.id}/final.pdf`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(pdf.status).toBe(200);
    const file = join(dataDir, 'final.pdf');
    writeFileSync(file, new Uint8Array(await pdf.arrayBuffer()));
    const report = await new Promise<string>((resolve) =>
      execFile('pdfsig', [file], (_error, stdout, stderr) => resolve(`${stdout}${stderr}`)),
    );
    expect(report).toContain('Signature is Valid.');
    expect(report).toContain('Total document signed');
  });
});
