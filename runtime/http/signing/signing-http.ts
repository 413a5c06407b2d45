// What every signer page shares: the strict headers, HTML answers, the link's session cookie, the
// same-origin check on POSTs (CSRF), and the one place a refusal becomes a page in the signer's language.
import type { RouterMiddleware } from '@koa/router';
import type { Context, Middleware } from 'koa';
import { AppError } from '../../errors/app-error.ts';
import type { RuntimeServices } from '../../services.ts';
import { loadSigning, type Signing } from '../../signing/load-signing.ts';
import { renderMessagePage, renderRefusalPage } from '../../signing/message-page.ts';
import { sameHash, sessionHash } from '../../signing/one-time-code.ts';
import { SigningRefusal } from '../../signing/signing-refusal.ts';
import { signingTexts } from '../../signing/signing-texts.ts';
import type { AppState } from '../app-types.ts';
import { statusOfErrorKind } from '../error-status.ts';

export const csp =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; form-action 'self'; " +
  "connect-src 'self'; base-uri 'none'; frame-ancestors 'none'";
export const sessionCookie = 'inkflow_signing';

export function securityHeaders(): Middleware<AppState> {
  return async (ctx, next) => {
    if (ctx.path.startsWith('/sign/') || ctx.path.startsWith('/sign-assets/') || ctx.path === '/sign') {
      ctx.set('cache-control', 'no-store');
      ctx.set('referrer-policy', 'no-referrer');
      ctx.set('x-frame-options', 'DENY');
      ctx.set('content-security-policy', csp);
      ctx.set('x-content-type-options', 'nosniff');
    }
    await next();
    // A /sign path no route knows is a broken link to its reader: the page says so (and the
    // generic 404's message, which would repeat the path with its token, is never built).
    if (ctx.path.startsWith('/sign/') && ctx.status === 404 && ctx.body == null) {
      page(ctx, 404, renderRefusalPage(new SigningRefusal('unknown_link')));
    }
  };
}

export function page(ctx: Context, status: number, html: string): void {
  ctx.status = status;
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = html;
}

export function readCookie(ctx: Context): string | undefined {
  for (const part of (ctx.get('cookie') || '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === sessionCookie) return value.join('=') || undefined;
  }
  return undefined;
}

export function hasSession(signing: Signing, ctx: Context): boolean {
  const secret = readCookie(ctx);
  const { signer } = signing;
  return (
    signer.status === 'code_confirmed' &&
    signer.session_hash !== null &&
    secret !== undefined &&
    sameHash(sessionHash(secret), signer.session_hash)
  );
}

export function client(ctx: Context) {
  return { sessionSecret: readCookie(ctx), ip: ctx.ip, userAgent: ctx.get('user-agent') };
}

/** CSRF: a POST must come from a page of this runtime (Origin, else Sec-Fetch-Site). */
export function assertOwnOrigin(ctx: Context, services: RuntimeServices): void {
  const own = new URL(services.config.publicUrl).origin;
  const origin = ctx.get('origin');
  const fetchSite = ctx.get('sec-fetch-site');
  // Under Referrer-Policy: no-referrer, Chromium sends "Origin: null" on the page's own form posts;
  // Sec-Fetch-Site (which a page cannot forge) then says whether the form was ours.
  const ok = origin && origin !== 'null' ? origin === own : fetchSite === 'same-origin';
  if (!ok) throw new SigningRefusal('foreign_origin');
}

export function refusalAnswer(ctx: Context, refusal: SigningRefusal, language: 'en' | 'pt-BR'): void {
  if (refusal.context.retryAfter) ctx.set('retry-after', String(Math.ceil(refusal.context.retryAfter)));
  page(ctx, statusOfErrorKind[refusal.kind], renderRefusalPage(refusal, language));
}

/** Runs a handler; any refusal becomes its page, in the signer's language when known. */
export function handle(
  services: RuntimeServices,
  work: (ctx: Context, token: string) => Promise<void>,
): RouterMiddleware<AppState> {
  return async (ctx) => {
    const token = String(ctx.params.token ?? '');
    let language: 'en' | 'pt-BR' = 'en';
    try {
      if (ctx.method === 'POST') assertOwnOrigin(ctx, services);
      await work(ctx, token);
    } catch (error) {
      if (error instanceof SigningRefusal) {
        if (!error.context.language) {
          const signing = await loadSigning(services.database.db, token).catch(() => null);
          if (signing) language = signing.signer.language;
        }
        refusalAnswer(ctx, error, language);
        return;
      }
      if (error instanceof AppError && error.kind === 'not_found') {
        refusalAnswer(ctx, new SigningRefusal('unknown_link'), language);
        return;
      }
      // Logged without the path: the path holds the token.
      services.logger.error({ err: { message: (error as Error).message } }, 'signer page failed');
      const texts = signingTexts[language];
      page(ctx, 500, renderMessagePage(language, texts.refusals.bad_request.title, ['Please try again in a minute.']));
    }
  };
}

export function seeSigning(ctx: Context, token: string): void {
  ctx.status = 303;
  ctx.redirect(`/sign/${token}`);
}
