// OpenAPI entries of the integrity check (public, rate-limited) and the seal's certificate.
import { type ApiPath, api, type JsonSchema, ref } from './api-path.ts';

const verifyUpload: JsonSchema = {
  type: 'object',
  required: ['file'],
  properties: {
    file: {
      type: 'string',
      contentMediaType: 'application/pdf',
      description: 'The PDF to check, at most 30 MB. The raw bytes as application/pdf are accepted too.',
    },
  },
};

export const verifyPaths: readonly ApiPath[] = [
  {
    method: 'post',
    path: `${api}/verify`,
    operationId: 'verifyPdf',
    summary:
      "Check a PDF against this instance's seal: intact, modified after sealing, or unknown; with the envelope's summary (an admin token adds contact details). 20 checks a minute per client IP",
    roles: 'public',
    request: { contentType: 'multipart/form-data', schema: verifyUpload },
    responses: { 200: { description: 'The verdict', schema: ref('VerificationResult') } },
    errors: [400, 413, 415, 429],
    errorCodes: {
      400: ['VERIFY_FILE_REQUIRED', 'MULTIPART_INVALID'],
      413: ['VERIFY_FILE_TOO_LARGE'],
      415: ['VERIFY_NOT_PDF'],
      429: ['VERIFY_RATE_LIMITED'],
    },
  },
  {
    method: 'get',
    path: `${api}/verify/:envelopeId`,
    operationId: 'getVerificationEnvelope',
    params: { envelopeId: { type: 'string', minLength: 1, maxLength: 200 } },
    summary:
      "An envelope's public summary (what the certificate page's QR code opens), with the SHA-256 of its sealed PDF",
    roles: 'public',
    responses: { 200: { description: 'The envelope', schema: ref('VerificationEnvelope') } },
    errors: [404],
  },
  {
    method: 'get',
    path: `${api}/settings/seal`,
    operationId: 'getSealCertificate',
    summary: 'The certificate final PDFs are sealed with (generated at first start, or INKFLOW_SEAL_P12)',
    roles: ['client'],
    responses: { 200: { description: 'The certificate', schema: ref('SealCertificate') } },
  },
];
