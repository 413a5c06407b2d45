// GET /templates/:id/content: the DOCX as uploaded, with a file name safe for Content-Disposition.
import { notFound } from '../errors/app-error.ts';
import type { RuntimeServices } from '../services.ts';

export const docxContentType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface TemplateContent {
  fileName: string;
  bytes: Uint8Array;
}

/** A header-safe file name: quotes, slashes and non-ASCII become _, and it ends in .docx. */
export function safeDocxFileName(fileName: string, fallback: string): string {
  const base =
    fileName
      .replace(/\.docx$/i, '')
      .replace(/[^A-Za-z0-9._ -]/g, '_')
      .trim() || fallback;
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
  return { fileName: safeDocxFileName(row.file_name, templateId), bytes: row.content };
}
