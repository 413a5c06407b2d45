// Step 3: the document (every page as an image, full width, "Page n of N"), the requested fields
// pre-filled from the signer's earlier answers, the signature (type, draw or upload; the page's
// script turns typed and drawn into a PNG), the company's stamp, Sign with a summary, and Decline
// with a reason. Everything is a plain form; without JavaScript the upload still works.
import type { Signing } from './load-signing.ts';
import { escapeHtml, renderLayout } from './page-layout.ts';
import type { RequestedField } from './requested-fields.ts';
import { fill, signingTexts } from './signing-texts.ts';

export interface DocumentPageInput {
  signing: Signing;
  token: string;
  pages: number;
  fields: readonly RequestedField[];
  defaults: Readonly<Record<string, string>>;
  stampRequired: boolean;
}

export function renderDocumentPage(input: DocumentPageInput): string {
  const { signing, token, pages, fields, defaults } = input;
  const { envelope, signer } = signing;
  const texts = signingTexts[signer.language];
  const e = escapeHtml;
  const images = Array.from({ length: pages }, (_, index) => {
    const n = index + 1;
    const alt = fill(texts.pageAlt, { n, total: pages });
    return `<img class="page" src="/sign/${token}/pages/${n}.png" alt="${e(alt)}" loading="${n > 2 ? 'lazy' : 'eager'}">`;
  }).join('\n');
  const fieldInputs = fields
    .map(
      (field) => `<p class="field"><label for="field-${e(field.name)}">${e(field.label)}</label>
<input id="field-${e(field.name)}" name="field.${e(field.name)}" type="text" maxlength="500" required value="${e(defaults[field.name] ?? '')}"></p>`,
    )
    .join('\n');
  const fieldsSection = fields.length
    ? `<fieldset class="card"><legend>${e(texts.fieldsTitle)}</legend><p class="hint">${e(texts.fieldsHint)}</p>${fieldInputs}</fieldset>`
    : '';
  const stamp =
    signer.side === 'company'
      ? `<p class="field"><label for="stamp">${e(texts.stampLabel)}</label>
<input id="stamp" name="stamp" type="file" accept="image/png,image/jpeg" aria-describedby="stamp-hint"${input.stampRequired ? ' required' : ''}>
<span class="hint" id="stamp-hint">${e(input.stampRequired ? texts.stampRequired : texts.stampOptional)} ${e(texts.uploadHint)}</span></p>`
      : '';
  const summary = fill(texts.summary, { title: envelope.title, company: envelope.sender_company, name: signer.name });
  const body = `<section class="card document">
<h1>${e(texts.documentTitle)}</h1>
<p class="doc-title">${e(envelope.title)}</p>
<div class="pages">${images}</div>
</section>
<form method="post" action="/sign/${token}/submit" enctype="multipart/form-data" id="sign-form">
${fieldsSection}
<fieldset class="card signature">
<legend>${e(texts.signatureTitle)}</legend>
<div class="methods" role="radiogroup">
<p class="check"><input type="radio" name="method" id="method-typed" value="typed" checked><label for="method-typed">${e(texts.methodTyped)}</label></p>
<p class="check"><input type="radio" name="method" id="method-drawn" value="drawn"><label for="method-drawn">${e(texts.methodDrawn)}</label></p>
<p class="check"><input type="radio" name="method" id="method-uploaded" value="uploaded"><label for="method-uploaded">${e(texts.methodUploaded)}</label></p>
</div>
<div class="method-panel" id="panel-typed">
<p class="field"><label for="typed-name">${e(texts.typedLabel)}</label>
<input id="typed-name" name="typedName" type="text" maxlength="100" autocomplete="name" value="${e(signer.name)}"></p>
<canvas id="typed-preview" class="signature-canvas" width="600" height="150" aria-hidden="true"></canvas>
</div>
<div class="method-panel" id="panel-drawn" hidden>
<p id="draw-label">${e(texts.drawLabel)}</p>
<canvas id="draw-pad" class="signature-canvas" width="600" height="200" role="img" aria-labelledby="draw-label"></canvas>
<button type="button" id="draw-clear" class="secondary">${e(texts.clear)}</button>
</div>
<div class="method-panel" id="panel-uploaded" hidden>
<p class="field"><label for="signature-file">${e(texts.uploadLabel)}</label>
<input id="signature-file" name="signatureFile" type="file" accept="image/png,image/jpeg" aria-describedby="upload-hint">
<span class="hint" id="upload-hint">${e(texts.uploadHint)}</span></p>
</div>
<input type="hidden" name="signatureData" id="signature-data" value="">
${stamp}
</fieldset>
<section class="card">
<p id="sign-summary">${e(summary)}</p>
<button type="submit" class="primary" aria-describedby="sign-summary">${e(texts.sign)}</button>
</section>
</form>
<form method="post" action="/sign/${token}/decline" class="card decline">
<h2>${e(texts.declineTitle)}</h2>
<p class="field"><label for="decline-reason">${e(fill(texts.declineLabel, { company: envelope.sender_company }))}</label>
<textarea id="decline-reason" name="reason" maxlength="500" rows="3" required></textarea></p>
<button type="submit" class="danger">${e(texts.decline)}</button>
</form>`;
  return renderLayout({
    language: signer.language,
    texts,
    title: texts.documentTitle,
    company: envelope.sender_company,
    step: 3,
    body,
    scripts: ['signature_pad.umd.min.js', 'signer.js'],
  });
}
