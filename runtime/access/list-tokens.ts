// Every API token, without secrets (only hashes are stored; the secret was shown once).
import type { Role, TokenInfo } from '../../schemas/index.ts';
import type { RuntimeServices } from '../services.ts';

export async function listTokens(services: Pick<RuntimeServices, 'database'>): Promise<TokenInfo[]> {
  const rows = await services.database.db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'role', 'created_at'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.name, role: row.role as Role, createdAt: row.created_at }));
}
