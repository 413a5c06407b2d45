// A page that only says something: a refusal (what happened and whom to ask), or the end of the
// journey (signed, declined). No form, nothing to do but read.
import { escapeHtml, renderLayout } from './page-layout.ts';
import type { SigningRefusal } from './signing-refusal.ts';
import { fill, formatTime, type SigningLanguage, signingTexts } from './signing-texts.ts';

export function renderMessagePage(
  language: SigningLanguage,
  title: string,
  paragraphs: string[],
  company?: string,
): string {
  const texts = signingTexts[language];
  const body = `<section class="card message" role="status">
<h1>${escapeHtml(title)}</h1>
${paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`).join('\n')}
</section>`;
  return renderLayout({ language, texts, title, company, body });
}

export function renderRefusalPage(refusal: SigningRefusal, fallbackLanguage: SigningLanguage = 'en'): string {
  const language = refusal.context.language ?? fallbackLanguage;
  const texts = signingTexts[language];
  const words = texts.refusals[refusal.reason];
  const company = refusal.context.company ?? (language === 'en' ? 'the sender' : 'o remetente');
  const at = refusal.context.at ? formatTime(refusal.context.at, language) : '';
  const paragraphs = [fill(words.text, { company, at })];
  if (refusal.reason === 'bad_request' && refusal.context.detail) {
    paragraphs.unshift(fill(texts.missingFields, { fields: refusal.context.detail }));
  } else if (refusal.reason === 'bad_request' || refusal.reason === 'bad_image' || refusal.reason === 'too_large') {
    paragraphs.unshift(refusal.message);
  }
  return renderMessagePage(language, words.title, paragraphs, refusal.context.company);
}
