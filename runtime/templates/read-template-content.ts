// GET /templates/:id/content: the DOCX as uploaded, with the name it was uploaded under.
import { notFound } from '../errors/app-error.ts';
import type { RuntimeServices } from '../services.ts';

export const docxContentType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface TemplateContent {
  fileName: string;
  bytes: Uint8Array;
}

/** The uploaded name, ending in .docx (the HTTP layer's attachment() makes it header-safe). */
export function docxFileName(fileName: string, fallback: string): string {
  const base = fileName.replace(/\.docx$/i, '').trim() || fallback;
  return `${base}.docx`;
}

export async function readTemplateContent(
  services: Pick<RuntimeServices, 'database'>,
  templateId: string,
): Promise<TemplateContent> {
  const row = await services.database.db
    .selectFrom('templates')
    .select(['file_name', 'content'])
    .where('id', '=', templateId)
    .executeTakeFirst();
  if (!row) throw notFound('Template', templateId);
  return { fileName: docxFileName(row.file_name, templateId), bytes: row.content };
}
