// Templates: multipart upload, download, preview with a sample deal (PDF), delete.
import type { Deal, TemplateInfo } from '../../../schemas/types.generated.ts';
import { request } from './client.ts';
import { requestPdf } from './pdf-request.ts';

const enc = encodeURIComponent;

export interface TemplateUploadInput {
  documentType: string;
  name: string;
  id?: string;
  file: File;
}

export const templatesApi = {
  list: () => request<TemplateInfo[]>('GET', '/templates'),
  upload: (input: TemplateUploadInput) => {
    const form = new FormData();
    form.set('documentType', input.documentType);
    if (input.name) form.set('name', input.name);
    if (input.id) form.set('id', input.id);
    form.set('file', input.file, input.file.name);
    return request<TemplateInfo>('POST', '/templates', form);
  },
  download: (id: string) => request<Blob>('GET', `/templates/${enc(id)}/content`, undefined, { as: 'blob' }),
  preview: (id: string, deal?: Deal) => requestPdf(`/templates/${enc(id)}/preview`, deal ? { deal } : undefined),
  remove: (id: string) => request<void>('DELETE', `/templates/${enc(id)}`),
};
