// DELETE /templates/:id: refused while an active flow version sends it (its next event would fail);
// drafts and inactive versions do not hold it, but a later rollback to them is refused instead.
import { conflict, notFound } from '../errors/app-error.ts';
import { describeRuleUses, findActiveRules, ruleUseDetails } from '../flows/find-active-rules.ts';
import type { RuntimeServices } from '../services.ts';

export async function deleteTemplate(services: Pick<RuntimeServices, 'database'>, templateId: string): Promise<void> {
  const uses = await findActiveRules(services, (action) => 'templateId' in action && action.templateId === templateId);
  if (uses.length > 0) {
    throw conflict(
      'TEMPLATE_IN_USE',
      `Template "${templateId}" is used by active ${describeRuleUses(uses)}: publish a version that uses another template, then delete`,
      ruleUseDetails('TEMPLATE_IN_USE', uses),
    );
  }
  const result = await services.database.db.deleteFrom('templates').where('id', '=', templateId).executeTakeFirst();
  if (result.numDeletedRows === 0n) throw notFound('Template', templateId);
}
