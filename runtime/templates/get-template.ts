// GET /templates/:id: one template's description, or 404.
import type { TemplateInfo } from '../../schemas/index.ts';
import { notFound } from '../errors/app-error.ts';
import type { RuntimeServices } from '../services.ts';
import { loadCustomFields } from './load-custom-fields.ts';
import { templateInfoColumns, toTemplateInfo } from './template-info.ts';

export async function getTemplate(
  services: Pick<RuntimeServices, 'database'>,
  templateId: string,
): Promise<TemplateInfo> {
  const row = await services.database.db
    .selectFrom('templates')
    .select(templateInfoColumns)
    .where('id', '=', templateId)
    .executeTakeFirst();
  if (!row) throw notFound('Template', templateId);
  return toTemplateInfo(row, await loadCustomFields(services));
}
