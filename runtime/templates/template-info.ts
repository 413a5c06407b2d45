// A stored template as the API describes it (without its content), with the warnings on its
// placeholders as they stand against today's pipelines.
import type { SignatureMark, TemplateInfo } from '../../schemas/index.ts';
import type { TemplatesTable } from '../storage/database-schema.ts';
import { placeholderWarnings } from './placeholder-warnings.ts';

export type TemplateInfoRow = Omit<TemplatesTable, 'content' | 'marks'> & { marks: string };

export const templateInfoColumns = [
  'id',
  'document_type',
  'name',
  'file_name',
  'size',
  'sha256',
  'placeholders',
  'marks',
  'created_at',
] as const;

/** `customFields`: the pipelines' custom fields (load-custom-fields.ts), for the warnings. */
export function toTemplateInfo(row: TemplateInfoRow, customFields: readonly string[] | undefined): TemplateInfo {
  const placeholders = JSON.parse(row.placeholders) as string[];
  return {
    id: row.id,
    documentType: row.document_type,
    name: row.name,
    fileName: row.file_name,
    size: Number(row.size),
    sha256: row.sha256,
    placeholders,
    marks: JSON.parse(row.marks) as SignatureMark[],
    warnings: placeholderWarnings(placeholders, customFields),
    createdAt: row.created_at,
  };
}
