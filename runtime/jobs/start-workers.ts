// The worker pool: `concurrency` loops that claim and run jobs, polling every config.jobPollMs
// and woken at once by an enqueue in this process. stop() stops claiming, waits for the jobs in
// flight up to graceMs, then hands back the rest so that another process takes them at once.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { RuntimeServices } from '../services.ts';
import { claimJob } from './claim-job.ts';
import { handBackJobs } from './hand-back-jobs.ts';
import type { JobHandlers, JobRow } from './job-types.ts';
import { onJobsEnqueued } from './job-wakeup.ts';
import { runJob } from './run-job.ts';

export interface WorkerOptions {
  concurrency: number;
  /** First retry delay; doubles with each attempt. */
  retryBaseMs?: number;
  workerId?: string;
  /** The host part of the worker id (RuntimeConfig.workerHost); the machine's hostname by default. */
  host?: string;
}

export interface WorkerPool {
  readonly workerId: string;
  /** Jobs being run now. */
  inFlight(): number;
  stop(graceMs: number): Promise<void>;
}

export const defaultRetryBaseMs = 1_000;

export function startWorkers(services: RuntimeServices, handlers: JobHandlers, options: WorkerOptions): WorkerPool {
  const workerId = options.workerId ?? `${options.host ?? hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const retryBaseMs = options.retryBaseMs ?? defaultRetryBaseMs;
  const running = new Map<number, JobRow>();
  const handedBack = new Set<number>();
  const sleepers = new Set<() => void>();
  let stopping = false;
  const wakeAll = () => {
    for (const wake of [...sleepers]) wake();
  };
  const unsubscribe = onJobsEnqueued(services.database, wakeAll);

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      sleepers.add(done);
    });

  const claimNext = async (): Promise<JobRow | undefined> => {
    try {
      return await claimJob(services.database, { workerId, leaseMs: services.config.jobLeaseMs }, services.now());
    } catch (error) {
      services.logger.warn({ err: error, workerId }, 'claiming a job failed');
      return undefined;
    }
  };

  const loop = async () => {
    while (!stopping) {
      const job = await claimNext();
      if (!job) {
        await sleep(services.config.jobPollMs);
        continue;
      }
      running.set(job.id, job);
      // A job that outlives stop() is handed back; its late outcome must not touch the queue.
      const wasHandedBack = () => handedBack.has(job.id);
      await runJob(services, job, handlers, { retryBaseMs, handedBack: wasHandedBack }).finally(() =>
        running.delete(job.id),
      );
      if (stopping) break;
    }
  };
  const loops = Array.from({ length: Math.max(1, options.concurrency) }, () => loop());
  services.logger.info({ workerId, concurrency: loops.length }, 'job workers started');

  return {
    workerId,
    inFlight: () => running.size,
    async stop(graceMs) {
      stopping = true;
      unsubscribe();
      wakeAll();
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, graceMs);
      });
      await Promise.race([Promise.all(loops), grace]);
      clearTimeout(timer);
      const left = [...running.keys()];
      for (const jobId of left) handedBack.add(jobId);
      const count = await handBackJobs(services.database, workerId, left, services.now());
      services.logger.info({ workerId, handedBack: count }, 'job workers stopped');
    },
  };
}
