// The worker thread that inspects and renders templates (and normalises signers' PNG uploads), so docxtemplater's CPU and memory stay
// off the request's event loop (template-worker-pool.ts). One task at a time; errors travel back
// as plain data and become AppErrors again on the other side.
import { parentPort } from 'node:worker_threads';
import { AppError } from '../../errors/app-error.ts';
import { normalizePng } from '../../signing/normalize-png.ts';
import { inspectTemplate } from './inspect-template.ts';
import { renderDocx } from './render-docx.ts';
import type { TemplateTask, WorkerReply } from './template-task.ts';

async function run(task: TemplateTask): Promise<unknown> {
  if (task.kind === 'inspect') return inspectTemplate(task.bytes, task.limits);
  if (task.kind === 'normalize-png') return normalizePng(task.bytes);
  return renderDocx(task.template, task.data);
}

parentPort?.on('message', async (message: { id: number; task: TemplateTask }) => {
  let reply: WorkerReply;
  try {
    reply = { id: message.id, ok: true, result: await run(message.task) };
  } catch (error) {
    const failure =
      error instanceof AppError
        ? { kind: error.kind, code: error.code, message: error.message, details: error.details }
        : { message: error instanceof Error ? error.message : String(error) };
    reply = { id: message.id, ok: false, error: failure };
  }
  parentPort?.postMessage(reply);
});
