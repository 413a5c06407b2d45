// Deliveries that nothing would try again: one whose jobs all failed on the runtime's own faults
// (its job rows marked failed, as after an hour of a store that was down) is queued again at start
// and delivered, once; and a receiver that answers 2xx with an endless body has the delivery
// counted as delivered (cut at the bound), not retried into duplicates. SQLite and PostgreSQL.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSubscription } from '../../runtime/webhooks/create-subscription.ts';
import { resumeOpenDeliveries } from '../../runtime/webhooks/resume-open-deliveries.ts';
import { dialects } from '../support/database-places.ts';
import { waitFor } from '../support/wait-for.ts';
import {
  emitTestEvent,
  runFailed,
  startWebhookRig,
  type WebhookRig,
  waitForQuietQueue,
  webhookWorkers,
} from './webhooks-harness.ts';

describe.each(dialects)('webhook deliveries nothing would retry (%s)', (dialect) => {
  let rig: WebhookRig;
  let talker: Server;
  let talkerUrl: string;
  let talked = 0;

  beforeAll(async () => {
    rig = await startWebhookRig(dialect);
    // Answers 200 and then streams 1 MB: far past the 64 KiB the client reads.
    talker = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        talked++;
        response.writeHead(200, { 'content-type': 'text/plain' });
        const chunk = 'x'.repeat(64 * 1024);
        for (let i = 0; i < 16; i++) response.write(chunk);
        response.end();
      });
    });
    await new Promise<void>((resolve) => talker.listen(0, '127.0.0.1', resolve));
    talkerUrl = `http://127.0.0.1:${(talker.address() as AddressInfo).port}/hooks`;
  });
  afterAll(async () => {
    talker?.closeAllConnections();
    await new Promise<void>((resolve) => (talker ? talker.close(() => resolve()) : resolve()));
    await rig?.close();
  });

  it('queues an open delivery whose jobs gave up again at start, and it arrives once', async () => {
    const { services, receiver } = rig;
    await rig.workers.stop(2_000);
    const { subscription, secret } = await createSubscription(services, {
      url: receiver.url,
      eventTypes: ['run.failed'],
    });
    receiver.secrets.splice(0, receiver.secrets.length, secret);
    const eventId = await emitTestEvent(services, 'run.failed', runFailed(`r-resume-${dialect}`), `run:r-resume`);
    // Every job of the delivery failed for good (the runtime's faults, not the receiver's).
    await services.database.db
      .updateTable('jobs')
      .set({ status: 'failed', last_error: 'STORAGE_UNAVAILABLE: the database was down' })
      .where('kind', '=', 'deliver-webhook')
      .execute();
    expect(await resumeOpenDeliveries(services)).toBe(1);

    rig.workers = webhookWorkers(services);
    await waitFor(() => receiver.requests.some((request) => request.webhookId === eventId), 20_000);
    await waitForQuietQueue(services);
    expect(receiver.requests.filter((request) => request.webhookId === eventId)).toHaveLength(1);
    expect(receiver.requests.find((request) => request.webhookId === eventId)?.verified).toEqual([true]);
    const delivery = await services.database.db
      .selectFrom('webhook_deliveries')
      .select('status')
      .where('subscription_id', '=', subscription.id)
      .executeTakeFirstOrThrow();
    expect(delivery.status).toBe('delivered');
    // Nothing open any more: a second start queues nothing.
    expect(await resumeOpenDeliveries(services)).toBe(0);
  });

  it('counts a 2xx with an endless body as delivered, once', async () => {
    const { services } = rig;
    const { subscription } = await createSubscription(services, { url: talkerUrl, eventTypes: ['run.failed'] });
    await emitTestEvent(services, 'run.failed', runFailed(`r-talk-${dialect}`), `run:r-talk`);
    await waitFor(async () => {
      const row = await services.database.db
        .selectFrom('webhook_deliveries')
        .select('status')
        .where('subscription_id', '=', subscription.id)
        .executeTakeFirst();
      return row?.status === 'delivered';
    }, 20_000);
    await waitForQuietQueue(services);
    expect(talked).toBe(1);
    const attempts = await services.database.db
      .selectFrom('webhook_attempts')
      .selectAll()
      .where('subscription_id', '=', subscription.id)
      .execute();
    expect(attempts).toHaveLength(1);
    expect(attempts[0]?.http_status).toBe(200);
  });
});
