// The one-time code's rules in one place: 6 digits, valid 5 minutes, hashed with the envelope
// and signer so a hash copied to another row confirms nothing, and compared in constant time.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

export const codeLimits = { validMs: 5 * 60_000, maxSends: 5, minGapMs: 30_000, maxAttempts: 5 } as const;

export function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

export function hashCode(envelopeId: string, signerId: string, code: string): string {
  return createHash('sha256').update(`${envelopeId}:${signerId}:${code}`).digest('hex');
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

/** The page's session after a confirmed code: the cookie holds the secret, the row its hash. */
export function newSession(): { secret: string; hash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { secret, hash: createHash('sha256').update(secret).digest('hex') };
}

export function sessionHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
