// Headers every answer carries: nosniff, so a browser never runs a served file as something else;
// and no-store on the API, whose answers hold token secrets, documents, PDFs and deal data that no
// shared or browser cache may keep. Set before the handler runs, so error answers carry them too.
import type { Middleware } from 'koa';
import type { AppState } from './app-types.ts';

const cacheablePaths = new Set(['/api/v1/openapi.json']);

export function responseHeaders(): Middleware<AppState> {
  return async (ctx, next) => {
    ctx.set('x-content-type-options', 'nosniff');
    if (ctx.path.startsWith('/api/') && !cacheablePaths.has(ctx.path)) ctx.set('cache-control', 'no-store');
    await next();
  };
}
