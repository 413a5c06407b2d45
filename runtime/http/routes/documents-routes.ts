// GET /api/v1/documents/:id (DocumentInfo) and /api/v1/documents/:id/docx|pdf (the files).
import { getDocument } from '../../documents/get-document.ts';
import { type DocumentFormat, readDocumentFile } from '../../documents/read-document-file.ts';
import type { RouteModule } from '../app-types.ts';
import { attachment } from '../content-disposition.ts';
import { requireRole } from '../require-role.ts';

const formats: readonly DocumentFormat[] = ['docx', 'pdf'];

export const registerDocumentsRoutes: RouteModule = (router, services) => {
  router.get('/documents/:id', requireRole('client'), async (ctx) => {
    ctx.body = await getDocument(services, ctx.params.id as string);
  });
  for (const format of formats) {
    router.get(`/documents/:id/${format}`, requireRole('client'), async (ctx) => {
      const file = await readDocumentFile(services, ctx.params.id as string, format);
      ctx.type = file.contentType;
      ctx.set('content-disposition', attachment(file.fileName));
      ctx.body = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
    });
  }
};
