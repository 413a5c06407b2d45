// Flows as the API lists them: the row plus its latest published version number.
import type { FlowSummary } from '../../schemas/index.ts';
import { notFound } from '../errors/app-error.ts';
import type { RuntimeServices } from '../services.ts';

type Services = Pick<RuntimeServices, 'database'>;

export function summaryQuery(services: Services) {
  return services.database.db.selectFrom('flows').select((eb) => [
    'flows.id',
    'flows.pipeline_id',
    'flows.name',
    'flows.active_version',
    'flows.draft_updated_at',
    'flows.created_at',
    eb
      .selectFrom('flow_versions')
      .select((inner) => inner.fn.max('flow_versions.version').as('latest'))
      .whereRef('flow_versions.flow_id', '=', 'flows.id')
      .as('latest_version'),
  ]);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['executeTakeFirstOrThrow']>>;

export function toFlowSummary(row: SummaryRow): FlowSummary {
  return {
    id: row.id,
    pipelineId: row.pipeline_id,
    name: row.name,
    activeVersion: row.active_version,
    latestVersion: row.latest_version === null ? null : Number(row.latest_version),
    draftUpdatedAt: row.draft_updated_at,
    createdAt: row.created_at,
  };
}

export async function findFlowSummary(services: Services, flowId: string): Promise<FlowSummary> {
  const row = await summaryQuery(services).where('flows.id', '=', flowId).executeTakeFirst();
  if (!row) throw notFound('Flow', flowId);
  return toFlowSummary(row);
}
