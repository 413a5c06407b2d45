// Turns a purpose + context into the words stored in the outbox row: subject, plain text, HTML
// (email only) in the recipient's language. Every value is bounded and stripped of line breaks
// where one line is meant (a title cannot add mail headers or fake paragraphs), and escaped in
// the HTML; the HTML has no remote images or styles to fetch.
import type { MessageContext, MessagePurpose, MessageRecipient } from '../queue-message.ts';
import type { LanguageTexts, Paragraph } from './message-text.ts';
import { textsEn } from './texts-en.ts';
import { textsPtBr } from './texts-pt-br.ts';

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string | null;
}

const textsByLanguage: Readonly<Record<MessageRecipient['language'], LanguageTexts>> = {
  en: textsEn,
  'pt-BR': textsPtBr,
};

function oneLine(value: string | undefined, max: number): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const flat = (value ?? '').replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function formatDate(iso: string | null, language: MessageRecipient['language']): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  // The day in UTC: the server does not know the signer's zone, and a date is what the signer needs.
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function paragraphText(paragraph: Paragraph): string {
  return typeof paragraph === 'string' ? paragraph : `${paragraph.label}: ${paragraph.href}`;
}

function paragraphHtml(paragraph: Paragraph): string {
  if (typeof paragraph === 'string') return `<p>${escapeHtml(paragraph)}</p>`;
  // Only http(s) links become anchors; anything else is shown as text.
  const safe = /^https?:\/\//i.test(paragraph.href);
  return safe
    ? `<p><a href="${escapeHtml(paragraph.href)}">${escapeHtml(paragraph.label)}</a><br><span>${escapeHtml(paragraph.href)}</span></p>`
    : `<p>${escapeHtml(paragraphText(paragraph))}</p>`;
}

export function renderMessage(
  purpose: MessagePurpose,
  recipient: MessageRecipient,
  context: MessageContext,
  channel: 'email' | 'sms',
  attached: boolean,
): RenderedMessage {
  const language = recipient.language === 'pt-BR' ? 'pt-BR' : 'en';
  const input = {
    documentTitle: oneLine(context.documentTitle, channel === 'sms' ? 80 : 200),
    senderCompany: oneLine(context.senderCompany, channel === 'sms' ? 60 : 200),
    expiresAt: context.expiresAt,
    expiresOn: formatDate(context.expiresAt, language),
    name: oneLine(recipient.name, 200),
    attached,
    ...(context.link ? { link: oneLine(context.link, 2000) } : {}),
    ...(context.code ? { code: oneLine(context.code, 20) } : {}),
    ...(context.reason ? { reason: oneLine(context.reason, 1000) } : {}),
    ...(context.finalPdfLink ? { finalPdfLink: oneLine(context.finalPdfLink, 2000) } : {}),
  };
  const message = textsByLanguage[language][purpose](input);
  if (channel === 'sms') return { subject: message.subject, text: message.sms, html: null };
  const html = [
    '<!doctype html>',
    `<html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(message.subject)}</title></head>`,
    '<body style="font-family: sans-serif; line-height: 1.5">',
    ...message.paragraphs.map(paragraphHtml),
    '</body></html>',
  ].join('\n');
  return { subject: message.subject, text: message.paragraphs.map(paragraphText).join('\n\n'), html };
}
