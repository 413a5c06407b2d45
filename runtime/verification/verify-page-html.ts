// The /verify pages as HTML strings: no script, one stylesheet of our own (/verify.css), every
// value escaped. The pages are the public face of the integrity check, so they show only what the
// public API answers (no emails, phones or IPs).
import type { VerificationEnvelope, VerificationResult } from '../../schemas/index.ts';
import type { PageLanguage, VerifyPageMessages } from './verify-page-messages.ts';

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

export function page(language: PageLanguage, title: string, body: string): string {
  return `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · inkflow</title><link rel="stylesheet" href="/verify.css"></head>
<body><main><h1>${escapeHtml(title)}</h1>
${body}
</main></body></html>`;
}

export function uploadForm(messages: VerifyPageMessages, action: string, language: PageLanguage): string {
  return `<form method="post" action="${escapeHtml(action)}?lang=${language}" enctype="multipart/form-data">
<label for="file">${messages.fileLabel}</label>
<input id="file" name="file" type="file" accept="application/pdf,.pdf" required>
<p class="hint">${messages.maxSize}</p>
<button type="submit">${messages.submit}</button>
</form>`;
}

const row = (label: string, value: string | null | undefined) =>
  `<tr><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(value ?? '—')}</td></tr>`;

export function envelopeSummary(messages: VerifyPageMessages, envelope: VerificationEnvelope): string {
  const parties = envelope.parties
    .map((party) => {
      const side = party.side === 'company' ? messages.company : messages.counterparty;
      return `<li>${escapeHtml(party.name)} (${side}): ${escapeHtml(party.signedAt ?? messages.notSigned)}</li>`;
    })
    .join('');
  return `<table>
${row(messages.envelope, envelope.envelopeId)}
${row(messages.document, envelope.title)}
${row(messages.documentId, envelope.documentId)}
${row(messages.status, envelope.status)}
${row(messages.completedAt, envelope.completedAt)}
${row(messages.sealedAt, envelope.sealedAt)}
${row(messages.finalSha256, envelope.finalSha256)}
</table>
<h2>${messages.parties}</h2><ul>${parties}</ul>`;
}

export function verdict(messages: VerifyPageMessages, result: VerificationResult): string {
  const envelope = result.envelope ? envelopeSummary(messages, result.envelope) : '';
  return `<p class="verdict ${result.result}" role="status">${escapeHtml(messages[result.result])}</p>
<table>${row(messages.fileSha256, result.sha256)}${row(messages.sealedAt, result.sealedAt)}</table>
${envelope}`;
}
