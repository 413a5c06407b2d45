// The employees who may sign for our company, by id.
import type { Employee } from '../../schemas/index.ts';
import type { RuntimeServices } from '../services.ts';

export async function listEmployees(services: Pick<RuntimeServices, 'database'>): Promise<Employee[]> {
  return services.database.db.selectFrom('employees').select(['id', 'name', 'email', 'role']).orderBy('id').execute();
}
