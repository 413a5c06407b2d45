// In-process wake-up: an enqueue in this process wakes its idle workers at once instead of
// leaving the job to the next poll. Other processes find it by polling (config.jobPollMs).
import type { Database } from '../storage/open-database.ts';

const listeners = new WeakMap<Database, Set<() => void>>();

/** Call after the transaction that enqueued jobs has committed. */
export function wakeWorkers(database: Database): void {
  for (const listener of listeners.get(database) ?? []) listener();
}

export function onJobsEnqueued(database: Database, listener: () => void): () => void {
  let set = listeners.get(database);
  if (!set) {
    set = new Set();
    listeners.set(database, set);
  }
  set.add(listener);
  return () => set.delete(listener);
}
