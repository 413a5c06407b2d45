// The envelopes API (admin and client: envelopes carry the signers' personal data).
import {
  type CancelEnvelopeRequest,
  checkAgainst,
  type EnvelopeStatus,
  type SignerContactChange,
} from '../../../schemas/index.ts';
import { actorOf } from '../../envelopes/actor-of.ts';
import { cancelEnvelope } from '../../envelopes/cancel-envelope.ts';
import { changeSignerContact } from '../../envelopes/change-signer-contact.ts';
import { envelopeStatuses } from '../../envelopes/envelope-statuses.ts';
import { getEnvelope } from '../../envelopes/get-envelope.ts';
import { envelopeListMaxLimit, listEnvelopes } from '../../envelopes/list-envelopes.ts';
import { readFinalPdf } from '../../envelopes/read-final-pdf.ts';
import { resendSignerLink } from '../../envelopes/resend-signer-link.ts';
import { sendEnvelope } from '../../envelopes/send-envelope.ts';
import { validationError } from '../../errors/app-error.ts';
import type { RouteModule } from '../app-types.ts';
import { attachment } from '../content-disposition.ts';
import { queryNumber } from '../query-number.ts';
import { readJsonBody } from '../read-json-body.ts';
import { requireRole } from '../require-role.ts';

function text(value: string | string[] | undefined, name: string, max: number): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (first === undefined || first === '') return undefined;
  if (first.length > max) throw validationError('QUERY_INVALID', `${name} may be at most ${max} characters`);
  return first;
}

function status(value: string | string[] | undefined): EnvelopeStatus | undefined {
  const given = text(value, 'status', 40);
  if (given === undefined) return undefined;
  const known = envelopeStatuses.find((candidate) => candidate === given);
  if (!known)
    throw validationError('QUERY_INVALID', `status must be one of ${envelopeStatuses.join(', ')}, not "${given}"`);
  return known;
}

const checkCancel = (value: unknown) =>
  checkAgainst<CancelEnvelopeRequest>('envelope.schema.json#/definitions/cancelEnvelopeRequest', value);
const checkContact = (value: unknown) =>
  checkAgainst<SignerContactChange>('envelope.schema.json#/definitions/signerContactChange', value);

export const registerEnvelopesRoutes: RouteModule = (router, services) => {
  router.get('/envelopes', requireRole('client'), async (ctx) => {
    const dealId = text(ctx.query.dealId, 'dealId', 200);
    const documentId = text(ctx.query.documentId, 'documentId', 200);
    const cursor = text(ctx.query.cursor, 'cursor', 600);
    const chosen = status(ctx.query.status);
    ctx.body = await listEnvelopes(services, {
      ...(dealId !== undefined ? { dealId } : {}),
      ...(documentId !== undefined ? { documentId } : {}),
      ...(cursor !== undefined ? { cursor } : {}),
      ...(chosen !== undefined ? { status: chosen } : {}),
      limit: queryNumber(ctx.query.limit, 'limit', { min: 1, max: envelopeListMaxLimit, fallback: 50 }),
    });
  });
  router.get('/envelopes/:id', requireRole('client'), async (ctx) => {
    ctx.body = await getEnvelope(services, ctx.params.id as string);
  });
  router.post('/envelopes/:id/send', requireRole('client'), async (ctx) => {
    ctx.body = await sendEnvelope(services, ctx.params.id as string, actorOf(ctx.state.principal));
  });
  router.post('/envelopes/:id/cancel', requireRole('client'), async (ctx) => {
    const request = ctx.request.length ? await readJsonBody(ctx, checkCancel) : {};
    ctx.body = await cancelEnvelope(services, ctx.params.id as string, request, actorOf(ctx.state.principal));
  });
  router.post('/envelopes/:id/signers/:signerId/resend', requireRole('client'), async (ctx) => {
    const { id, signerId } = ctx.params as { id: string; signerId: string };
    ctx.body = await resendSignerLink(services, id, signerId, actorOf(ctx.state.principal));
  });
  router.put('/envelopes/:id/signers/:signerId/contact', requireRole('client'), async (ctx) => {
    const { id, signerId } = ctx.params as { id: string; signerId: string };
    const change = await readJsonBody(ctx, checkContact);
    ctx.body = await changeSignerContact(services, id, signerId, change, actorOf(ctx.state.principal));
  });
  router.get('/envelopes/:id/final.pdf', requireRole('client'), async (ctx) => {
    const file = await readFinalPdf(services, ctx.params.id as string, actorOf(ctx.state.principal));
    ctx.type = 'application/pdf';
    ctx.set('content-disposition', attachment(file.fileName));
    ctx.body = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
  });
};
