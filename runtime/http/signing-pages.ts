// The signer's pages outside the API: /sign/:token (terms → code → document → done), its form
// POSTs and page images, and /sign-assets/* (our CSS and script, and signature_pad from
// node_modules: no CDN, no third-party request). Every answer is no-store, no-referrer, not
// framable, under a strict CSP; every POST must come from our own origin (CSRF); every refusal
// is a page in the signer's language saying what happened and whom to ask.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Router, { type RouterMiddleware } from '@koa/router';
import type { Context, Middleware } from 'koa';
import { AppError } from '../errors/app-error.ts';
import type { RuntimeServices } from '../services.ts';
import { acceptConsent } from '../signing/accept-consent.ts';
import { renderCodePage } from '../signing/code-page.ts';
import { confirmCode } from '../signing/confirm-code.ts';
import { declineSigning } from '../signing/decline-signing.ts';
import { renderDocumentPage } from '../signing/document-page.ts';
import { loadSigning, type Signing } from '../signing/load-signing.ts';
import { renderMessagePage, renderRefusalPage } from '../signing/message-page.ts';
import { sameHash, sessionHash } from '../signing/one-time-code.ts';
import { openSigning } from '../signing/open-signing.ts';
import { pageCount, pageImage } from '../signing/page-images.ts';
import { readMultipart, readUrlencoded } from '../signing/read-signing-body.ts';
import { requestedFields, stampRequired } from '../signing/requested-fields.ts';
import { reuseFieldValues } from '../signing/reuse-field-values.ts';
import { sendCode } from '../signing/send-code.ts';
import { dataUrlBytes, readSignatureImage } from '../signing/signature-image.ts';
import { SigningRefusal } from '../signing/signing-refusal.ts';
import { fill, formatTime, signingTexts } from '../signing/signing-texts.ts';
import { submitSignature } from '../signing/submit-signature.ts';
import { renderTermsPage } from '../signing/terms-page.ts';
import type { AppState } from './app-types.ts';
import { statusOfErrorKind } from './error-status.ts';

const csp =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; form-action 'self'; " +
  "connect-src 'self'; base-uri 'none'; frame-ancestors 'none'";
const sessionCookie = 'inkflow_signing';

const here = dirname(fileURLToPath(import.meta.url));
const signaturePadDir = join(dirname(createRequire(import.meta.url).resolve('signature_pad')), '.');
const assets: Record<string, { file: string; type: string }> = {
  'signing.css': { file: join(here, '../signing/assets/signing.css'), type: 'text/css; charset=utf-8' },
  'signer.js': { file: join(here, '../signing/assets/signer.js'), type: 'text/javascript; charset=utf-8' },
  'signature_pad.umd.min.js': {
    file: join(signaturePadDir, 'signature_pad.umd.min.js'),
    type: 'text/javascript; charset=utf-8',
  },
};

