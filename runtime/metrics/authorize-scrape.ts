// Who may read /metrics on the API port: the scrape token (INKFLOW_METRICS_TOKEN, for a Prometheus
// that should hold no API token) or an admin API token. The scrape token is compared in constant
// time over SHA-256 digests, so neither its bytes nor its length leak through timing.
import { createHash, timingSafeEqual } from 'node:crypto';
import { createAuthenticator } from '../access/authenticate.ts';
import { AppError } from '../errors/app-error.ts';
import type { RuntimeServices } from '../services.ts';

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

function isScrapeToken(services: Pick<RuntimeServices, 'config'>, secret: string): boolean {
  const token = services.config.metrics.token;
  return token !== undefined && timingSafeEqual(digest(secret), digest(token));
}

/** Resolves when the Authorization header may scrape; throws 401 (no or unknown token) or 403. */
export async function authorizeScrape(
  services: Pick<RuntimeServices, 'config' | 'database'>,
  authorization: string,
): Promise<void> {
  if (!authorization) {
    throw new AppError(
      'unauthorized',
      'TOKEN_REQUIRED',
      'Send "Authorization: Bearer <token>" with INKFLOW_METRICS_TOKEN or an admin API token',
    );
  }
  const secret = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
  if (!secret) throw new AppError('unauthorized', 'TOKEN_MALFORMED', 'Use "Authorization: Bearer <token>"');
  if (isScrapeToken(services, secret)) return;
  const principal = await createAuthenticator(services.database)(secret);
  if (!principal) {
    throw new AppError(
      'unauthorized',
      'TOKEN_UNKNOWN',
      'This token is neither INKFLOW_METRICS_TOKEN nor a known API token (it may have been revoked)',
    );
  }
  if (principal.role !== 'admin') {
    throw new AppError(
      'forbidden',
      'ROLE_FORBIDDEN',
      `Metrics need INKFLOW_METRICS_TOKEN or the role admin; your token "${principal.name}" has the role ${principal.role}`,
    );
  }
}
