// Route guard: 401 without a known bearer token, 403 when the token's role is not allowed.
// Admin may do everything.
import type { Middleware } from 'koa';
import type { Role } from '../../schemas/index.ts';
import { AppError } from '../errors/app-error.ts';
import type { AppState } from './app-types.ts';

export function requireRole(...roles: Role[]): Middleware<AppState> {
  return async (ctx, next) => {
    const principal = ctx.state.principal;
    if (!principal) {
      throw new AppError('unauthorized', 'TOKEN_REQUIRED', 'Send a valid API token as "Authorization: Bearer <token>"');
    }
    if (principal.role !== 'admin' && !roles.includes(principal.role)) {
      throw new AppError(
        'forbidden',
        'ROLE_FORBIDDEN',
        `This needs the role ${[...roles, 'admin'].join(' or ')}; your token "${principal.name}" has the role ${principal.role}`,
      );
    }
    await next();
  };
}
