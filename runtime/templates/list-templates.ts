// GET /templates: every stored template, by document type and id.
import type { TemplateInfo } from '../../schemas/index.ts';
import type { RuntimeServices } from '../services.ts';
import { loadCustomFields } from './load-custom-fields.ts';
import { templateInfoColumns, toTemplateInfo } from './template-info.ts';

export async function listTemplates(services: Pick<RuntimeServices, 'database'>): Promise<TemplateInfo[]> {
  const rows = await services.database.db
    .selectFrom('templates')
    .select(templateInfoColumns)
    .orderBy('document_type')
    .orderBy('id')
    .execute();
  const customFields = await loadCustomFields(services);
  return rows.map((row) => toTemplateInfo(row, customFields));
}
