// GET /settings/company: our company's details as stored, or 404 until they are set.
import type { OurCompany } from '../../schemas/index.ts';
import { ourCompanySettingKey } from '../documents/load-our-company.ts';
import { AppError } from '../errors/app-error.ts';
import type { RuntimeServices } from '../services.ts';

export async function getOurCompany(services: Pick<RuntimeServices, 'database'>): Promise<OurCompany> {
  const row = await services.database.db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', ourCompanySettingKey)
    .executeTakeFirst();
  if (!row) {
    throw new AppError(
      'not_found',
      'COMPANY_NOT_SET',
      "Our company's details are not set yet; send them with PUT /api/v1/settings/company",
    );
  }
  return JSON.parse(row.value) as OurCompany;
}
