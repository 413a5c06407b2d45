// The worker thread that validates and compiles large flows (flow-checks.ts), so that a 5,000-node
// flow costs this thread a few hundred milliseconds, not the event loop every request shares.
import { parentPort } from 'node:worker_threads';
import type { FlowCheckReply, FlowCheckTask } from './flow-check-task.ts';
import { runFlowCheck } from './run-flow-check.ts';

parentPort?.on('message', (message: { id: number; task: FlowCheckTask }) => {
  let reply: FlowCheckReply;
  try {
    reply = { id: message.id, ok: true, result: runFlowCheck(message.task) };
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    reply = { id: message.id, ok: false, error: { name: failure.name, message: failure.message } };
  }
  parentPort?.postMessage(reply);
});
