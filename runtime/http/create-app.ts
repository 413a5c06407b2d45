// The Koa application: request id and access log, the single error handler, authentication,
// then /healthz, /api/v1/openapi.json and the API areas under /api/v1.
import { randomUUID } from 'node:crypto';
import Router from '@koa/router';
import Koa from 'koa';
import { createAuthenticator } from '../access/authenticate.ts';
import type { RuntimeServices } from '../services.ts';
import type { AppState } from './app-types.ts';
import { authMiddleware } from './auth-middleware.ts';
import { errorMiddleware } from './error-middleware.ts';
import { methodGuard } from './method-guard.ts';
import { responseHeaders } from './response-headers.ts';
import { routeModules } from './routes/index.ts';
import { serveDesigner } from './serve-designer.ts';
import { loggedPath, signingPages } from './signing-pages.ts';
import { registerSystemRoutes } from './system-routes.ts';
import { verifyPageMiddleware } from './verify-pages.ts';

export function createApp(services: RuntimeServices): Koa<AppState> {
  const app = new Koa<AppState>();
  app.proxy = true;
  const { logger } = services;

  app.use(async (ctx, next) => {
    const started = performance.now();
    ctx.state.requestId = ctx.get('x-request-id') || randomUUID();
    ctx.set('x-request-id', ctx.state.requestId);
    try {
      await next();
    } finally {
      const ms = Math.round((performance.now() - started) * 10) / 10;
      const level = ctx.status >= 500 ? 'error' : ctx.status >= 400 ? 'warn' : 'debug';
      logger[level](
        { requestId: ctx.state.requestId, method: ctx.method, path: loggedPath(ctx.path), status: ctx.status, ms },
        'request',
      );
    }
  });
  app.use(errorMiddleware(logger));
  app.use(responseHeaders());

  const system = new Router<AppState>();
  const api = new Router<AppState>({ prefix: '/api/v1' });
  app.use(methodGuard([system, api]));
  app.use(authMiddleware(createAuthenticator(services.database)));

  registerSystemRoutes(system, services);
  app.use(system.routes());

  for (const register of routeModules) register(api, services);
  app.use(api.routes());
  app.use(verifyPageMiddleware(services));
  for (const middleware of signingPages(services)) app.use(middleware);
  app.use(serveDesigner());
  return app;
}
