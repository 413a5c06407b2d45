// The signer page's session cookie, set when the code is confirmed and scoped to this link's
// path: HttpOnly, SameSite=Strict, Secure when the public address is https. Written by hand
// because Koa refuses a Secure cookie on the plain HTTP hop behind a TLS proxy.
const cookieName = 'inkflow_signing';
const maxAgeSeconds = 2 * 60 * 60;

export function sessionCookieHeader(token: string, secret: string, publicUrl: string): string {
  const secure = publicUrl.startsWith('https:') ? '; Secure' : '';
  return `${cookieName}=${secret}; Path=/sign/${token}; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Strict${secure}`;
}

export function readSessionCookie(cookieHeader: string | undefined): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, value] = part.trim().split('=', 2);
    if (name === cookieName && value && /^[A-Za-z0-9_-]{43}$/.test(value)) return value;
  }
  return undefined;
}
