// POST /flows/:id/publish: the draft becomes the next immutable version and the active one. A draft
// with errors is refused with the diagnostics that name the nodes to fix; nothing is written then.
// A published draft's warnings come with the answer.

import type { Kysely } from 'kysely';
import { UncompilableFlowError } from '../../engine/compile/compile-flow.ts';
import { hasErrors } from '../../engine/validation/validate-flow.ts';
import type { ApiErrorDetail, Diagnostic, Flow, FlowVersionInfo } from '../../schemas/index.ts';
import { validationError } from '../errors/app-error.ts';
import type { RuntimeServices } from '../services.ts';
import type { DatabaseSchema } from '../storage/database-schema.ts';
import { boundDiagnostics } from './bound-diagnostics.ts';
import { checkFlowOffLoop } from './flow-checks.ts';
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

async function checkedDraft(services: Services, flowId: string): Promise<{ flow: Flow; diagnostics: Diagnostic[] }> {
  const document = await loadDraft(services, flowId);
  const context = await loadValidationContext(services);
  const { flow, diagnostics } = await checkFlowOffLoop({ kind: 'validate', document, context });
  if (!flow || hasErrors(diagnostics)) {
    const details = errorDetails(diagnostics);
    throw validationError(
      'FLOW_INVALID',
      `The draft of flow "${flowId}" has ${details.length} error(s); fix them and publish again: ${details[0]?.message}`,
      details,
    );
  }
  return { flow, diagnostics };
}

/** The version's document and stored rule set, refused when the rules break the rule format's bounds. */
async function compileVersion(
  flowId: string,
  draft: Flow,
  version: number,
): Promise<{ document: Flow; ruleSet: string }> {
  const document: Flow = { ...draft, version };
  const { ruleSet, violations } = await checkFlowOffLoop({ kind: 'compile', document });
  // What is stored must be what evaluation can load (load-active-rule-set.ts checks the same schema):
  // a 5,000-condition chain once compiled to an `all` of 5,001 items, stored, and failed every event.
  if (violations.length > 0) {
    const first = violations[0];
    throw validationError(
      'FLOW_TOO_LARGE',
      `The draft of flow "${flowId}" compiles to rules beyond the rule format's limits (${first?.pointer} ${first?.message}); shorten the chains of conditions or split the flow`,
      violations.map((violation) => ({
        pointer: violation.pointer,
        message: `compiled rules: ${violation.message}`,
      })),
    );
  }
  return { document, ruleSet };
}

async function latestVersion(db: Kysely<DatabaseSchema>, flowId: string): Promise<number> {
  const latest = await db
    .selectFrom('flow_versions')
    .select((eb) => eb.fn.max('version').as('latest'))
    .where('flow_id', '=', flowId)
    .executeTakeFirst();
  return Number(latest?.latest ?? 0);
}

export interface PublishNote {
  message?: string;
  /** The name of the API token that publishes. */
  publishedBy?: string;
}

export async function publishFlow(
  services: Services,
  flowId: string,
  note: PublishNote = {},
): Promise<FlowVersionInfo> {
  const { flow: draft, diagnostics } = await checkedDraft(services, flowId);
  // The warnings the draft was published with (e.g. RULE_OVERLAP), bounded like every flow answer.
  const warnings = boundDiagnostics(diagnostics);
  const { database } = services;
  const publishedAt = services.now().toISOString();
  try {
    // Compiled before the write transaction, which would otherwise hold SQLite's one writer while a
    // large flow compiles; compiled again inside only when another publish took the number meanwhile.
    const expected = (await latestVersion(database.db, flowId)) + 1;
    let compiled = await compileVersion(flowId, draft, expected);
    return await database.db.transaction().execute(async (trx) => {
      // Serialises concurrent publishes of one flow on PostgreSQL (SQLite runs one writer at a time).
      let lock = trx.selectFrom('flows').select('id').where('id', '=', flowId);
      if (database.dialect === 'postgres') lock = lock.forUpdate();
      await lock.executeTakeFirstOrThrow();
      const version = (await latestVersion(trx, flowId)) + 1;
      if (version !== expected) compiled = await compileVersion(flowId, draft, version);
      const row = {
        flow_id: flowId,
        version,
        document: JSON.stringify(compiled.document),
        rule_set: compiled.ruleSet,
        published_at: publishedAt,
        message: note.message ?? null,
        published_by: note.publishedBy ?? null,
      };
      await trx.insertInto('flow_versions').values(row).execute();
      await trx.updateTable('flows').set({ active_version: version }).where('id', '=', flowId).execute();
      return { ...toFlowVersionInfo(row, version), ...warnings };
    });
  } catch (error) {
    if (error instanceof UncompilableFlowError) {
      throw validationError('FLOW_INVALID', `The draft of flow "${flowId}" cannot be compiled: ${error.message}`);
    }
    throw error;
  }
}
