// The signer's pages outside the API: the router of /sign/:token (terms → code → document → done),
// its form POSTs and page images, and /sign-assets/*. What every page shares (strict headers,
// CSRF check, the session cookie, refusals as pages) is in http/signing/signing-http.ts; the page
// for the signer's current step in http/signing/show-signing.ts; the use cases in runtime/signing/.
import { readFile } from 'node:fs/promises';
import Router from '@koa/router';
import type { Middleware } from 'koa';
import type { RuntimeServices } from '../services.ts';
import { acceptConsent } from '../signing/accept-consent.ts';
import { renderCodePage } from '../signing/code-page.ts';
import { confirmCode } from '../signing/confirm-code.ts';
import { declineSigning } from '../signing/decline-signing.ts';
import { loadSigning } from '../signing/load-signing.ts';
import { renderMessagePage } from '../signing/message-page.ts';
import { openSigning } from '../signing/open-signing.ts';
import { pageImage } from '../signing/page-images.ts';
import { readMultipart, readUrlencoded } from '../signing/read-signing-body.ts';
import { sendCode } from '../signing/send-code.ts';
import { dataUrlBytes, readSignatureImage } from '../signing/signature-image.ts';
import { SigningRefusal } from '../signing/signing-refusal.ts';
import { fill, signingTexts } from '../signing/signing-texts.ts';
import { submitSignature } from '../signing/submit-signature.ts';
import { renderTermsPage } from '../signing/terms-page.ts';
import type { AppState } from './app-types.ts';
import { showSigning } from './signing/show-signing.ts';
import { assets } from './signing/signing-assets.ts';
import {
  client,
  handle,
  hasSession,
  page,
  securityHeaders,
  seeSigning,
  sessionCookie,
} from './signing/signing-http.ts';

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
      const signaturePng = await readSignatureImage(raw ?? new Uint8Array(), 'signature');
      const stampBytes = form.files.get('stamp');
      const stampPng = stampBytes ? await readSignatureImage(stampBytes, 'stamp') : null;
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
