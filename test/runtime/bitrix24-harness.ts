// What the Bitrix24 tests share: runtime services over a real store (SQLite or PostgreSQL) wired to
// a fake portal on loopback, the demo pipeline and flow, the runtime's HTTP app, and a driver that
// runs only the queued jobs of the kinds a test names (documents are other tests' business).
import type { Logger } from 'pino';
import type { Bitrix24Config } from '../../runtime/crm/bitrix24/bitrix24-config.ts';
import { syncBitrix24DealJob } from '../../runtime/crm/bitrix24/sync-bitrix24-deal-job.ts';
import { evaluateRunJob } from '../../runtime/events/accept-deal-event.ts';
import { createJobHandlers } from '../../runtime/jobs/job-handlers.ts';
import type { JobHandlers, JobRow } from '../../runtime/jobs/job-types.ts';
import { runJob } from '../../runtime/jobs/run-job.ts';
import type { RuntimeServices } from '../../runtime/services.ts';
import { capturedLogger, type LogEntry } from '../support/captured-logger.ts';
import { type FakeBitrix24, startFakeBitrix24 } from '../support/fake-bitrix24.ts';
import { seedDemoSales } from '../support/seed-event-path.ts';
import { createTestServices, startTestServer, type TestDialect } from '../support/test-services.ts';

/** Bitrix24's default deal stages onto the demo pipeline's (schemas/examples/pipeline.sales.json). */
export const demoPipelines: Bitrix24Config['pipelines'] = {
  '0': {
    pipelineId: 'sales',
    stages: {
      NEW: 'lead',
      PREPARATION: 'proposal',
      PREPAYMENT_INVOICE: 'contract',
      EXECUTING: 'invoice',
      WON: 'won',
      LOSE: 'lost',
    },
  },
};
export const demoFields: Bitrix24Config['fields'] = {
  UF_CRM_1712000001: 'contractTermMonths',
  UF_CRM_1712000002: 'region',
};

export interface Bitrix24Harness {
  services: RuntimeServices & { dispose(): Promise<void> };
  fake: FakeBitrix24;
  /** The runtime's HTTP app on loopback. */
  url: string;
  /** Where the portal posts its events. */
  eventsUrl: string;
  logs: LogEntry[];
  /** Runs the queued bitrix24-deal-sync and evaluate-run jobs that are due, in order, until none is left. */
  runJobs(kinds?: readonly string[]): Promise<number>;
  /** Claims every queued job of `kind` and runs them all at once (two workers racing on one deal). */
  runAtOnce(kind: string): Promise<number>;
  close(): Promise<void>;
}

export function bitrix24Config(fake: FakeBitrix24, overrides: Partial<Bitrix24Config> = {}): Bitrix24Config {
  return {
    webhookUrl: fake.webhookUrl,
    applicationToken: fake.applicationToken,
    pipelines: demoPipelines,
    fields: demoFields,
    timeoutMs: 2_000,
    ...overrides,
  };
}

async function claimQueued(services: RuntimeServices, kinds: readonly string[], limit: number): Promise<JobRow[]> {
  const now = services.now();
  const due = await services.database.db
    .selectFrom('jobs')
    .select('id')
    .where('status', '=', 'queued')
    .where('kind', 'in', kinds)
    .where('run_at', '<=', now.getTime())
    .orderBy('id')
    .limit(limit)
    .execute();
  if (due.length === 0) return [];
  return services.database.db
    .updateTable('jobs')
    .set((eb) => ({
      status: 'running',
      locked_by: 'bitrix24-test',
      lock_expires_at: now.getTime() + 60_000,
      attempts: eb('attempts', '+', 1),
      updated_at: now.toISOString(),
    }))
    .where(
      'id',
      'in',
      due.map((row) => row.id),
    )
    .where('status', '=', 'queued')
    .returningAll()
    .execute();
}

async function runJobsOfKinds(services: RuntimeServices, handlers: JobHandlers): Promise<number> {
  const kinds = Object.keys(handlers);
  let ran = 0;
  // Bounded: a test that loops here has found a bug, not a reason to wait.
  for (let round = 0; round < 200; round++) {
    const [job] = await claimQueued(services, kinds, 1);
    if (!job) return ran;
    await runJob(services, job, handlers, { retryBaseMs: 60_000 });
    ran += 1;
  }
  throw new Error('more than 200 jobs ran: a job keeps queuing another');
}

export async function startBitrix24Harness(
  dialect: TestDialect,
  overrides: Partial<Bitrix24Config> = {},
): Promise<Bitrix24Harness> {
  const fake = await startFakeBitrix24();
  const base = await createTestServices({ dialect });
  const { logger, entries } = capturedLogger('info');
  const services = Object.assign(base, {
    logger: logger as Logger,
    config: { ...base.config, crm: { bitrix24: bitrix24Config(fake, overrides) } },
  });
  await seedDemoSales(services);
  const server = await startTestServer(services);
  const eventsUrl = `${server.url}/api/v1/crm/bitrix24/events`;
  fake.subscribe(eventsUrl);
  const all = createJobHandlers(services);
  return {
    services,
    fake,
    url: server.url,
    eventsUrl,
    logs: entries,
    runJobs: (kinds = [syncBitrix24DealJob, evaluateRunJob]) =>
      runJobsOfKinds(
        services,
        Object.fromEntries(kinds.map((kind) => [kind, all[kind]]).filter(([, handler]) => handler)),
      ),
    async runAtOnce(kind) {
      const handler = all[kind];
      if (!handler) throw new Error(`no handler for ${kind}`);
      const jobs = await claimQueued(services, [kind], 20);
      await Promise.all(jobs.map((job) => runJob(services, job, { [kind]: handler }, { retryBaseMs: 60_000 })));
      return jobs.length;
    },
    async close() {
      await server.close();
      await fake.close();
      await services.dispose();
    },
  };
}
