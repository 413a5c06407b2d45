// POST /flows/:id/rollback: makes an earlier published version the active one again. Refused when
// that version sends a template that has been deleted since, or names a signer who is gone: its
// documents could not be made.
import type { FlowVersionInfo, RuleSet } from '../../schemas/index.ts';
import { conflict } from '../errors/app-error.ts';
import type { RuntimeServices } from '../services.ts';
import { getFlowVersion } from './get-flow-version.ts';
import { loadValidationContext } from './load-validation-context.ts';

function missingReferences(
  ruleSet: RuleSet,
  known: ReadonlySet<string>,
  pick: (rule: RuleSet['rules'][number]) => string | undefined,
) {
  return ruleSet.rules.flatMap((rule) => {
    const id = pick(rule);
    return id !== undefined && !known.has(id) ? [{ id, rule }] : [];
  });
}

async function checkReferences(
  services: Pick<RuntimeServices, 'database'>,
  flowId: string,
  version: number,
  ruleSet: RuleSet,
) {
  const context = await loadValidationContext(services);
  const templates = missingReferences(ruleSet, new Set(context.templates), (rule) => {
    const action = rule.event.params.action;
    return 'templateId' in action ? action.templateId : undefined;
  });
  const employees = missingReferences(ruleSet, new Set(context.employees), (rule) => {
    const action = rule.event.params.action;
    return 'companySigner' in action && action.companySigner.kind === 'employee'
      ? action.companySigner.employeeId
      : undefined;
  });
  for (const [code, what, missing] of [
    ['TEMPLATE_MISSING', 'template', templates],
    ['EMPLOYEE_MISSING', 'employee', employees],
  ] as const) {
    if (missing.length === 0) continue;
    const ids = [...new Set(missing.map((entry) => `"${entry.id}"`))].join(', ');
    throw conflict(
      code,
      `Version ${version} of flow "${flowId}" uses the ${what} ${ids}, which no longer exists; restore it (same id) or publish a new version instead`,
      missing.map(({ id, rule }) => ({
        code,
        nodeId: rule.event.params.actionNodeId,
        message: `rule "${rule.name}" uses ${what} "${id}"`,
      })),
    );
  }
}

export async function rollbackFlow(
  services: Pick<RuntimeServices, 'database'>,
  flowId: string,
  version: number,
): Promise<FlowVersionInfo> {
  const { document: _document, ruleSet, ...info } = await getFlowVersion(services, flowId, version);
  await checkReferences(services, flowId, version, ruleSet);
  await services.database.db.updateTable('flows').set({ active_version: version }).where('id', '=', flowId).execute();
  return { ...info, active: true };
}
