// POST /flows/:id/publish: the draft becomes the next immutable version and the active one. A draft
// with errors is refused with the diagnostics that name the nodes to fix; nothing is written then.
import { compileFlow, serializeRuleSet, UncompilableFlowError } from '../../engine/compile/compile-flow.ts';
import { hasErrors, validateFlow } from '../../engine/validation/validate-flow.ts';
import type { ApiErrorDetail, Diagnostic, Flow, FlowVersionInfo } from '../../schemas/index.ts';
import { validationError } from '../errors/app-error.ts';
import type { RuntimeServices } from '../services.ts';
import { toFlowVersionInfo } from './flow-version-info.ts';
import { loadDraft } from './load-draft.ts';
import { loadValidationContext } from './load-validation-context.ts';

type Services = Pick<RuntimeServices, 'database' | 'now'>;

export function errorDetails(diagnostics: readonly Diagnostic[]): ApiErrorDetail[] {
  return diagnostics
    .filter((diagnostic) => diagnostic.severity === 'error')
    .map((diagnostic) => ({
      code: diagnostic.code,
      message: diagnostic.message,
      ...(diagnostic.nodeId !== undefined ? { nodeId: diagnostic.nodeId } : {}),
      ...(diagnostic.pointer !== undefined ? { pointer: diagnostic.pointer } : {}),
    }));
}

async function checkedDraft(services: Services, flowId: string): Promise<Flow> {
  const { flow, diagnostics } = validateFlow(await loadDraft(services, flowId), await loadValidationContext(services));
  if (!flow || hasErrors(diagnostics)) {
    const details = errorDetails(diagnostics);
    throw validationError(
      'FLOW_INVALID',
      `The draft of flow "${flowId}" has ${details.length} error(s); fix them and publish again: ${details[0]?.message}`,
      details,
    );
  }
  return flow;
}

export async function publishFlow(services: Services, flowId: string): Promise<FlowVersionInfo> {
  const draft = await checkedDraft(services, flowId);
  const { database } = services;
  const publishedAt = services.now().toISOString();
  try {
    return await database.db.transaction().execute(async (trx) => {
      // Serialises concurrent publishes of one flow on PostgreSQL (SQLite runs one writer at a time).
      let lock = trx.selectFrom('flows').select('id').where('id', '=', flowId);
      if (database.dialect === 'postgres') lock = lock.forUpdate();
      await lock.executeTakeFirstOrThrow();
      const latest = await trx
        .selectFrom('flow_versions')
        .select((eb) => eb.fn.max('version').as('latest'))
        .where('flow_id', '=', flowId)
        .executeTakeFirst();
      const version = Number(latest?.latest ?? 0) + 1;
      const document: Flow = { ...draft, version };
      const row = {
        flow_id: flowId,
        version,
        document: JSON.stringify(document),
        rule_set: serializeRuleSet(compileFlow(document)),
        published_at: publishedAt,
      };
      await trx.insertInto('flow_versions').values(row).execute();
      await trx.updateTable('flows').set({ active_version: version }).where('id', '=', flowId).execute();
      return toFlowVersionInfo(row, version);
    });
  } catch (error) {
    if (error instanceof UncompilableFlowError) {
      throw validationError('FLOW_INVALID', `The draft of flow "${flowId}" cannot be compiled: ${error.message}`);
    }
    throw error;
  }
}
