// Routes outside the API areas, open without a token: /healthz for load balancers and operators,
// and the OpenAPI document (beside them /metrics, behind its own token: runtime/metrics/).
// /healthz says whether work can make progress, not only whether the
// parts answer: the database must also accept writes (no recent disk-full or lost-connection
// fault, SQLite's page budget not used up, the disk not full) and LibreOffice must not be frozen
// or stalled (runtime/pdf/warm-pool.ts). 503 when a part fails; the part says why.
import { statfs } from 'node:fs/promises';
import { dirname } from 'node:path';
import { sql } from 'kysely';
import type { DependencyHealth, Health } from '../../schemas/index.ts';
import { registerMetricsRoute } from '../metrics/metrics-route.ts';
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

async function diskIsFull(file: string): Promise<boolean> {
  try {
    const disk = await statfs(dirname(file));
    return disk.bavail === 0;
  } catch {
    return false; // not a place we can look at (e.g. :memory:)
  }
}

async function checkDatabase(services: RuntimeServices): Promise<DependencyHealth> {
  const { database } = services;
  await sql`select 1`.execute(database.db);
  // A lost connection is over once `select 1` answered; a full store is not, until a write succeeds.
  const fault = database.writeFaults.current();
  if (fault?.kind === 'full') {
    const ago = Math.round((Date.now() - fault.at) / 1000);
    const detail = `${database.dialect}: writes fail, the database is full (${fault.code}: ${fault.message}; ${ago} s ago)`;
    return { ok: false, detail };
  }
  if (database.sqliteFull?.()) {
    return { ok: false, detail: 'sqlite: the database file reached its size limit (max_page_count); writes fail' };
  }
  if (database.dialect === 'sqlite' && (await diskIsFull(services.config.sqliteFile))) {
    return { ok: false, detail: `sqlite: the disk holding ${services.config.sqliteFile} is full; writes fail` };
  }
  return { ok: true, detail: database.dialect };
}

export async function checkHealth(services: RuntimeServices): Promise<Health> {
  const [database, libreoffice] = await Promise.all([
    probe(() => checkDatabase(services)),
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
  registerMetricsRoute(router, services);
}
