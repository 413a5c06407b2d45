// The worker thread that validates and compiles large flows (flow-checks.ts), so that a 5,000-node
// flow costs this thread a few hundred milliseconds, not the event loop every request shares; and
// the layout of never-positioned flows (ELK on 500 nodes: 0.5-2 s, cold), loaded on first use.
import { parentPort } from 'node:worker_threads';
import type { FlowCheckReply, FlowCheckResult, FlowCheckTask } from './flow-check-task.ts';
import { runFlowCheck } from './run-flow-check.ts';

async function run(task: FlowCheckTask): Promise<FlowCheckResult> {
  if (task.kind !== 'layout') return runFlowCheck(task);
  const { layoutPositions } = await import('./layout-positions.ts');
  return { kind: 'layout', positions: await layoutPositions(task.document) };
}

parentPort?.on('message', async (message: { id: number; task: FlowCheckTask }) => {
  let reply: FlowCheckReply;
  try {
    reply = { id: message.id, ok: true, result: await run(message.task) };
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    reply = { id: message.id, ok: false, error: { name: failure.name, message: failure.message } };
  }
  parentPort?.postMessage(reply);
});
