// Step 2: "we sent a 6-digit code to d•••@acme.com", the code input (numeric keyboard, the
// phone's one-time-code autofill) and a resend button in a form of its own.
import type { Signing } from './load-signing.ts';
import { escapeHtml, renderLayout } from './page-layout.ts';
import { fill, signingTexts } from './signing-texts.ts';

export function renderCodePage(signing: Signing, token: string, error?: string): string {
  const { envelope, signer } = signing;
  const texts = signingTexts[signer.language];
  const sent = signer.code_hash !== null && signer.code_destination !== null;
  const intro = sent ? fill(texts.codeSentTo, { to: signer.code_destination ?? '' }) : texts.codeNotSent;
  const alert = error ? `<p class="alert" role="alert" id="code-error">${escapeHtml(error)}</p>` : '';
  const described = error ? 'code-hint code-error' : 'code-hint';
  const confirmForm = sent
    ? `<form method="post" action="/sign/${token}/confirm">
<label for="code">${escapeHtml(texts.codeLabel)}</label>
<input id="code" name="code" type="text" inputmode="numeric" pattern="[0-9 ]*" maxlength="7" autocomplete="one-time-code" required aria-describedby="${described}"${error ? ' aria-invalid="true" autofocus' : ''}>
<p class="hint" id="code-hint">${escapeHtml(texts.codeHint)}</p>
<button type="submit" class="primary">${escapeHtml(texts.confirm)}</button>
</form>`
    : '';
  const body = `<section class="card">
<h1>${escapeHtml(texts.codeTitle)}</h1>
<p>${escapeHtml(intro)}</p>
${alert}
${confirmForm}
<form method="post" action="/sign/${token}/code" class="secondary-form">
<button type="submit" class="${sent ? 'link-button' : 'primary'}">${escapeHtml(sent ? texts.resend : texts.sendCode)}</button>
</form>
</section>`;
  return renderLayout({
    language: signer.language,
    texts,
    title: texts.codeTitle,
    company: envelope.sender_company,
    step: 2,
    body,
  });
}
