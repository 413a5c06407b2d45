// Group commit for intake: events accepted while a transaction is being written wait for the
// next one, so one commit (the costly part on SQLite and PostgreSQL alike) serves many requests.
// Nobody is answered before the commit that stored their event. A single request waits one
// event-loop turn at most.

import type { DealEvent } from '../../schemas/index.ts';
import { wakeWorkers } from '../jobs/job-wakeup.ts';
import type { RuntimeServices } from '../services.ts';
import type { Database } from '../storage/open-database.ts';
import { type AcceptedEvent, type BatchOutcome, writeEventBatch } from './write-event-batch.ts';

// Bounded so that a batch stays well under SQLite's and PostgreSQL's bound-parameter limits.
const maxBatch = 200;

interface Waiting {
  event: DealEvent;
  resolve(accepted: AcceptedEvent): void;
  reject(error: unknown): void;
}

export interface IntakeBatcher {
  submit(event: DealEvent): Promise<AcceptedEvent>;
}

const batchers = new WeakMap<Database, IntakeBatcher>();

async function write(services: RuntimeServices, batch: Waiting[]): Promise<BatchOutcome[]> {
  const events = batch.map((waiting) => waiting.event);
  return services.database.db.transaction().execute((trx) => writeEventBatch(trx, events, services.now()));
}

function settle(batch: Waiting[], outcomes: BatchOutcome[]): void {
  batch.forEach((waiting, at) => {
    const outcome = outcomes[at];
    if (outcome instanceof Error) waiting.reject(outcome);
    else if (outcome) waiting.resolve(outcome);
    else waiting.reject(new Error('intake batch returned no outcome'));
  });
}

async function flushBatch(services: RuntimeServices, batch: Waiting[]): Promise<void> {
  try {
    settle(batch, await write(services, batch));
  } catch (error) {
    if (batch.length === 1) {
      batch[0]?.reject(error);
      return;
    }
    // A failed batch (e.g. a deadlock between processes) must not fail its neighbours: one by one.
    services.logger.warn({ err: error, size: batch.length }, 'intake batch failed; writing its events one by one');
    for (const waiting of batch) await flushBatch(services, [waiting]);
  }
}

function createBatcher(services: RuntimeServices): IntakeBatcher {
  const queue: Waiting[] = [];
  let flushing = false;
  const drain = async () => {
    flushing = true;
    try {
      while (queue.length > 0) {
        const batch = queue.splice(0, maxBatch);
        await flushBatch(services, batch);
        wakeWorkers(services.database);
      }
    } finally {
      flushing = false;
    }
  };
  return {
    submit(event) {
      return new Promise<AcceptedEvent>((resolve, reject) => {
        queue.push({ event, resolve, reject });
        if (!flushing) {
          flushing = true;
          setImmediate(() => void drain());
        }
      });
    },
  };
}

export function intakeBatcherFor(services: RuntimeServices): IntakeBatcher {
  let batcher = batchers.get(services.database);
  if (!batcher) {
    batcher = createBatcher(services);
    batchers.set(services.database, batcher);
  }
  return batcher;
}
