// First start: with no admin token in the store nobody could manage the instance, so one is made
// (INKFLOW_ADMIN_TOKEN when set, else random) and handed back for the starter to print on the
// terminal (never into the structured log).
import type { RuntimeServices } from '../services.ts';
import { issueToken } from './issue-token.ts';

export async function ensureAdminToken(
  services: Pick<RuntimeServices, 'database' | 'now' | 'config' | 'logger'>,
): Promise<string | undefined> {
  if (await hasAdminToken(services)) return undefined;
  const chosen = services.config.adminToken;
  try {
    const request = { name: 'first admin', role: 'admin' as const };
    const issued = await issueToken(services, request, { by: 'first start', ...(chosen ? { secret: chosen } : {}) });
    return issued.token;
  } catch (error) {
    // Two processes starting at once on one PostgreSQL: the loser finds the winner's token.
    if (await hasAdminToken(services)) return undefined;
    throw error;
  }
}

async function hasAdminToken(services: Pick<RuntimeServices, 'database'>): Promise<boolean> {
  const row = await services.database.db
    .selectFrom('api_tokens')
    .select('id')
    .where('role', '=', 'admin')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
