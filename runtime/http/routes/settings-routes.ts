// /api/v1/settings/company and /api/v1/employees: our company and who may sign for it (admin).
import { checkAgainst, type Employee, type OurCompany } from '../../../schemas/index.ts';
import { deleteEmployee } from '../../settings/delete-employee.ts';
import { getOurCompany } from '../../settings/get-our-company.ts';
import { listEmployees } from '../../settings/list-employees.ts';
import { saveEmployee } from '../../settings/save-employee.ts';
import { saveOurCompany } from '../../settings/save-our-company.ts';
import type { RouteModule } from '../app-types.ts';
import { readJsonBody } from '../read-json-body.ts';
import { requireRole } from '../require-role.ts';

const checkOurCompany = (value: unknown) =>
  checkAgainst<OurCompany>('deal-event.schema.json#/definitions/ourCompany', value);
const checkEmployee = (value: unknown) => checkAgainst<Employee>('api.schema.json#/definitions/employee', value);

export const registerSettingsRoutes: RouteModule = (router, services) => {
  router.get('/settings/company', requireRole('admin'), async (ctx) => {
    ctx.body = await getOurCompany(services);
  });
  router.put('/settings/company', requireRole('admin'), async (ctx) => {
    ctx.body = await saveOurCompany(services, await readJsonBody(ctx, checkOurCompany));
  });
  router.get('/employees', requireRole('admin'), async (ctx) => {
    ctx.body = await listEmployees(services);
  });
  router.put('/employees/:id', requireRole('admin'), async (ctx) => {
    ctx.body = await saveEmployee(services, ctx.params.id as string, await readJsonBody(ctx, checkEmployee));
  });
  router.delete('/employees/:id', requireRole('admin'), async (ctx) => {
    await deleteEmployee(services, ctx.params.id as string);
    ctx.status = 204;
  });
};
