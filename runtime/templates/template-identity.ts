// The document type, name and id of an uploaded template, from its form fields and file name.
// A missing id is derived from the name (or the file name), so "Contract (large).docx" → contract-large.
import { validationError } from '../errors/app-error.ts';
import type { TemplateUpload } from './read-template-upload.ts';

export interface TemplateIdentity {
  id: string;
  documentType: string;
  name: string;
  fileName: string;
}

const documentTypePattern = /^[a-z][a-z0-9_-]{0,63}$/;
const identifierPattern = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;

export function deriveTemplateId(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_.:-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .replace(/[-.]+$/, '')
    .slice(0, 128);
}

const withoutExtension = (fileName: string): string => fileName.replace(/\.docx$/i, '');

export function templateIdentity(upload: TemplateUpload): TemplateIdentity {
  const { fields, file } = upload;
  const documentType = fields.documentType?.trim() ?? '';
  if (!documentTypePattern.test(documentType)) {
    const problem = documentType === '' ? 'is missing' : `"${documentType}" is not valid`;
    throw validationError(
      'TEMPLATE_DOCUMENT_TYPE',
      `The field documentType ${problem}: send e.g. contract or invoice (lower-case letters, digits, _ and -)`,
      [{ pointer: '/documentType', message: 'must match ^[a-z][a-z0-9_-]{0,63}$' }],
    );
  }
  if (!file || file.bytes.length === 0) {
    throw validationError('TEMPLATE_FILE_MISSING', 'Attach the .docx file in a form part named "file"', [
      { pointer: '/file', message: 'is missing or empty' },
    ]);
  }
  const fileName = file.fileName || `${documentType}.docx`;
  const name = fields.name?.trim() || withoutExtension(fileName);
  const id = fields.id?.trim() || deriveTemplateId(name);
  if (!identifierPattern.test(id)) {
    throw validationError(
      'TEMPLATE_ID_INVALID',
      `The template id "${id}" is not valid: use letters, digits and . _ : - (1 to 128, starting with a letter or digit)`,
      [{ pointer: '/id', message: 'must match ^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$' }],
    );
  }
  return { id, documentType, name: name.slice(0, 200), fileName: fileName.slice(0, 255) };
}
