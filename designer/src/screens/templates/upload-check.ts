// What the templates screen checks before an upload (the runtime checks it all again): a
// document type as the schema spells it, a .docx file, within the runtime's 10 MB limit.
import { loadSchema } from '../../../../schemas/validators.ts';

export const maxTemplateBytes = 10 * 1024 * 1024;
const common = loadSchema('common.schema.json') as { definitions: { documentType: { pattern: string } } };
const documentTypePattern = new RegExp(common.definitions.documentType.pattern, 'u');

export type UploadProblem = 'documentTypeMissing' | 'documentTypeInvalid' | 'fileMissing' | 'notDocx' | 'tooLarge';

export function uploadProblems(input: {
  documentType: string;
  file: { name: string; size: number } | null;
}): UploadProblem[] {
  const problems: UploadProblem[] = [];
  const documentType = input.documentType.trim();
  if (!documentType) problems.push('documentTypeMissing');
  else if (!documentTypePattern.test(documentType)) problems.push('documentTypeInvalid');
  if (!input.file) problems.push('fileMissing');
  else {
    if (!input.file.name.toLowerCase().endsWith('.docx')) problems.push('notDocx');
    if (input.file.size > maxTemplateBytes) problems.push('tooLarge');
  }
  return problems;
}

/** Templates grouped by document type, types in alphabetical order, newest template first. */
export function byDocumentType<T extends { documentType: string; createdAt: string }>(
  templates: readonly T[],
): Array<[string, T[]]> {
  const groups = new Map<string, T[]>();
  for (const template of templates)
    groups.set(template.documentType, [...(groups.get(template.documentType) ?? []), template]);
  return [...groups]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([type, list]) => [type, list.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))]);
}
