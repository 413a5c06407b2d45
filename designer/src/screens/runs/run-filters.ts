// The runs screen's filters: sent to the runtime as query parameters and applied again here, so
// the list is right whether or not the runtime already filters by every one of them.
import type { Run, RunStatus } from '../../../../schemas/index.ts';

export interface RunFilter {
  dealId: string;
  stageId: string;
  documentType: string;
  status: RunStatus | '';
  /** datetime-local text (the browser's local time), inclusive bounds. */
  since: string;
  until: string;
}

export const emptyRunFilter: RunFilter = {
  dealId: '',
  stageId: '',
  documentType: '',
  status: '',
  since: '',
  until: '',
};

const toIso = (local: string): string | undefined => {
  if (!local) return undefined;
  const time = new Date(local);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
};

export function runQuery(filter: RunFilter, pipelineId: string | undefined, limit = 100): string {
  const query = new URLSearchParams();
  if (pipelineId) query.set('pipelineId', pipelineId);
  for (const key of ['dealId', 'stageId', 'documentType', 'status'] as const) {
    const value = filter[key].trim();
    if (value) query.set(key, value);
  }
  const since = toIso(filter.since);
  const until = toIso(filter.until);
  if (since) query.set('since', since);
  if (until) query.set('until', until);
  query.set('limit', String(limit));
  return query.toString();
}

/** The stage a run was evaluated at: the last part of its bucket (pipeline/event type/stage). */
export function runStage(run: Run): string | undefined {
  if (!run.plan?.bucket.includes('/deal.stage_changed/')) return undefined;
  return run.plan.bucket.slice(run.plan.bucket.lastIndexOf('/') + 1);
}

export function runDocumentTypes(run: Run): string[] {
  const types = new Set(run.documents.map((document) => document.documentType));
  for (const action of run.plan?.actions ?? []) if (action.kind === 'sendDocument') types.add(action.documentType);
  return [...types];
}

export function matchesRun(run: Run, filter: RunFilter, pipelineId?: string): boolean {
  if (pipelineId && run.pipelineId !== pipelineId) return false;
  if (filter.dealId.trim() && run.dealId !== filter.dealId.trim()) return false;
  if (filter.status && run.status !== filter.status) return false;
  if (filter.stageId.trim() && runStage(run) !== filter.stageId.trim()) return false;
  if (filter.documentType.trim() && !runDocumentTypes(run).includes(filter.documentType.trim())) return false;
  const since = toIso(filter.since);
  const until = toIso(filter.until);
  if (since && run.createdAt < since) return false;
  if (until && run.createdAt > until) return false;
  return true;
}

export const isSettled = (run: Pick<Run, 'status'>): boolean => run.status === 'completed' || run.status === 'failed';

/**
 * Poll fast while a visible run is still moving (1.5 s: within the 1–2 s the screen promises);
 * otherwise slowly (`idle`), so that runs of new events appear; null: do not poll.
 */
export function pollDelay(visible: ReadonlyArray<Pick<Run, 'status'>>, idle: number | null = null): number | null {
  return visible.some((run) => !isSettled(run)) ? 1500 : idle;
}
