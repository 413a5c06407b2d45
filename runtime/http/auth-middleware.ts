// Reads "Authorization: Bearer <token>" and sets ctx.state.principal. A token that is present
// but unknown is refused here (401) so that a typo is not mistaken for anonymous access.
// /healthz needs no token and reads none: a load balancer's stale header must not make it 401.
// /metrics reads its own: INKFLOW_METRICS_TOKEN is no API token (runtime/metrics/authorize-scrape.ts).
import type { Middleware } from 'koa';
import type { Principal } from '../access/principal.ts';
import { AppError } from '../errors/app-error.ts';
import type { AppState } from './app-types.ts';

export function authMiddleware(authenticate: (secret: string) => Promise<Principal | undefined>): Middleware<AppState> {
  return async (ctx, next) => {
    if (ctx.path === '/healthz' || ctx.path === '/metrics') return next();
    const header = ctx.get('authorization');
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match?.[1]) throw new AppError('unauthorized', 'TOKEN_MALFORMED', 'Use "Authorization: Bearer <token>"');
      const principal = await authenticate(match[1]);
      if (!principal) throw new AppError('unauthorized', 'TOKEN_UNKNOWN', 'This API token is unknown or was revoked');
      ctx.state.principal = principal;
    }
    await next();
  };
}
