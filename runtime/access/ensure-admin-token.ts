// First start: with no admin token in the store nobody could manage the instance, so one is made
// (INKFLOW_ADMIN_TOKEN when set, else random) and its secret handed back for the starter to print.
import type { RuntimeServices } from '../services.ts';
import { issueToken } from './issue-token.ts';

export async function ensureAdminToken(
  services: Pick<RuntimeServices, 'database' | 'now' | 'config'>,
): Promise<string | undefined> {
  if (await hasAdminToken(services)) return undefined;
  try {
    const issued = await issueToken(services, { name: 'first admin', role: 'admin' }, services.config.adminToken);
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
