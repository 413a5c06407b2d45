// GET /runs's query parameters → a RunFilter and a page size, or a 400 naming the parameter.
// The cursor is the id of the last run of the previous page (?before=<runId>).
import type { RunStatus } from '../../schemas/index.ts';
import { validationError } from '../errors/app-error.ts';
import { runListLimit, runListMaxLimit } from '../runs/list-runs.ts';
import type { RunFilter } from '../runs/run-filter.ts';
import type { RuntimeServices } from '../services.ts';
import { textProblem } from './find-unsafe-json.ts';
import { queryNumber } from './query-number.ts';

type Query = Record<string, string | string[] | undefined>;

const statuses: readonly RunStatus[] = ['accepted', 'running', 'completed', 'failed'];

function invalid(name: string, message: string) {
  return validationError('QUERY_INVALID', `${name} ${message}`, [{ pointer: `/${name}`, message }]);
}

export function queryText(value: string | string[] | undefined, name: string): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || text === '') return undefined;
  const problem = textProblem(text) ?? (text.length > 200 ? 'is longer than 200 characters' : undefined);
  if (problem) throw invalid(name, problem);
  return text;
}

function queryTime(value: string | string[] | undefined, name: string): string | undefined {
  const text = queryText(value, name);
  if (text === undefined) return undefined;
  const time = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text) ? new Date(text) : undefined;
  if (!time || Number.isNaN(time.getTime())) throw invalid(name, 'must be an ISO date-time, e.g. 2026-12-01T10:00:00Z');
  return time.toISOString();
}

async function cursor(services: RuntimeServices, runId: string | undefined): Promise<RunFilter['before']> {
  if (runId === undefined) return undefined;
  const row = await services.database.db
    .selectFrom('runs')
    .select(['created_at', 'id'])
    .where('id', '=', runId)
    .executeTakeFirst();
  if (!row) throw invalid('before', `names no run ("${runId}"): give the id of the last run of the previous page`);
  return { createdAt: row.created_at, id: row.id };
}

export async function readRunFilter(
  services: RuntimeServices,
  query: Query,
): Promise<{ filter: RunFilter; limit: number }> {
  const filter: RunFilter = {};
  for (const name of ['eventId', 'dealId', 'pipelineId', 'stageId', 'documentType'] as const) {
    const text = queryText(query[name], name);
    if (text !== undefined) filter[name] = text;
  }
  const status = queryText(query.status, 'status');
  if (status !== undefined) {
    if (!statuses.includes(status as RunStatus)) throw invalid('status', `must be one of ${statuses.join(', ')}`);
    filter.status = status as RunStatus;
  }
  const since = queryTime(query.since, 'since');
  const until = queryTime(query.until, 'until');
  if (since) filter.since = since;
  if (until) filter.until = until;
  const before = await cursor(services, queryText(query.before, 'before'));
  if (before) filter.before = before;
  const limit = queryNumber(query.limit, 'limit', { min: 1, max: runListMaxLimit, fallback: runListLimit });
  return { filter, limit };
}
