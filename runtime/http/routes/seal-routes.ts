// GET /api/v1/settings/seal: the certificate final PDFs are sealed with, so a CRM or an auditor can
// pin its fingerprint. Read-only: the key never leaves the instance, and it is set by INKFLOW_SEAL_P12.
import type { SealCertificate } from '../../../schemas/index.ts';
import { loadSealIdentity } from '../../sealing/seal-identity.ts';
import type { RouteModule } from '../app-types.ts';
import { requireRole } from '../require-role.ts';

export const registerSealRoutes: RouteModule = (router, services) => {
  router.get('/settings/seal', requireRole('client'), async (ctx) => {
    const seal = await loadSealIdentity(services);
    const body: SealCertificate = {
      certificatePem: seal.certificatePem,
      fingerprintSha256: seal.fingerprintSha256,
      subject: seal.subject,
      notBefore: seal.notBefore,
      notAfter: seal.notAfter,
      source: seal.source,
    };
    ctx.body = body;
  });
};
