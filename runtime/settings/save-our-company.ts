// PUT /settings/company: replaces our company's details (documents read them when an event brings none).
import type { OurCompany } from '../../schemas/index.ts';
import { ourCompanySettingKey } from '../documents/load-our-company.ts';
import type { RuntimeServices } from '../services.ts';

export async function saveOurCompany(
  services: Pick<RuntimeServices, 'database'>,
  company: OurCompany,
): Promise<OurCompany> {
  const value = JSON.stringify(company);
  await services.database.db
    .insertInto('settings')
    .values({ key: ourCompanySettingKey, value })
    .onConflict((conflict) => conflict.column('key').doUpdateSet({ value }))
    .execute();
  return company;
}
