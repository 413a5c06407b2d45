// The frame of every signer page: lang attribute, the stylesheet and script from /sign-assets
// (the CSP allows nothing else), the sender's name as the page's heading, and a step indicator
// that says the step in words as well as in colour.
import type { SigningLanguage, SigningTexts } from './signing-texts.ts';
import { fill } from './signing-texts.ts';

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export interface LayoutInput {
  language: SigningLanguage;
  texts: SigningTexts;
  title: string;
  company?: string;
  /** 1..3 for the signing steps; absent on message pages. */
  step?: 1 | 2 | 3;
  body: string;
  scripts?: readonly string[];
}

function stepIndicator(texts: SigningTexts, step: 1 | 2 | 3): string {
  const items = texts.steps
    .map((name, index) => {
      const n = index + 1;
      const state = n < step ? 'done' : n === step ? 'current' : 'todo';
      const current = n === step ? ' aria-current="step"' : '';
      return `<li class="step step-${state}"${current}><span class="step-number">${n}</span> ${escapeHtml(name)}</li>`;
    })
    .join('');
  return `<nav aria-label="${escapeHtml(fill(texts.stepOf, { n: step }))}"><ol class="steps">${items}</ol></nav>`;
}

export function renderLayout(input: LayoutInput): string {
  const scripts = (input.scripts ?? []).map((src) => `<script src="/sign-assets/${src}" defer></script>`).join('');
  const header = input.company ? `<p class="sender">${escapeHtml(input.company)}</p>` : '';
  return `<!doctype html>
<html lang="${input.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(input.title)}</title>
<link rel="stylesheet" href="/sign-assets/signing.css">
${scripts}
</head>
<body>
<header class="top">${header}${input.step ? stepIndicator(input.texts, input.step) : ''}</header>
<main id="main">
${input.body}
</main>
</body>
</html>`;
}
