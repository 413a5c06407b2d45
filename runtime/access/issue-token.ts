// Issues an API token: a random secret returned once; only its hash is stored. Every issue is
// logged (who, when, role, id), never the secret.
import { randomUUID } from 'node:crypto';
import type { Role, TokenInfo } from '../../schemas/index.ts';
import type { RuntimeServices } from '../services.ts';
import type { Principal } from './principal.ts';
import { hashToken, newTokenSecret } from './token-hash.ts';

export interface IssuedToken extends TokenInfo {
  token: string;
}

export async function issueToken(
  services: Pick<RuntimeServices, 'database' | 'now' | 'logger'>,
  request: { name: string; role: Role },
  options: { secret?: string; by?: Principal | 'first start' } = {},
): Promise<IssuedToken> {
  const secret = options.secret ?? newTokenSecret();
  const row = {
    id: randomUUID(),
    name: request.name,
    role: request.role,
    token_hash: hashToken(secret),
    created_at: services.now().toISOString(),
  };
  await services.database.db.insertInto('api_tokens').values(row).execute();
  const by = options.by;
  services.logger.info(
    {
      tokenId: row.id,
      tokenName: row.name,
      role: row.role,
      by: typeof by === 'object' ? { tokenId: by.tokenId, name: by.name } : by,
      at: row.created_at,
    },
    'API token issued',
  );
  return { id: row.id, name: row.name, role: row.role, createdAt: row.created_at, token: secret };
}
