// Step 1: the electronic-signing disclosure and the consent checkbox. The form works without
// JavaScript; the box must be ticked (required, and checked again by the server).
import type { Signing } from './load-signing.ts';
import { escapeHtml, renderLayout } from './page-layout.ts';
import { fill, signingTexts } from './signing-texts.ts';

export function renderTermsPage(signing: Signing, token: string, error?: string): string {
  const { envelope, signer } = signing;
  const texts = signingTexts[signer.language];
  const company = envelope.sender_company;
  const title = fill(texts.termsTitle, { title: envelope.title });
  const alert = error ? `<p class="alert" role="alert">${escapeHtml(error)}</p>` : '';
  const body = `<section class="card">
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(fill(texts.termsIntro, { company }))}</p>
<div class="consent-text">${texts.consentText.map((text) => `<p>${escapeHtml(fill(text, { company }))}</p>`).join('')}</div>
${alert}
<form method="post" action="/sign/${token}/consent">
<p class="check"><input type="checkbox" id="consent" name="consent" value="yes" required>
<label for="consent">${escapeHtml(texts.consentLabel)}</label></p>
<button type="submit" class="primary">${escapeHtml(texts.continue)}</button>
</form>
</section>`;
  return renderLayout({ language: signer.language, texts, title, company, step: 1, body });
}
