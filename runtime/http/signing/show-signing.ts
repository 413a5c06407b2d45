// GET /sign/:token: the page of the step the signer is at (terms, code, document and fields, done).
import type { Context } from 'koa';
import type { RuntimeServices } from '../../services.ts';
import { renderCodePage } from '../../signing/code-page.ts';
import { renderDocumentPage } from '../../signing/document-page.ts';
import type { Signing } from '../../signing/load-signing.ts';
import { renderMessagePage } from '../../signing/message-page.ts';
import { pageCount } from '../../signing/page-images.ts';
import { requestedFields, stampRequired } from '../../signing/requested-fields.ts';
import { reuseFieldValues } from '../../signing/reuse-field-values.ts';
import { fill, formatTime, signingTexts } from '../../signing/signing-texts.ts';
import { renderTermsPage } from '../../signing/terms-page.ts';
import { hasSession, page } from './signing-http.ts';

export async function showSigning(
  services: RuntimeServices,
  ctx: Context,
  token: string,
  signing: Signing,
): Promise<void> {
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
