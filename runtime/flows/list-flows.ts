// GET /flows: every flow with its active and latest version, by id.
import type { FlowSummary } from '../../schemas/index.ts';
import type { RuntimeServices } from '../services.ts';
import { summaryQuery, toFlowSummary } from './flow-summary.ts';

export async function listFlows(services: Pick<RuntimeServices, 'database'>): Promise<FlowSummary[]> {
  const rows = await summaryQuery(services).orderBy('flows.id').execute();
  return rows.map(toFlowSummary);
}
