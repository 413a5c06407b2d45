// Revokes an API token: at once in this process; other processes drop their cached lookup within
// a few seconds (see authenticate.ts).
import { notFound } from '../errors/app-error.ts';
import type { RuntimeServices } from '../services.ts';
import { forgetCachedTokens } from './authenticate.ts';

export async function revokeToken(services: Pick<RuntimeServices, 'database'>, tokenId: string): Promise<void> {
  const result = await services.database.db.deleteFrom('api_tokens').where('id', '=', tokenId).executeTakeFirst();
  if (result.numDeletedRows === 0n) throw notFound('API token', tokenId);
  forgetCachedTokens(services.database);
}
