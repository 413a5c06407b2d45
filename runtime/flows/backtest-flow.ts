// POST /flows/:id/backtest: the draft (sent or stored) and the active version over the newest
// events stored for the flow's pipeline, compared on the server with the engine's evaluator. Both
// are compiled once; the answer counts fired rules per side and lists the changed events (admins
// only: plans name signers; analysts get the counts).
import { compileFlows, UncompilableFlowError } from '../../engine/compile/compile-flow.ts';
import { createEvaluator, type Evaluator, RuleSetError } from '../../engine/evaluate/create-evaluator.ts';
import { hasErrors } from '../../engine/validation/validate-flow.ts';
import type { BacktestRequest, BacktestResult, Flow, Role, RuleSet } from '../../schemas/index.ts';
import { notFound, validationError } from '../errors/app-error.ts';
import { compiledFlowVersion } from '../runs/evaluator-cache.ts';
import type { RuntimeServices } from '../services.ts';
import { compareStoredEvents } from './compare-stored-events.ts';
import { checkFlowOffLoop } from './flow-checks.ts';
import { readRuleSet } from './load-active-rule-set.ts';
import { loadDraft } from './load-draft.ts';
import { loadValidationContext } from './load-validation-context.ts';
import { errorDetails } from './publish-flow.ts';

export const defaultBacktestLimit = 1_000;
export const listedDifferences = 200;

type Services = Pick<RuntimeServices, 'database'>;

async function draftEvaluator(services: Services, flowId: string, sent: Flow | undefined): Promise<Evaluator> {
  const candidate = sent ?? (await loadDraft(services, flowId));
  if (candidate.id !== flowId) {
    throw validationError('DRAFT_ID_MISMATCH', `The draft's id "${candidate.id}" is not the flow "${flowId}"`, [
      { pointer: '/draft/id', message: `must be "${flowId}"` },
    ]);
  }
  // Large drafts are validated and compiled in the flow-check worker, as publishing does.
  const context = await loadValidationContext(services);
  const { flow, diagnostics } = await checkFlowOffLoop({ kind: 'validate', document: candidate, context });
  if (!flow || hasErrors(diagnostics)) {
    const details = errorDetails(diagnostics);
    throw validationError(
      'FLOW_INVALID',
      `The draft has ${details.length} error(s); fix them to backtest it: ${details[0]?.message}`,
      details,
    );
  }
  try {
    const { ruleSet } = await checkFlowOffLoop({ kind: 'compile', document: flow });
    return createEvaluator(JSON.parse(ruleSet) as RuleSet);
  } catch (error) {
    if (error instanceof UncompilableFlowError || error instanceof RuleSetError) {
      throw validationError('FLOW_INVALID', `The draft cannot be compiled: ${error.message}`);
    }
    throw error;
  }
}

async function activeEvaluator(services: Services, flowId: string, version: number | null): Promise<Evaluator> {
  if (version === null) return createEvaluator(compileFlows([]));
  const ruleSet = await readRuleSet(services.database, flowId, version);
  return compiledFlowVersion(services.database, flowId, version, ruleSet).evaluator;
}

export async function backtestFlow(
  services: Services,
  flowId: string,
  request: BacktestRequest,
  role: Role,
): Promise<BacktestResult> {
  const flow = await services.database.db
    .selectFrom('flows')
    .select(['pipeline_id', 'active_version'])
    .where('id', '=', flowId)
    .executeTakeFirst();
  if (!flow) throw notFound('Flow', flowId);
  const draft = await draftEvaluator(services, flowId, request.draft);
  const active = await activeEvaluator(services, flowId, flow.active_version);
  const started = performance.now();
  const keep = role === 'admin' ? listedDifferences : 0;
  // Reading, parsing and comparing go page by page together (see compare-stored-events.ts).
  const compared = await compareStoredEvents(services, draft, active, {
    pipelineId: flow.pipeline_id,
    limit: request.limit ?? defaultBacktestLimit,
    keep,
  });
  const { sizeLimited } = compared;
  return {
    flowId,
    activeVersion: flow.active_version,
    eventsCompared: compared.eventsCompared,
    eventsChanged: compared.eventsChanged,
    perRule: compared.perRule,
    differences: compared.differences,
    truncated: compared.eventsChanged > compared.differences.length,
    ...(sizeLimited ? { sizeLimited } : {}),
    ms: Math.round((performance.now() - started) * 10) / 10,
  };
}
