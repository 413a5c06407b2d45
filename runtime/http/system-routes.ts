// Routes outside the API areas, open without a token: /healthz for load balancers and operators,
// and the OpenAPI document.
import { sql } from 'kysely';
import type { DependencyHealth, Health } from '../../schemas/index.ts';
import type { RuntimeServices } from '../services.ts';
import type { AppRouter } from './app-types.ts';
import { buildOpenApi } from './openapi/build-openapi.ts';

const checkTimeoutMs = 5_000;

async function probe(check: () => Promise<DependencyHealth>): Promise<DependencyHealth> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<DependencyHealth>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, detail: `no answer within ${checkTimeoutMs} ms` }), checkTimeoutMs);
  });
  try {
    return await Promise.race([check(), timeout]);
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

export async function checkHealth(services: RuntimeServices): Promise<Health> {
  const [database, libreoffice] = await Promise.all([
    probe(async () => {
      await sql`select 1`.execute(services.database.db);
      return { ok: true, detail: services.database.dialect };
    }),
    probe(() => services.pdf.health()),
  ]);
  return { status: database.ok && libreoffice.ok ? 'ok' : 'degraded', database, libreoffice };
}

export function registerSystemRoutes(router: AppRouter, services: RuntimeServices): void {
  router.get('/healthz', async (ctx) => {
    const health = await checkHealth(services);
    ctx.status = health.status === 'ok' ? 200 : 503;
    ctx.body = health;
  });
  let openApi: Record<string, unknown> | undefined;
  router.get('/api/v1/openapi.json', async (ctx) => {
    openApi ??= buildOpenApi();
    ctx.body = openApi;
  });
}
