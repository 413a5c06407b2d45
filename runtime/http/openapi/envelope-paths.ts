// OpenAPI entries of the envelopes: a document on its way to be signed, its signers and trail.
// No answer carries a signer's link: a sender who could read it could sign in the client's name.
import { type ApiPath, api, binary, json, ref } from './api-path.ts';

export const envelopeIdParam = { type: 'string', pattern: '^env_[0-9a-f]{32}$' };
export const signerIdParam = { type: 'string', pattern: '^sgn_[0-9a-f]{32}_[0-9]{1,3}$' };
const params = { id: envelopeIdParam };
const signerParams = { id: envelopeIdParam, signerId: signerIdParam };

export const envelopePaths: readonly ApiPath[] = [
  {
    method: 'get',
    path: `${api}/envelopes`,
    operationId: 'listEnvelopes',
    summary: 'Envelopes newest first, per deal, status or document, a page of at most 200 (default 50)',
    roles: ['client'],
    query: [
      { name: 'dealId', description: 'The deal id', schema: { type: 'string', minLength: 1, maxLength: 200 } },
      { name: 'status', description: 'The envelope status', schema: ref('EnvelopeStatus') },
      { name: 'documentId', description: 'The document', schema: { type: 'string', minLength: 1, maxLength: 200 } },
      { name: 'limit', description: 'Page size, 1 to 200', schema: { type: 'integer', minimum: 1, maximum: 200 } },
      { name: 'cursor', description: 'nextCursor of the previous page', schema: { type: 'string', maxLength: 600 } },
    ],
    responses: { 200: { description: 'Envelopes', schema: ref('EnvelopeList') } },
    errors: [400],
  },
  {
    method: 'get',
    path: `${api}/envelopes/:id`,
    operationId: 'getEnvelope',
    params,
    summary: 'An envelope with its signers and its audit trail (intact: false when a stored entry was altered)',
    roles: ['client'],
    responses: { 200: { description: 'The envelope', schema: ref('EnvelopeDetail') } },
    errors: [404],
  },
  {
    method: 'post',
    path: `${api}/envelopes/:id/send`,
    operationId: 'sendEnvelope',
    params,
    summary: 'Send a draft envelope: the first turn of signers gets their links',
    roles: ['client'],
    responses: { 200: { description: 'Sent', schema: ref('Envelope') } },
    errors: [404, 409],
  },
  {
    method: 'post',
    path: `${api}/envelopes/:id/cancel`,
    operationId: 'cancelEnvelope',
    params,
    summary: 'Cancel an envelope that is not finished; every link stops working and the signers are told',
    roles: ['client'],
    request: { ...json('CancelEnvelopeRequest'), optional: true },
    responses: { 200: { description: 'Cancelled', schema: ref('Envelope') } },
    errors: [400, 404, 409, 413, 415],
  },
  {
    method: 'post',
    path: `${api}/envelopes/:id/signers/:signerId/resend`,
    operationId: 'resendSignerLink',
    params: signerParams,
    summary: 'Send a signer whose turn it is a new link; the old one stops working',
    roles: ['client'],
    responses: { 200: { description: 'A new link was queued', schema: ref('Envelope') } },
    errors: [404, 409],
  },
  {
    method: 'put',
    path: `${api}/envelopes/:id/signers/:signerId/contact`,
    operationId: 'changeSignerContact',
    params: signerParams,
    summary: 'Change the email or phone of a signer who has not signed; a signer who had a link gets a new one there',
    roles: ['client'],
    request: json('SignerContactChange'),
    responses: { 200: { description: 'Changed', schema: ref('Envelope') } },
    errors: [400, 404, 409, 413, 415],
  },
  {
    method: 'get',
    path: `${api}/envelopes/:id/final.pdf`,
    operationId: 'getEnvelopeFinalPdf',
    params,
    summary: 'The sealed final PDF of a completed envelope (each download is in the trail)',
    roles: ['client'],
    responses: { 200: binary('application/pdf', 'The sealed PDF') },
    errors: [404, 409],
  },
];
