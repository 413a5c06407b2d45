// PUT /employees/:id: creates or replaces an employee who may sign for our company.
import type { Employee } from '../../schemas/index.ts';
import { validationError } from '../errors/app-error.ts';
import type { RuntimeServices } from '../services.ts';

export async function saveEmployee(
  services: Pick<RuntimeServices, 'database'>,
  employeeId: string,
  employee: Employee,
): Promise<Employee> {
  if (employee.id !== employeeId) {
    throw validationError('ID_MISMATCH', `The body's id "${employee.id}" differs from the path's "${employeeId}"`, [
      { pointer: '/id', message: `must be "${employeeId}"` },
    ]);
  }
  const { id, name, email, role } = employee;
  await services.database.db
    .insertInto('employees')
    .values({ id, name, email, role })
    .onConflict((conflict) => conflict.column('id').doUpdateSet({ name, email, role }))
    .execute();
  return { id, name, email, role };
}
