// npm run bench:webhooks — what a webhook costs beyond its HTTP POST. N events go the full path
// (emitWebhookEvent in a transaction → deliver-webhook job claimed by the real workers → claim in
// turn → Standard Webhooks signature → guarded POST → attempt logged and delivered in the job's
// completing transaction) to a receiver on loopback; beside them, the same N bodies POSTed by
// the same client (postOutbound) with the same concurrency and nothing else. Prints per-second
// figures and the ratio, medians of WEBHOOK_BENCH_ROUNDS rounds (default 3: the machine is shared).
// WEBHOOK_BENCH_N (default 1000 per round), WEBHOOK_BENCH_CONCURRENCY (default 4),
// BENCH_DIALECT=postgres for PostgreSQL (TEST_DATABASE_URL).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { loadConfig } from '../../runtime/config.ts';
import { createJobHandlers } from '../../runtime/jobs/job-handlers.ts';
import { startWorkers } from '../../runtime/jobs/start-workers.ts';
import { outboundPolicy } from '../../runtime/outbound/outbound-policy.ts';
import { closeOutboundConnections, postOutbound } from '../../runtime/outbound/post-outbound.ts';
import type { RuntimeServices } from '../../runtime/services.ts';
import type { Dialect } from '../../runtime/storage/open-database.ts';
import { createSubscription } from '../../runtime/webhooks/create-subscription.ts';
import { emitWebhookEvent } from '../../runtime/webhooks/emit-webhook-event.ts';
import { signWebhook } from '../../runtime/webhooks/sign-webhook.ts';
import { dropPlace, newDatabasePlace, openPlace } from '../support/database-places.ts';
import { noPdfConverter } from '../support/test-services.ts';

const count = Number(process.env.WEBHOOK_BENCH_N ?? 1000);
const concurrency = Number(process.env.WEBHOOK_BENCH_CONCURRENCY ?? 4);
const roundCount = Number(process.env.WEBHOOK_BENCH_ROUNDS ?? 3);
const dialect: Dialect = process.env.BENCH_DIALECT === 'postgres' ? 'postgres' : 'sqlite';

let received = 0;
const receiver = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    received += 1;
    response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  });
});
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;

const place = newDatabasePlace(dialect);
const database = await openPlace(place);
const base = loadConfig({ INKFLOW_WEBHOOK_ALLOW_PRIVATE: '127.0.0.1' });
const services: RuntimeServices = {
  config: { ...base, jobPollMs: 50 },
  database,
  pdf: noPdfConverter,
  logger: pino({ level: 'silent' }),
  now: () => new Date(),
};

function data(n: number) {
  return {
    envelope: {
      envelopeId: `env_${String(n).padStart(32, '0')}`,
      documentId: `doc-${n}`,
      documentType: 'contract',
      title: `Annual support 2027 — deal D-${n}`,
      dealId: `D-${n}`,
      pipelineId: 'sales',
      runId: null,
      status: 'completed' as const,
    },
    completedAt: new Date().toISOString(),
    finalPdfUrl: `http://localhost:3000/api/v1/envelopes/env_${n}/final.pdf`,
    finalSha256: 'a'.repeat(64),
    verifyUrl: `http://localhost:3000/verify/env_${n}`,
    signers: [
      {
        signerId: `sgn_${n}_1`,
        name: 'Ana Souza',
        side: 'counterparty' as const,
        position: 1,
        turn: 1,
        partyIndex: 1,
        status: 'signed' as const,
        contactId: 'P-5',
        employeeId: null,
      },
    ],
  };
}

async function deliveredCount(): Promise<number> {
  const row = await database.db
    .selectFrom('webhook_deliveries')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('status', '=', 'delivered')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const { secret } = await createSubscription(services, { url, eventTypes: ['envelope.completed'] });

const policy = outboundPolicy(services.config);
const perSecond = (n: number, ms: number) => Math.round((n * 1000) / ms);
const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] as number;

interface Round {
  emitMs: number;
  deliveryMs: number;
  plainMs: number;
}

async function round(offset: number): Promise<Round> {
  // 1. The full path: one transaction per event, as a state change does; then the real workers
  // drain the deliveries (timed apart, so the figure is the delivery path's, not the emits').
  const emitStarted = performance.now();
  for (let n = offset; n < offset + count; n++) {
    await database.db
      .transaction()
      .execute((trx) =>
        emitWebhookEvent(
          trx,
          services,
          { type: 'envelope.completed', data: data(n), orderingKey: `env_${n % 100}` },
          services.now(),
        ),
      );
  }
  const emitMs = performance.now() - emitStarted;
  const deliveryStarted = performance.now();
  const workers = startWorkers(services, createJobHandlers(services), { concurrency, retryBaseMs: 50 });
  while ((await deliveredCount()) < offset + count) await new Promise((resolve) => setTimeout(resolve, 20));
  const deliveryMs = performance.now() - deliveryStarted;
  await workers.stop(5_000);

  // 2. The same bodies, signed the same way, POSTed by the same client with the same concurrency.
  const bodies = await database.db
    .selectFrom('webhook_events')
    .select(['id', 'body'])
    .orderBy('id')
    .offset(offset)
    .limit(count)
    .execute();
  let next = 0;
  const plainStarted = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let event = bodies[next++]; event; event = bodies[next++]) {
        const headers = signWebhook(event.id, event.body, [secret], new Date());
        const answer = await postOutbound({ url, body: event.body, headers, timeoutMs: 10_000 }, policy);
        if (answer.status !== 200) throw new Error(`plain POST answered ${answer.status}`);
      }
    }),
  );
  return { emitMs, deliveryMs, plainMs: performance.now() - plainStarted };
}

const rounds: Round[] = [];
for (let n = 0; n < roundCount; n++) {
  const result = await round(n * count);
  rounds.push(result);
  console.log(
    `  round ${n + 1}: emit ${perSecond(count, result.emitMs)}/s, delivery path ${perSecond(count, result.deliveryMs)}/s, plain POSTs ${perSecond(count, result.plainMs)}/s`,
  );
}
const emitMs = median(rounds.map((r) => r.emitMs));
const deliveryMs = median(rounds.map((r) => r.deliveryMs));
const plainMs = median(rounds.map((r) => r.plainMs));
console.log(
  `webhooks bench — ${dialect}, ${count} events × ${roundCount} rounds, concurrency ${concurrency} (medians)`,
);
console.log(`  emit (event + delivery + job, one transaction each): ${perSecond(count, emitMs)} events/s`);
console.log(
  `  delivery path (job → claim in turn → sign → POST → logged): ${perSecond(count, deliveryMs)} deliveries/s`,
);
console.log(`  plain signed POSTs, same client and concurrency: ${perSecond(count, plainMs)} posts/s`);
console.log(`  ratio delivery path / plain POSTs: ${(deliveryMs / plainMs).toFixed(2)}× the time per delivery`);
console.log(
  `  receiver got ${received} requests (expected ${2 * count * roundCount}: every delivery and every plain POST)`,
);

closeOutboundConnections();
receiver.closeAllConnections();
receiver.close();
await database.close();
await dropPlace(place);
