// DELETE /employees/:id: refused while an active flow version names the employee as company signer
// (its documents would have nobody to sign for us); drafts and inactive versions do not hold it.
import { conflict, notFound } from '../errors/app-error.ts';
import { describeRuleUses, findActiveRules, ruleUseDetails } from '../flows/find-active-rules.ts';
import type { RuntimeServices } from '../services.ts';

export async function deleteEmployee(services: Pick<RuntimeServices, 'database'>, employeeId: string): Promise<void> {
  const uses = await findActiveRules(
    services,
    (action) =>
      'companySigner' in action &&
      action.companySigner.kind === 'employee' &&
      action.companySigner.employeeId === employeeId,
  );
  if (uses.length > 0) {
    throw conflict(
      'EMPLOYEE_IN_USE',
      `Employee "${employeeId}" signs for the company in active ${describeRuleUses(uses)}: choose another signer there and publish, then delete`,
      ruleUseDetails('EMPLOYEE_IN_USE', uses),
    );
  }
  const result = await services.database.db.deleteFrom('employees').where('id', '=', employeeId).executeTakeFirst();
  if (result.numDeletedRows === 0n) throw notFound('Employee', employeeId);
}
