// A signer's link token: 256 random bits, base64url, given out once in the link and stored only
// as its SHA-256 so that a database reader cannot sign in anyone's name.
import { createHash, randomBytes } from 'node:crypto';

export interface IssuedToken {
  token: string;
  hash: string;
}

export function hashSignerToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function issueSignerToken(): IssuedToken {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashSignerToken(token) };
}

/** The shape of a token in a URL: 43 base64url characters. Anything else is refused unread. */
export const signerTokenPattern = /^[A-Za-z0-9_-]{43}$/;
