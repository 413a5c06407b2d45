// Flow validation and compilation off the event loop: a 5,000-node flow takes 0.3–0.8 s per step
// on this machine, during which no other request (/healthz included) would be answered. Flows that
// size go to one worker thread (flow-check-worker.ts), queued; small ones, the everyday case, run
// inline, where a worker's round trip would cost more than the check. A check past the time limit
// ends the worker (the next check starts a new one); its heap is capped.
import { Worker } from 'node:worker_threads';
import { UncompilableFlowError } from '../../engine/compile/compile-flow.ts';
import { unavailable, validationError } from '../errors/app-error.ts';
import type { FlowCheckReply, FlowCheckResult, FlowCheckTask } from './flow-check-task.ts';
import { runFlowCheck } from './run-flow-check.ts';

const inlineBelowNodes = 500;
const timeoutMs = 60_000;
const maxMemoryMb = 768;
const maxPending = 32;
const entry = new URL('./flow-check-worker-entry.mjs', import.meta.url);

interface Pending {
  resolve(result: FlowCheckResult): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

let worker: Worker | undefined;
const pending = new Map<number, Pending>();
let nextId = 1;

function nodeCount(task: FlowCheckTask): number {
  const nodes = (task.document as { nodes?: unknown } | null)?.nodes;
  return Array.isArray(nodes) ? nodes.length : 0;
}

/** Fails every check in flight (the worker is gone) and forgets the worker. */
function abandon(error: Error): void {
  worker = undefined;
  for (const [id, check] of pending) {
    clearTimeout(check.timer);
    pending.delete(id);
    check.reject(error);
  }
}

function rebuild(error: { name: string; message: string }): Error {
  return error.name === 'UncompilableFlowError' ? new UncompilableFlowError(error.message) : new Error(error.message);
}

function startWorker(): Worker {
  const started = new Worker(entry, {
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb, maxYoungGenerationSizeMb: 64 },
  });
  started.on('message', (reply: FlowCheckReply) => {
    const check = pending.get(reply.id);
    if (!check) return;
    clearTimeout(check.timer);
    pending.delete(reply.id);
    if (pending.size === 0) started.unref();
    if (reply.ok) check.resolve(reply.result);
    else check.reject(rebuild(reply.error));
  });
  started.on('error', (error: Error & { code?: string }) => {
    if (worker !== started) return;
    abandon(
      error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? validationError('FLOW_TOO_COMPLEX', `Checking this flow needs more than ${maxMemoryMb} MB; make it smaller`)
        : error,
    );
  });
  started.on('exit', () => {
    if (worker === started)
      abandon(unavailable('FLOW_CHECKS_RESTARTED', 'The flow checker restarted; send the request again'));
  });
  return started;
}

function inWorker(task: FlowCheckTask): Promise<FlowCheckResult> {
  if (pending.size >= maxPending) {
    return Promise.reject(unavailable('FLOW_CHECKS_BUSY', 'Too many large flows are being checked; retry shortly'));
  }
  worker ??= startWorker();
  const current = worker;
  current.ref();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      pending.delete(id);
      reject(
        validationError(
          'FLOW_TOO_COMPLEX',
          `Checking this flow takes longer than ${timeoutMs / 1000} s; make it smaller`,
        ),
      );
      // The worker is busy with it for good: end it; checks queued behind it fail with "retry".
      if (worker === current) {
        abandon(unavailable('FLOW_CHECKS_RESTARTED', 'The flow checker restarted; send the request again'));
        void current.terminate();
      }
    }, timeoutMs);
    pending.set(id, { resolve, reject, timer });
    current.postMessage({ id, task });
  });
}

export async function checkFlowOffLoop<K extends FlowCheckTask['kind']>(
  task: Extract<FlowCheckTask, { kind: K }>,
): Promise<Extract<FlowCheckResult, { kind: K }>> {
  // A layout always goes to the worker: ELK holds the thread for the whole layout.
  const checked = task as FlowCheckTask;
  const result =
    checked.kind !== 'layout' && nodeCount(checked) < inlineBelowNodes
      ? runFlowCheck(checked)
      : await inWorker(checked);
  return result as Extract<FlowCheckResult, { kind: K }>;
}
