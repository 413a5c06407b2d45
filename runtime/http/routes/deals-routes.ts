// GET /api/v1/deals/:dealId/documents and POST (a document made by hand: "use this template anyway").
import { checkAgainst, type ManualDocumentRequest } from '../../../schemas/index.ts';
import { listDealDocuments } from '../../documents/get-document.ts';
import { makeManualDocument } from '../../documents/make-manual-document.ts';
import { validationError } from '../../errors/app-error.ts';
import type { RouteModule } from '../app-types.ts';
import { textProblem } from '../find-unsafe-json.ts';
import { readJsonBody } from '../read-json-body.ts';
import { requireRole } from '../require-role.ts';
import { documentLocation } from '../resource-location.ts';

const checkManualDocumentRequest = (value: unknown) =>
  checkAgainst<ManualDocumentRequest>('api.schema.json#/definitions/manualDocumentRequest', value);

function idempotencyKey(header: string): string | undefined {
  if (header === '') return undefined;
  if (header.length > 200)
    throw validationError('IDEMPOTENCY_KEY_INVALID', 'Idempotency-Key may be at most 200 characters');
  const problem = textProblem(header);
  if (problem) throw validationError('IDEMPOTENCY_KEY_INVALID', `Idempotency-Key ${problem}`);
  return header;
}

function dealIdOf(param: string | undefined): string {
  const dealId = param ?? '';
  const problem = textProblem(dealId) ?? (dealId.length > 200 ? 'is longer than 200 characters' : undefined);
  if (problem)
    throw validationError('DEAL_ID_INVALID', `The deal id ${problem}`, [{ pointer: '/dealId', message: problem }]);
  return dealId;
}

export const registerDealsRoutes: RouteModule = (router, services) => {
  router.get('/deals/:dealId/documents', requireRole('client'), async (ctx) => {
    ctx.body = await listDealDocuments(services, dealIdOf(ctx.params.dealId));
  });
  router.post('/deals/:dealId/documents', requireRole('client'), async (ctx) => {
    const request = await readJsonBody(ctx, checkManualDocumentRequest);
    const made = await makeManualDocument(services, {
      dealId: dealIdOf(ctx.params.dealId),
      request,
      idempotencyKey: idempotencyKey(ctx.get('idempotency-key')),
    });
    ctx.status = made.created ? 201 : 200;
    ctx.set('location', documentLocation(made.document.id));
    ctx.body = made.document;
  });
};
