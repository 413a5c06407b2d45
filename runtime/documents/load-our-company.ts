// Our company's details for documents: the 'ourCompany' setting, unless the event brings its own.
import { checkAgainst, type OurCompany } from '../../schemas/index.ts';
import type { RuntimeServices } from '../services.ts';

export const ourCompanySettingKey = 'ourCompany';

export async function loadOurCompany(
  services: RuntimeServices,
  override: OurCompany | undefined,
): Promise<OurCompany | undefined> {
  if (override) return override;
  const row = await services.database.db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', ourCompanySettingKey)
    .executeTakeFirst();
  if (!row) return undefined;
  const checked = checkAgainst<OurCompany>('deal-event.schema.json#/definitions/ourCompany', JSON.parse(row.value));
  if (!checked.ok) {
    services.logger.warn({ violations: checked.violations }, 'the ourCompany setting is not valid; ignored');
    return undefined;
  }
  return checked.value;
}
