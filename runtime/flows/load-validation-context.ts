// What validation checks a flow against on this instance: the stored template and employee ids.
import type { ValidationContext } from '../../engine/validation/validate-flow.ts';
import type { RuntimeServices } from '../services.ts';

export async function loadValidationContext(services: Pick<RuntimeServices, 'database'>): Promise<ValidationContext> {
  const { db } = services.database;
  const [templates, employees] = await Promise.all([
    db.selectFrom('templates').select('id').orderBy('id').execute(),
    db.selectFrom('employees').select('id').orderBy('id').execute(),
  ]);
  return { templates: templates.map((row) => row.id), employees: employees.map((row) => row.id) };
}
