// Which page a signer sees when they open their link, from the state of their row: the end of
// the journey, the terms, the code, or (only in the browser that confirmed the code) the document.
import type { RuntimeServices } from '../services.ts';
import { renderCodePage } from './code-page.ts';
import { renderDocumentPage } from './document-page.ts';
import type { Signing } from './load-signing.ts';
import { renderMessagePage } from './message-page.ts';
import { documentPageCount } from './page-images.ts';
import { requestedFields, stampRequired } from './requested-fields.ts';
import { reuseFieldValues } from './reuse-field-values.ts';
import { fill, formatTime, signingTexts } from './signing-texts.ts';
import { assertSession } from './submit-signature.ts';
import { renderTermsPage } from './terms-page.ts';

export function hasSession(signing: Signing, sessionSecret: string | undefined): boolean {
  try {
    assertSession(signing.signer, { sessionSecret });
    return true;
  } catch {
    return false;
  }
}

export function renderDonePage(signing: Signing): string {
  const { signer, envelope } = signing;
  const texts = signingTexts[signer.language];
  const at = formatTime(signer.signed_at ?? '', signer.language);
  return renderMessagePage(
    signer.language,
    texts.doneTitle,
    [fill(texts.signedAt, { at }), texts.doneText],
    envelope.sender_company,
  );
}

export async function renderSigningPage(
  services: RuntimeServices,
  signing: Signing,
  token: string,
  sessionSecret: string | undefined,
  error?: string,
): Promise<string> {
  const { signer } = signing;
  if (signer.status === 'signed') return renderDonePage(signing);
  if (!signer.consent_at) return renderTermsPage(signing, token, error);
  if (!hasSession(signing, sessionSecret)) return renderCodePage(signing, token, error);
  const fields = requestedFields(signing.document.marks, signer);
  const defaults = await reuseFieldValues(
    services.database.db,
    signing,
    fields.map((field) => field.name),
  );
  return renderDocumentPage({
    signing,
    token,
    pageCount: await documentPageCount(services, signing.document.id),
    fields,
    defaults,
    stampRequired: stampRequired(signing.document.marks, signer),
    ...(error ? { error } : {}),
  });
}
