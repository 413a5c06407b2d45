// kill -9 of a real runtime process between a state change and its webhook, and again in the
// middle of the POST: after each restart on the same data directory the event reaches the
// receiver (verified by standardwebhooks), with the same webhook-id, and is recorded delivered
// once. The first runtime has no workers, so the kill falls between the commit and the delivery
// for certain, not by timing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Database, openDatabase } from '../../runtime/storage/open-database.ts';
import type { WebhookSubscriptionWithSecret } from '../../schemas/index.ts';
import { queueServices } from '../support/queue-services.ts';
import { killProcessGroup, type RuntimeProcess, startRuntimeProcess } from '../support/runtime-process.ts';
import { createSigningFixture } from '../support/signing-fixtures.ts';
import { waitFor } from '../support/wait-for.ts';
import { type Receiver, startReceiver } from './webhooks-harness.ts';

vi.setConfig({ testTimeout: 240_000, hookTimeout: 120_000 });

const adminToken = 'ink_webhook-crash-admin-token-0123456789abcdefghijk';
const dataDir = mkdtempSync(join(tmpdir(), 'inkflow-webhook-crash-'));
const env = (workers: number) => ({
  INKFLOW_DATA_DIR: dataDir,
  INKFLOW_ADMIN_TOKEN: adminToken,
  INKFLOW_WORKERS: String(workers),
  INKFLOW_SEED_DEMO: '0',
  INKFLOW_PDF_PROVIDER: 'cold',
  INKFLOW_WEBHOOK_ALLOW_PRIVATE: '127.0.0.1',
  INKFLOW_WEBHOOK_TIMEOUT_MS: '60000',
  LOG_LEVEL: 'info',
});

describe('webhooks survive kill -9 (real runtime process, SQLite)', () => {
  const started: RuntimeProcess[] = [];
  let receiver: Receiver;
  let store: Database;

  beforeAll(async () => {
    receiver = await startReceiver();
  });

  afterAll(async () => {
    for (const runtime of started) killProcessGroup(runtime.pid);
    await receiver?.close();
    await store?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function api<T>(runtime: RuntimeProcess, path: string, body: unknown): Promise<{ status: number; body: T }> {
    const response = await fetch(`http://127.0.0.1:${runtime.port}/api/v1${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  }

  const deliveries = () => store.db.selectFrom('webhook_deliveries').selectAll().execute();

  it('delivers an event committed just before the kill, and one whose POST the kill cut off', async () => {
    const first = await startRuntimeProcess(env(0), 120_000);
    started.push(first);
    const created = await api<WebhookSubscriptionWithSecret>(first, '/webhooks/subscriptions', {
      url: receiver.url,
      eventTypes: ['signer.viewed'],
    });
    expect(created.status).toBe(201);
    receiver.secrets.push(created.body.secret);

    store = await openDatabase({ sqliteFile: join(dataDir, 'inkflow.sqlite') });
    const services = queueServices(store);
    const fixture = await createSigningFixture(services, {
      signers: [
        { side: 'counterparty', name: 'Ana Souza', email: 'ana@globex.example' },
        { side: 'counterparty', name: 'Bruno Lima', email: 'bruno@globex.example' },
      ],
    });
    const [ana, bruno] = fixture.signers;
    if (!ana || !bruno) throw new Error('two signers');

    // 1. The state change commits with its delivery and job; the runtime dies before any worker runs.
    expect((await fetch(`http://127.0.0.1:${first.port}/sign/${ana.token}`)).status).toBe(200);
    expect((await deliveries()).map((row) => row.status)).toEqual(['pending']);
    killProcessGroup(first.pid);
    await first.exited;

    // 2. A runtime with workers delivers it; the receiver then holds the second event's POST open.
    receiver.script(200, 'hang');
    const second = await startRuntimeProcess(env(1), 120_000);
    started.push(second);
    await waitFor(() => receiver.requests.length === 1, 60_000, 'the first delivery after the restart');
    expect(receiver.requests[0]?.verified).toEqual([true]);
    expect(receiver.requests[0]?.event?.data).toMatchObject({ signer: { signerId: ana.id } });
    await waitFor(async () => (await deliveries())[0]?.status === 'delivered', 20_000, 'delivered recorded');

    expect((await fetch(`http://127.0.0.1:${second.port}/sign/${bruno.token}`)).status).toBe(200);
    await waitFor(() => receiver.requests.length === 2, 60_000, 'the second POST to be in flight');
    killProcessGroup(second.pid);
    await second.exited;

    // 3. The next start takes the cut-off job back and posts again, with the same webhook-id.
    const third = await startRuntimeProcess(env(1), 120_000);
    started.push(third);
    await waitFor(() => receiver.requests.length === 3, 60_000, 'the second event after the second restart');
    const [firstEvent, cutOff, retried] = receiver.requests;
    expect(retried?.webhookId).toBe(cutOff?.webhookId);
    expect(retried?.webhookId).not.toBe(firstEvent?.webhookId);
    expect(retried?.verified).toEqual([true]);
    await waitFor(
      async () => (await deliveries()).every((row) => row.status === 'delivered'),
      20_000,
      'both recorded delivered',
    );
    const rows = await deliveries();
    expect(rows.map((row) => row.attempts)).toEqual([1, 1]);
    const attempts = await store.db.selectFrom('webhook_attempts').select(['event_id', 'outcome']).execute();
    expect(attempts.map((attempt) => attempt.outcome)).toEqual(['delivered', 'delivered']);
    expect(new Set(attempts.map((attempt) => attempt.event_id)).size).toBe(2);
  });
});
