// /api/v1/verify: anyone may check a PDF against this instance's seal (rate-limited per client IP)
// and read an envelope's public summary (what the certificate page's QR code opens). An admin
// token adds the signers' contact details, IPs and user agents.
import { notFound } from '../../errors/app-error.ts';
import { checkPdf } from '../../verification/check-pdf.ts';
import { loadVerificationEnvelope } from '../../verification/load-verification-envelope.ts';
import { readVerifyUpload } from '../../verification/read-verify-upload.ts';
import { takeVerifySlot } from '../../verification/verify-rate-limit.ts';
import type { RouteModule } from '../app-types.ts';

export const registerVerifyRoutes: RouteModule = (router, services) => {
  router.post('/verify', async (ctx) => {
    takeVerifySlot(services, ctx);
    const bytes = await readVerifyUpload(ctx.req);
    ctx.body = await checkPdf(services, bytes, ctx.state.principal?.role === 'admin');
  });
  router.get('/verify/:envelopeId', async (ctx) => {
    const envelopeId = ctx.params.envelopeId as string;
    const admin = ctx.state.principal?.role === 'admin';
    const envelope = await loadVerificationEnvelope(services, { envelopeId }, admin);
    if (!envelope) throw notFound('Envelope', envelopeId);
    ctx.body = envelope;
  });
};
