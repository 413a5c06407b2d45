// /api/v1/templates: DOCX templates per document type (admin). Uploads are multipart/form-data.
import { deleteTemplate } from '../../templates/delete-template.ts';
import { getTemplate } from '../../templates/get-template.ts';
import { listTemplates } from '../../templates/list-templates.ts';
import { docxContentType, readTemplateContent } from '../../templates/read-template-content.ts';
import { readTemplateUpload } from '../../templates/read-template-upload.ts';
import { uploadTemplate } from '../../templates/upload-template.ts';
import type { RouteModule } from '../app-types.ts';
import { attachment } from '../content-disposition.ts';
import { requireRole } from '../require-role.ts';

export const registerTemplatesRoutes: RouteModule = (router, services) => {
  router.post('/templates', requireRole('admin'), async (ctx) => {
    const template = await uploadTemplate(services, await readTemplateUpload(ctx.req));
    ctx.status = 201;
    ctx.set('location', `/api/v1/templates/${encodeURIComponent(template.id)}`);
    ctx.body = template;
  });
  router.get('/templates', requireRole('admin'), async (ctx) => {
    ctx.body = await listTemplates(services);
  });
  router.get('/templates/:id', requireRole('admin'), async (ctx) => {
    ctx.body = await getTemplate(services, ctx.params.id as string);
  });
  router.get('/templates/:id/content', requireRole('admin'), async (ctx) => {
    const content = await readTemplateContent(services, ctx.params.id as string);
    ctx.type = docxContentType;
    ctx.set('content-disposition', attachment(content.fileName));
    ctx.body = Buffer.from(content.bytes.buffer, content.bytes.byteOffset, content.bytes.byteLength);
  });
  router.delete('/templates/:id', requireRole('admin'), async (ctx) => {
    await deleteTemplate(services, ctx.params.id as string);
    ctx.status = 204;
  });
};