function securityHeaders(): Middleware<AppState> {
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

function page(ctx: Context, status: number, html: string): void {
  ctx.status = status;
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = html;
}

function readCookie(ctx: Context): string | undefined {
  for (const part of (ctx.get('cookie') || '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === sessionCookie) return value.join('=') || undefined;
  }
  return undefined;
}

function hasSession(signing: Signing, ctx: Context): boolean {
  const secret = readCookie(ctx);
  const { signer } = signing;
  return (
    signer.status === 'code_confirmed' &&
    signer.session_hash !== null &&
    secret !== undefined &&
    sameHash(sessionHash(secret), signer.session_hash)
  );
}

function client(ctx: Context) {
  return { sessionSecret: readCookie(ctx), ip: ctx.ip, userAgent: ctx.get('user-agent') };
}

/** CSRF: a POST must come from a page of this runtime (Origin, else Sec-Fetch-Site). */
function assertOwnOrigin(ctx: Context, services: RuntimeServices): void {
  const own = new URL(services.config.publicUrl).origin;
  const origin = ctx.get('origin');
  const fetchSite = ctx.get('sec-fetch-site');
  // Under Referrer-Policy: no-referrer, Chromium sends "Origin: null" on the page's own form posts;
  // Sec-Fetch-Site (which a page cannot forge) then says whether the form was ours.
  const ok = origin && origin !== 'null' ? origin === own : fetchSite === 'same-origin';
  if (!ok) throw new SigningRefusal('foreign_origin');
}

function refusalAnswer(ctx: Context, refusal: SigningRefusal, language: 'en' | 'pt-BR'): void {
  if (refusal.context.retryAfter) ctx.set('retry-after', String(Math.ceil(refusal.context.retryAfter)));
  page(ctx, statusOfErrorKind[refusal.kind], renderRefusalPage(refusal, language));
}

/** Runs a handler; any refusal becomes its page, in the signer's language when known. */
function handle(
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

async function showSigning(services: RuntimeServices, ctx: Context, token: string, signing: Signing): Promise<void> {
  const { signer } = signing;
  const texts = signingTexts[signer.language];
  if (signer.status === 'signed') {
    const paragraphs = [texts.doneText];
    if (signer.signed_at)
      paragraphs.unshift(fill(texts.signedAt, { at: formatTime(signer.signed_at, signer.language) }));
    page(ctx, 200, renderMessagePage(signer.language, texts.doneTitle, paragraphs, signing.envelope.sender_company));
    return;
  }
  if (!signer.consent_at) {
    page(ctx, 200, renderTermsPage(signing, token));
    return;
  }
  if (!hasSession(signing, ctx)) {
    page(ctx, 200, renderCodePage(signing, token));
    return;
  }
  const fields = requestedFields(signing.document.marks, signer);
  const defaults = await reuseFieldValues(
    services.database.db,
    signing,
    fields.map((field) => field.name),
  );
  const pages = await pageCount(services, signing.document.id);
  page(
    ctx,
    200,
    renderDocumentPage({
      signing,
      token,
      pages,
      fields,
      defaults,
      stampRequired: stampRequired(signing.document.marks, signer),
    }),
  );
}

function seeSigning(ctx: Context, token: string): void {
  ctx.status = 303;
  ctx.redirect(`/sign/${token}`);
}

export function signingPages(services: RuntimeServices): Middleware<AppState>[] {
  const router = new Router<AppState>();
  const now = () => services.now();

  router.get('/sign-assets/:name', async (ctx) => {
    const name = ctx.params.name ?? '';
    const asset = Object.hasOwn(assets, name) ? assets[name] : undefined;
    if (!asset) {
      ctx.status = 404;
      ctx.type = 'text/plain';
      ctx.body = 'not found';
      return;
    }
    ctx.type = asset.type;
    ctx.body = await readFile(asset.file);
  });

  router.get(
    '/sign/:token',
    handle(services, async (ctx, token) =>
      showSigning(services, ctx, token, await openSigning(services, token, now())),
    ),
  );

  router.post(
    '/sign/:token/consent',
    handle(services, async (ctx, token) => {
      const form = await readUrlencoded(ctx);
      const signing = await openSigning(services, token, now());
      if (form.get('consent') !== 'yes') {
        const texts = signingTexts[signing.signer.language];
        page(ctx, 400, renderTermsPage(signing, token, texts.consentLabel));
        return;
      }
      await acceptConsent(services, signing, now());
      const consented = await loadSigning(services.database.db, token);
      // The first code goes out with the consent; a code sent moments ago is not sent again.
      if (consented.signer.code_sends === 0) await sendCode(services, consented, now());
      seeSigning(ctx, token);
    }),
  );

  router.post(
    '/sign/:token/code',
    handle(services, async (ctx, token) => {
      await readUrlencoded(ctx).catch(() => null);
      await sendCode(services, await openSigning(services, token, now()), now());
      seeSigning(ctx, token);
    }),
  );

  router.post(
    '/sign/:token/confirm',
    handle(services, async (ctx, token) => {
      const form = await readUrlencoded(ctx);
      const signing = await openSigning(services, token, now());
      const result = await confirmCode(services, signing, form.get('code') ?? '', now());
      const texts = signingTexts[signing.signer.language];
      if (result.outcome === 'confirmed') {
        const secure = services.config.publicUrl.startsWith('https:') ? '; Secure' : '';
        ctx.append(
          'set-cookie',
          `${sessionCookie}=${result.sessionSecret}; Path=/sign/${token}; HttpOnly; SameSite=Strict${secure}`,
        );
        seeSigning(ctx, token);
        return;
      }
      if (result.outcome === 'locked') {
        throw new SigningRefusal('code_locked', {
          company: signing.envelope.sender_company,
          language: signing.signer.language,
        });
      }
      const error =
        result.outcome === 'wrong'
          ? fill(texts.codeWrong, { n: result.attemptsLeft })
          : result.outcome === 'expired'
            ? texts.codeExpired
            : texts.codeMalformed;
      page(ctx, 400, renderCodePage(await loadSigning(services.database.db, token), token, error));
    }),
  );

  router.get(
    '/sign/:token/pages/:file',
    handle(services, async (ctx, token) => {
      const match = /^(\d{1,3})\.png$/.exec(ctx.params.file ?? '');
      const signing = await loadSigning(services.database.db, token);
      if (!hasSession(signing, ctx))
        throw new SigningRefusal('session_required', { language: signing.signer.language });
      if (!match) throw new SigningRefusal('unknown_link');
      ctx.type = 'image/png';
      ctx.body = await pageImage(services, signing.document.id, Number(match[1]));
    }),
  );

  router.post(
    '/sign/:token/submit',
    handle(services, async (ctx, token) => {
      const signing = await openSigning(services, token, now());
      // A double click: the first submit signed, the second goes back to the done page, calmly.
      if (signing.signer.status === 'signed') return seeSigning(ctx, token);
      if (!hasSession(signing, ctx))
        throw new SigningRefusal('session_required', { language: signing.signer.language });
      const form = await readMultipart(ctx);
      const methodGiven = form.fields.get('method');
      const method = methodGiven === 'drawn' || methodGiven === 'uploaded' ? methodGiven : 'typed';
      const raw =
        method === 'uploaded' ? form.files.get('signatureFile') : dataUrlBytes(form.fields.get('signatureData') ?? '');
      const signaturePng = readSignatureImage(raw ?? new Uint8Array(), 'signature');
      const stampBytes = form.files.get('stamp');
      const stampPng = stampBytes ? readSignatureImage(stampBytes, 'stamp') : null;
      const fields: Record<string, string> = {};
      for (const [name, value] of form.fields) if (name.startsWith('field.')) fields[name.slice(6)] = value;
      try {
        await submitSignature(services, signing, { fields, method, signaturePng, stampPng }, client(ctx), now());
      } catch (error) {
        // Two submits at once: the one that waited for the other's transaction finds the signer signed.
        if (!(error instanceof SigningRefusal && error.reason === 'already_signed')) throw error;
      }
      seeSigning(ctx, token);
    }),
  );

  router.post(
    '/sign/:token/decline',
    handle(services, async (ctx, token) => {
      const form = await readUrlencoded(ctx);
      const signing = await openSigning(services, token, now());
      await declineSigning(services, signing, form.get('reason') ?? '', client(ctx), now());
      const texts = signingTexts[signing.signer.language];
      page(
        ctx,
        200,
        renderMessagePage(
          signing.signer.language,
          texts.refusals.already_declined.title,
          [fill(texts.declinedText, { company: signing.envelope.sender_company })],
          signing.envelope.sender_company,
        ),
      );
    }),
  );

  // No router.allowedMethods(): it would answer every path of the app (TRACE as a plain 501);
  // methods a path lacks are answered by method-guard.ts for the API and as 404 here.
  return [securityHeaders(), router.routes() as Middleware<AppState>];
}

/** The request log's path: a /sign path never shows its token. */
export function loggedPath(path: string): string {
  return path.startsWith('/sign/') ? path.replace(/^\/sign\/[^/]+/, '/sign/<redacted>') : path;
}
