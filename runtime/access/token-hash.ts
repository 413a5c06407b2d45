// API tokens are 256-bit random secrets, so a plain SHA-256 is a sufficient one-way hash
// (no salt or slow hash needed: there is nothing to brute-force).
import { createHash, randomBytes } from 'node:crypto';

export const tokenPrefix = 'ink_';

export function newTokenSecret(): string {
  return `${tokenPrefix}${randomBytes(32).toString('base64url')}`;
}

export function hashToken(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
