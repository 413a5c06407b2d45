// The public integrity check as pages, for people: /verify (upload a PDF, see the verdict) and
// /verify/:envelopeId (what the certificate page's QR code opens: the envelope's summary, and a
// form to compare a file with it). Server-rendered, no script, our own stylesheet only, strict CSP;
// English or Brazilian Portuguese. Failures are pages too (a 404 page, a "too large" page), never
// the API's JSON or a stack trace. Registered in create-app.ts before the designer.
import Router from '@koa/router';
import type { Context, Middleware } from 'koa';
import { AppError } from '../errors/app-error.ts';
import type { RuntimeServices } from '../services.ts';
import { checkPdf } from '../verification/check-pdf.ts';
import { loadVerificationEnvelope } from '../verification/load-verification-envelope.ts';
import { readVerifyUpload } from '../verification/read-verify-upload.ts';
import { envelopeSummary, escapeHtml, page, uploadForm, verdict } from '../verification/verify-page-html.ts';
import { type PageLanguage, pageLanguage, verifyPageMessages } from '../verification/verify-page-messages.ts';
import { verifyPageCss } from '../verification/verify-page-style.ts';
import { takeVerifySlot } from '../verification/verify-rate-limit.ts';
import type { AppState } from './app-types.ts';
import { statusOfErrorKind } from './error-status.ts';

const contentSecurityPolicy =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

function languageOf(ctx: Context): PageLanguage {
  return pageLanguage(ctx.query.lang, ctx.get('accept-language') || undefined);
}

function send(ctx: Context, status: number, html: string): void {
  ctx.status = status;
  ctx.type = 'text/html; charset=utf-8';
  ctx.set('content-security-policy', contentSecurityPolicy);
  ctx.set('cache-control', 'no-store');
  ctx.set('referrer-policy', 'no-referrer');
  ctx.body = html;
}

/** Runs a page; an AppError becomes a page with its status and message (in English: the API's words). */
async function rendered(ctx: Context, render: (language: PageLanguage) => Promise<string>): Promise<void> {
  const language = languageOf(ctx);
  try {
    send(ctx, 200, await render(language));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const messages = verifyPageMessages[language];
    const body = `<p class="verdict unknown" role="alert">${escapeHtml(error.message)}</p><p><a href="/verify?lang=${language}">${messages.back}</a></p>`;
    send(ctx, statusOfErrorKind[error.kind], page(language, messages.errorTitle, body));
  }
}

function notFoundPage(ctx: Context): void {
  const language = languageOf(ctx);
  const messages = verifyPageMessages[language];
  const body = `<p>${messages.notFound}</p><p><a href="/verify?lang=${language}">${messages.back}</a></p>`;
  send(ctx, 404, page(language, messages.notFoundTitle, body));
}

function verifyPages(services: RuntimeServices): Router<AppState> {
  const router = new Router<AppState>();
  router.get('/verify.css', (ctx) => {
    ctx.type = 'text/css; charset=utf-8';
    ctx.set('cache-control', 'public, max-age=3600');
    ctx.body = verifyPageCss;
  });
  router.get('/verify', (ctx) =>
    rendered(ctx, async (language) => {
      const messages = verifyPageMessages[language];
      return page(language, messages.title, `<p>${messages.intro}</p>${uploadForm(messages, '/verify', language)}`);
    }),
  );
  router.post('/verify', (ctx) =>
    rendered(ctx, async (language) => {
      takeVerifySlot(services, ctx);
      const result = await checkPdf(services, await readVerifyUpload(ctx.req), false);
      const messages = verifyPageMessages[language];
      return page(language, messages.title, `${verdict(messages, result)}${uploadForm(messages, '/verify', language)}`);
    }),
  );
  router.get('/verify/:envelopeId', async (ctx) => {
    const envelope = await loadVerificationEnvelope(services, { envelopeId: ctx.params.envelopeId as string }, false);
    if (!envelope) return notFoundPage(ctx);
    await rendered(ctx, async (language) => {
      const messages = verifyPageMessages[language];
      const action = `/verify/${encodeURIComponent(envelope.envelopeId)}`;
      const form = `<h2>${messages.compare}</h2>${uploadForm(messages, action, language)}`;
      return page(language, envelope.title, `${envelopeSummary(messages, envelope)}${form}`);
    });
  });
  router.post('/verify/:envelopeId', async (ctx) => {
    const envelope = await loadVerificationEnvelope(services, { envelopeId: ctx.params.envelopeId as string }, false);
    if (!envelope) return notFoundPage(ctx);
    await rendered(ctx, async (language) => {
      takeVerifySlot(services, ctx);
      const result = await checkPdf(services, await readVerifyUpload(ctx.req), false);
      const messages = verifyPageMessages[language];
      const same = result.result === 'intact' && result.sha256 === envelope.finalSha256;
      const comparison = `<p class="verdict ${same ? 'intact' : 'modified'}" role="status">${same ? messages.matches : messages.differs}</p>`;
      const action = `/verify/${encodeURIComponent(envelope.envelopeId)}`;
      return page(
        language,
        envelope.title,
        `${comparison}${verdict(messages, { ...result, envelope })}${uploadForm(messages, action, language)}`,
      );
    });
  });
  return router;
}

/** The pages, and a 404 page of ours for any other /verify/… path (never the designer's). */
export function verifyPageMiddleware(services: RuntimeServices): Middleware<AppState> {
  const routes = verifyPages(services).routes() as unknown as Middleware<AppState>;
  return async (ctx, next) => {
    const ours = ctx.path === '/verify' || ctx.path.startsWith('/verify/');
    await routes(ctx, async () => {
      if (ours && (ctx.method === 'GET' || ctx.method === 'POST')) notFoundPage(ctx);
      else await next();
    });
  };
}
