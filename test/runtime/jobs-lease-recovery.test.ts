// After a crash, jobs do not wait out a long lease: at start, the leases of this host's workers
// that no longer run are taken back at once (both stores); other hosts' workers hold short leases
// kept alive by heartbeats, so a dead one's job moves within seconds.
import { spawn } from 'node:child_process';
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../runtime/config.ts';
import { claimJob } from '../../runtime/jobs/claim-job.ts';
import { enqueueJob } from '../../runtime/jobs/enqueue-job.ts';
import type { JobHandlers } from '../../runtime/jobs/job-types.ts';
import { localWorkerPid, reclaimDeadWorkersJobs } from '../../runtime/jobs/reclaim-dead-workers-jobs.ts';
import { startWorkers } from '../../runtime/jobs/start-workers.ts';
import type { Database } from '../../runtime/storage/open-database.ts';
import { dialects, useDatabasePlace } from '../support/database-places.ts';
import { queueServices } from '../support/queue-services.ts';
import { waitFor } from '../support/wait-for.ts';

let sequence = 0;
const key = (label: string) => `${label}:${Date.now()}:${++sequence}`;

/** The pid of a process that has exited (so a worker id with it belongs to a dead worker). */
async function deadPid(): Promise<number> {
  const child = spawn('true');
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid as number;
}

async function leasedJob(database: Database, workerId: string, leaseMs: number): Promise<string> {
  const dedupeKey = key('leased');
  await enqueueJob(database.db, { kind: 'noop', runId: null, payload: {}, dedupeKey }, new Date());
  const claimed = await claimJob(database, { workerId, leaseMs }, new Date());
  expect(claimed?.dedupe_key).toBe(dedupeKey);
  return dedupeKey;
}

async function statusOf(database: Database, dedupeKey: string): Promise<string> {
  const row = await database.db
    .selectFrom('jobs')
    .select('status')
    .where('dedupe_key', '=', dedupeKey)
    .executeTakeFirstOrThrow();
  return row.status;
}

describe('localWorkerPid', () => {
  it("reads the pid of this host's worker ids only", () => {
    expect(localWorkerPid('box:123:ab12cd', 'box')).toBe(123);
    expect(localWorkerPid('other:123:ab12cd', 'box')).toBeUndefined();
    expect(localWorkerPid('w1', 'box')).toBeUndefined();
  });
});

describe.each(dialects)('lease recovery on %s', (dialect) => {
  const store = useDatabasePlace(dialect);

  it("takes back a dead local worker's leases at start, and leaves live and remote workers' alone", async () => {
    const { database } = store;
    const hour = 3_600_000;
    const dead = await leasedJob(database, `${hostname()}:${await deadPid()}:abc123`, hour);
    const sleeper = spawn('sleep', ['30']);
    try {
      const live = await leasedJob(database, `${hostname()}:${sleeper.pid}:abc123`, hour);
      const remote = await leasedJob(database, `elsewhere:${await deadPid()}:abc123`, hour);
      expect(await reclaimDeadWorkersJobs(database, new Date())).toBe(1);
      expect(await statusOf(database, dead)).toBe('queued');
      expect(await statusOf(database, live)).toBe('running');
      expect(await statusOf(database, remote)).toBe('running');

      // A pool started now runs it at once, nowhere near the hour its lease had left.
      const ran: string[] = [];
      const handlers: JobHandlers = { noop: async (job) => void ran.push(job.dedupe_key) };
      const pool = startWorkers(queueServices(database), handlers, { concurrency: 1 });
      await waitFor(() => ran.includes(dead), 10_000, 'the reclaimed job to run');
      await pool.stop(1_000);
      expect(await statusOf(database, dead)).toBe('done');
      await database.db.updateTable('jobs').set({ status: 'done' }).where('dedupe_key', 'in', [live, remote]).execute();
    } finally {
      sleeper.kill('SIGKILL');
    }
  });

  it('leaves alone the jobs of a container that shares the hostname but has its own INKFLOW_WORKER_HOST', async () => {
    const { database } = store;
    // Another container's pid is not one of ours: with the bare hostname it would look dead here.
    const config = loadConfig({ INKFLOW_WORKER_HOST: `${hostname()}-a` });
    expect(config.workerHost).toBe(`${hostname()}-a`);
    expect(loadConfig({}).workerHost).toBe(hostname());
    const other = await leasedJob(database, `${hostname()}-b:${await deadPid()}:abc123`, 3_600_000);
    const ours = await leasedJob(database, `${config.workerHost}:${await deadPid()}:abc123`, 3_600_000);
    expect(await reclaimDeadWorkersJobs(database, new Date(), config.workerHost)).toBe(1);
    expect(await statusOf(database, ours)).toBe('queued');
    expect(await statusOf(database, other)).toBe('running');
    const pool = startWorkers(queueServices(database), { noop: async () => {} }, { concurrency: 1, host: 'box-a' });
    expect(pool.workerId).toMatch(new RegExp(`^box-a:${process.pid}:[0-9a-f]{6}$`));
    await pool.stop(1_000);
    await database.db.updateTable('jobs').set({ status: 'done' }).where('dedupe_key', 'in', [ours, other]).execute();
  });

  it("moves a dead remote worker's job within seconds with the default lease", async () => {
    const { database } = store;
    const defaults = loadConfig({});
    const orphan = await leasedJob(database, `elsewhere:1:dead00`, defaults.jobLeaseMs);
    const ran: string[] = [];
    const handlers: JobHandlers = { noop: async (job) => void ran.push(job.dedupe_key) };
    const pool = startWorkers(queueServices(database, defaults.jobLeaseMs), handlers, { concurrency: 1 });
    try {
      // A liveness bound: with the former 60 s lease this waited a minute.
      await waitFor(() => ran.includes(orphan), 25_000, "the dead worker's job to move");
    } finally {
      await pool.stop(1_000);
    }
  }, 40_000);

  it('keeps a long job its own through heartbeats while its lease is short', async () => {
    const { database } = store;
    const leaseMs = 600;
    const dedupeKey = key('long');
    await enqueueJob(database.db, { kind: 'long', runId: null, payload: {}, dedupeKey }, new Date());
    const starts: string[] = [];
    const handlers: JobHandlers = {
      long: async (job) => {
        starts.push(job.locked_by as string);
        await new Promise((resolve) => setTimeout(resolve, leaseMs * 4));
      },
    };
    const first = startWorkers(queueServices(database, leaseMs), handlers, { concurrency: 1, workerId: 'first' });
    await waitFor(() => starts.length === 1, 10_000, 'the long job to start');
    const second = startWorkers(queueServices(database, leaseMs), handlers, { concurrency: 1, workerId: 'second' });
    await waitFor(async () => (await statusOf(database, dedupeKey)) === 'done', 15_000, 'the long job to finish');
    await Promise.all([first.stop(1_000), second.stop(1_000)]);
    expect(starts).toEqual(['first']);
  });
});
