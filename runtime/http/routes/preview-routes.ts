// Previews as PDF, rendered and not stored or sent: the document a flow's sendDocument node would
// make for a deal event, and a template filled with a sample deal. Placeholder and signer warnings
// travel in the X-Inkflow-Warnings header (JSON, at most 20).
import type { Context } from 'koa';
import { checkAgainst, type DocumentPreviewRequest, type TemplatePreviewRequest } from '../../../schemas/index.ts';
import type { DocumentPreview } from '../../documents/preview-document.ts';
import { previewDocument } from '../../documents/preview-document.ts';
import { previewTemplate } from '../../templates/preview-template.ts';
import type { RouteModule } from '../app-types.ts';
import { readJsonBody } from '../read-json-body.ts';
import { requireRole } from '../require-role.ts';

const checkDocumentPreview = (value: unknown) =>
  checkAgainst<DocumentPreviewRequest>('api.schema.json#/definitions/documentPreviewRequest', value);
const checkTemplatePreview = (value: unknown) =>
  checkAgainst<TemplatePreviewRequest>('api.schema.json#/definitions/templatePreviewRequest', value);

const hasBody = (ctx: Context): boolean =>
  Number.parseInt(ctx.get('content-length') || '0', 10) > 0 || ctx.get('transfer-encoding') !== '';

function answerPdf(ctx: Context, preview: DocumentPreview): void {
  const warnings = preview.warnings.slice(0, 20).map(({ code, message, tag }) => ({ code, message, tag }));
  // Header values are Latin-1: escape the rest so a contact's name cannot break the header.
  ctx.set(
    'X-Inkflow-Warnings',
    JSON.stringify(warnings).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
  );
  ctx.set('Cache-Control', 'no-store');
  ctx.set('Content-Disposition', 'inline; filename="preview.pdf"');
  ctx.type = 'application/pdf';
  ctx.body = Buffer.from(preview.pdf);
}

export const registerPreviewRoutes: RouteModule = (router, services) => {
  router.post('/documents/preview', requireRole('admin'), async (ctx) => {
    const request = await readJsonBody(ctx, checkDocumentPreview);
    answerPdf(ctx, await previewDocument(services, request));
  });
  router.post('/templates/:id/preview', requireRole('admin'), async (ctx) => {
    const request = hasBody(ctx) ? await readJsonBody(ctx, checkTemplatePreview) : {};
    answerPdf(ctx, await previewTemplate(services, ctx.params.id as string, request.deal));
  });
};
