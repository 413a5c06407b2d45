// Template inspection and rendering on the worker pool: the calls the runtime makes, with their
// time limits. The pure functions (inspect-template.ts, render-docx.ts) stay callable in-process.
import type { TemplateData } from '../../../schemas/index.ts';
import type { TemplateInspection, TemplateLimits } from './inspect-template.ts';
import type { RenderedDocx } from './render-docx.ts';
import { templateWorkers } from './template-worker-pool.ts';

export const inspectTimeoutMs = 30_000;
export const renderTimeoutMs = 60_000;

export async function inspectTemplateInWorker(bytes: Uint8Array, limits?: TemplateLimits): Promise<TemplateInspection> {
  const task = limits ? { kind: 'inspect' as const, bytes, limits } : { kind: 'inspect' as const, bytes };
  return (await templateWorkers.run(task, inspectTimeoutMs)) as TemplateInspection;
}

export async function renderDocxInWorker(template: Uint8Array, data: TemplateData): Promise<RenderedDocx> {
  return (await templateWorkers.run({ kind: 'render', template, data }, renderTimeoutMs)) as RenderedDocx;
}
