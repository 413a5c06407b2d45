// GET /api/v1/deals/:dealId/documents and POST (a document made by hand: "use this template anyway").
import { checkAgainst, type ManualDocumentRequest } from '../../../schemas/index.ts';
import { listDealDocuments } from '../../documents/get-document.ts';
import { makeManualDocument } from '../../documents/make-manual-document.ts';
import { validationError } from '../../errors/app-error.ts';
import type { RouteModule } from '../app-types.ts';
import { readJsonBody } from '../read-json-body.ts';
import { requireRole } from '../require-role.ts';

const checkManualDocumentRequest = (value: unknown) =>
  checkAgainst<ManualDocumentRequest>('api.schema.json#/definitions/manualDocumentRequest', value);

function idempotencyKey(header: string): string | undefined {
  if (header === '') return undefined;
  if (header.length > 200)
    throw validationError('IDEMPOTENCY_KEY_INVALID', 'Idempotency-Key may be at most 200 characters');
  return header;
}

export const registerDealsRoutes: RouteModule = (router, services) => {
  router.get('/deals/:dealId/documents', requireRole('client'), async (ctx) => {
    ctx.body = await listDealDocuments(services, ctx.params.dealId as string);
  });
  router.post('/deals/:dealId/documents', requireRole('client'), async (ctx) => {
    const request = await readJsonBody(ctx, checkManualDocumentRequest);
    const made = await makeManualDocument(services, {
      dealId: ctx.params.dealId as string,
      request,
      idempotencyKey: idempotencyKey(ctx.get('idempotency-key')),
    });
    ctx.status = made.created ? 201 : 200;
    ctx.set('location', `/api/v1/documents/${made.document.id}`);
    ctx.body = made.document;
  });
};
