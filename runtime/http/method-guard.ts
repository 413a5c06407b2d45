// After the routers: a path that exists asked with a method it does not have answers 405 with the
// Allow header and the JSON error envelope (Koa's router gave TRACE a plain-text 501, logged as an
// error). OPTIONS answers 204 with Allow. Paths no router knows stay 404 (error-middleware.ts).
import type Router from '@koa/router';
import type { Middleware } from 'koa';
import { AppError } from '../errors/app-error.ts';
import type { AppState } from './app-types.ts';

function allowedMethods(routers: readonly Router<AppState>[], path: string): string[] {
  const methods = new Set<string>();
  for (const router of routers) {
    for (const layer of router.match(path, 'GET').path) {
      for (const method of layer.methods) methods.add(method);
    }
  }
  if (methods.size > 0) methods.add('OPTIONS');
  return [...methods].sort();
}

export function methodGuard(routers: readonly Router<AppState>[]): Middleware<AppState> {
  return async (ctx, next) => {
    await next();
    if (ctx.status !== 404 || ctx.body !== undefined) return;
    const allowed = allowedMethods(routers, ctx.path);
    if (allowed.length === 0) return;
    if (ctx.method === 'OPTIONS') {
      ctx.set('allow', allowed.join(', '));
      ctx.status = 204;
      return;
    }
    // The route exists for this method and left no body: the 404 handler speaks for it.
    if (allowed.includes(ctx.method)) return;
    ctx.set('allow', allowed.join(', '));
    throw new AppError(
      'method_not_allowed',
      'METHOD_NOT_ALLOWED',
      `${ctx.method} is not a method of ${ctx.path}; it answers ${allowed.filter((m) => m !== 'OPTIONS').join(', ')}`,
    );
  };
}
