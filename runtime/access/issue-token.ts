// Issues an API token: a random secret returned once; only its hash is stored.
import { randomUUID } from 'node:crypto';
import type { Role, TokenInfo } from '../../schemas/index.ts';
import type { RuntimeServices } from '../services.ts';
import { hashToken, newTokenSecret } from './token-hash.ts';

export interface IssuedToken extends TokenInfo {
  token: string;
}

export async function issueToken(
  services: Pick<RuntimeServices, 'database' | 'now'>,
  request: { name: string; role: Role },
  secret: string = newTokenSecret(),
): Promise<IssuedToken> {
  const row = {
    id: randomUUID(),
    name: request.name,
    role: request.role,
    token_hash: hashToken(secret),
    created_at: services.now().toISOString(),
  };
  await services.database.db.insertInto('api_tokens').values(row).execute();
  return { id: row.id, name: row.name, role: row.role, createdAt: row.created_at, token: secret };
}
