// A small pool of worker threads (template-worker.ts) that inspect and render templates, so a heavy
// template costs a worker, not the event loop every request shares. Each task has a time limit and
// each worker a heap cap: past either, the worker is ended (and replaced on the next task) and the
// task fails with TEMPLATE_TOO_COMPLEX. Workers are reused, and kept only while there is work.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { AppError, unavailable, validationError } from '../../errors/app-error.ts';
import type { TemplateTask, WorkerFailure, WorkerReply } from './template-task.ts';

export interface TemplateWorkerPoolOptions {
  size?: number;
  /** Heap cap per worker (V8 old generation), in MB. */
  maxMemoryMb?: number;
  /** Tasks waiting for a worker beyond this are refused as "busy, retry". */
  maxQueue?: number;
}

interface PendingTask {
  id: number;
  task: TemplateTask;
  timeoutMs: number;
  resolve(result: unknown): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  current: PendingTask | undefined;
  timer: NodeJS.Timeout | undefined;
}

const entry = new URL('./template-worker-entry.mjs', import.meta.url);

export class TemplateWorkerPool {
  private readonly size: number;
  private readonly maxMemoryMb: number;
  private readonly maxQueue: number;
  private readonly slots: Slot[] = [];
  private readonly queue: PendingTask[] = [];
  private nextId = 1;

  constructor(options: TemplateWorkerPoolOptions = {}) {
    this.size = options.size ?? Math.min(2, availableParallelism());
    this.maxMemoryMb = options.maxMemoryMb ?? 512;
    this.maxQueue = options.maxQueue ?? 64;
  }

  run(task: TemplateTask, timeoutMs: number): Promise<unknown> {
    if (this.queue.length >= this.maxQueue) {
      return Promise.reject(unavailable('TEMPLATE_WORKERS_BUSY', 'Every template worker is busy: retry shortly'));
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, timeoutMs, resolve, reject });
      this.dispatch();
    });
  }

  /** Ends every worker; tasks in flight fail. */
  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = this.slots.find((candidate) => candidate.current === undefined) ?? this.spawn();
      if (!slot) return;
      const pending = this.queue.shift() as PendingTask;
      slot.current = pending;
      slot.worker.ref();
      slot.timer = setTimeout(() => this.timedOut(slot), pending.timeoutMs);
      slot.worker.postMessage({ id: pending.id, task: pending.task });
    }
  }

  private spawn(): Slot | undefined {
    if (this.slots.length >= this.size) return undefined;
    const worker = new Worker(entry, {
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: this.maxMemoryMb, maxYoungGenerationSizeMb: 64 },
    });
    const slot: Slot = { worker, current: undefined, timer: undefined };
    worker.on('message', (reply: WorkerReply) => this.answered(slot, reply));
    worker.on('error', (error: Error & { code?: string }) => {
      const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.fail(slot, outOfMemory ? tooComplex(`it needs more than ${this.maxMemoryMb} MB of memory`) : error);
    });
    worker.on('exit', () => {
      this.fail(slot, new Error('the template worker stopped'));
      this.dispatch();
    });
    worker.unref();
    this.slots.push(slot);
    return slot;
  }

  private answered(slot: Slot, reply: WorkerReply): void {
    const pending = slot.current;
    if (!pending || pending.id !== reply.id) return;
    this.release(slot);
    if (reply.ok) pending.resolve(reply.result);
    else pending.reject(rebuildError(reply.error));
    this.dispatch();
  }

  private timedOut(slot: Slot): void {
    const seconds = Math.round((slot.current?.timeoutMs ?? 0) / 1000);
    this.fail(slot, tooComplex(`processing it takes longer than ${seconds} s`));
    void slot.worker.terminate();
  }

  /** Fails the slot's task (if any) and drops the slot: its worker is ending or gone. */
  private fail(slot: Slot, error: Error): void {
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    const pending = slot.current;
    this.release(slot);
    pending?.reject(error);
  }

  private release(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = undefined;
    slot.current = undefined;
    slot.worker.unref();
  }
}

export function tooComplex(reason: string): AppError {
  return validationError(
    'TEMPLATE_TOO_COMPLEX',
    `The template was refused because ${reason}. Split it into smaller documents, or remove repeated content, and upload it again.`,
  );
}

function rebuildError(failure: WorkerFailure): Error {
  if (failure.kind && failure.code) return new AppError(failure.kind, failure.code, failure.message, failure.details);
  return new Error(failure.message);
}

/** The pool the runtime uses: created on first use, its workers started as tasks arrive. */
export const templateWorkers = new TemplateWorkerPool();
