// Resolves a bearer token to its principal. Tokens are immutable once issued, so lookups are
// cached briefly per process; a token revoked in this process is forgotten at once, one revoked
// by another process stops working here within cacheMs.
import type { Role } from '../../schemas/index.ts';
import type { Database } from '../storage/open-database.ts';
import type { Principal } from './principal.ts';
import { hashToken } from './token-hash.ts';

const cacheMs = 5_000;

interface CachedPrincipal {
  principal: Principal | undefined;
  until: number;
}

const caches = new WeakMap<Database, Map<string, CachedPrincipal>>();

function cacheOf(database: Database): Map<string, CachedPrincipal> {
  let cache = caches.get(database);
  if (!cache) {
    cache = new Map();
    caches.set(database, cache);
  }
  return cache;
}

/** Drops this process's cached lookups (after a token is revoked). */
export function forgetCachedTokens(database: Database): void {
  caches.get(database)?.clear();
}

export function createAuthenticator(database: Database): (secret: string) => Promise<Principal | undefined> {
  return async (secret) => {
    const cache = cacheOf(database);
    const hash = hashToken(secret);
    const cached = cache.get(hash);
    if (cached && cached.until > Date.now()) return cached.principal;
    const row = await database.db
      .selectFrom('api_tokens')
      .select(['id', 'name', 'role'])
      .where('token_hash', '=', hash)
      .executeTakeFirst();
    const principal = row ? { tokenId: row.id, name: row.name, role: row.role as Role } : undefined;
    if (cache.size > 10_000) cache.clear();
    cache.set(hash, { principal, until: Date.now() + cacheMs });
    return principal;
  };
}
