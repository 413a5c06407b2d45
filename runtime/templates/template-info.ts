// A stored template as the API describes it (without its content).
import type { TemplateInfo } from '../../schemas/index.ts';
import type { TemplatesTable } from '../storage/database-schema.ts';

export type TemplateInfoRow = Omit<TemplatesTable, 'content'>;

export const templateInfoColumns = [
  'id',
  'document_type',
  'name',
  'file_name',
  'size',
  'sha256',
  'placeholders',
  'created_at',
] as const;

export function toTemplateInfo(row: TemplateInfoRow): TemplateInfo {
  return {
    id: row.id,
    documentType: row.document_type,
    name: row.name,
    fileName: row.file_name,
    size: Number(row.size),
    sha256: row.sha256,
    placeholders: JSON.parse(row.placeholders) as string[],
    createdAt: row.created_at,
  };
}
