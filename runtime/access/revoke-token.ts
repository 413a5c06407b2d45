// Revokes an API token: at once in this process; other processes drop their cached lookup within
// a few seconds (see authenticate.ts). The last admin token cannot be revoked: nobody could manage
// the instance any more, and a restart does not make a new one (ensure-admin-token.ts sees tokens).
import { conflict, notFound } from '../errors/app-error.ts';
import type { RuntimeServices } from '../services.ts';
import { forgetCachedTokens } from './authenticate.ts';
import type { Principal } from './principal.ts';

export async function revokeToken(
  services: Pick<RuntimeServices, 'database' | 'logger' | 'now'>,
  tokenId: string,
  by?: Principal,
): Promise<void> {
  const { database } = services;
  const revoked = await database.db.transaction().execute(async (trx) => {
    const token = await trx
      .selectFrom('api_tokens')
      .select(['id', 'name', 'role'])
      .where('id', '=', tokenId)
      .executeTakeFirst();
    if (!token) throw notFound('API token', tokenId);
    if (token.role === 'admin') {
      // Locking every admin row makes two admins revoking each other at once wait for each other
      // on PostgreSQL; SQLite serialises writers already.
      const admins = trx.selectFrom('api_tokens').select('id').where('role', '=', 'admin');
      const rows = await (database.dialect === 'postgres' ? admins.forUpdate() : admins).execute();
      if (rows.length <= 1) {
        throw conflict(
          'LAST_ADMIN_TOKEN',
          'This is the last admin token: issue another admin token first (POST /api/v1/tokens), then revoke this one',
        );
      }
    }
    await trx.deleteFrom('api_tokens').where('id', '=', tokenId).execute();
    return token;
  });
  forgetCachedTokens(database);
  services.logger.info(
    {
      tokenId: revoked.id,
      tokenName: revoked.name,
      role: revoked.role,
      by: by ? { tokenId: by.tokenId, name: by.name } : undefined,
      at: services.now().toISOString(),
    },
    'API token revoked',
  );
}
