// The words a signer gets: every purpose in both languages, values that cannot break the mail
// (line breaks, HTML), the SMS kept plain, and the masked address for the trail.
import { describe, expect, it } from 'vitest';
import { maskDestination } from './mask-destination.ts';
import { type MessageContext, type MessageRecipient, messagePurposes } from './queue-message.ts';
import { renderMessage } from './texts/render-message.ts';

const context: MessageContext = {
  documentTitle: 'Service contract',
  senderCompany: 'Acme',
  expiresAt: '2026-12-20T12:00:00.000Z',
  link: 'https://sign.example/sign/tok',
  code: '123456',
  reason: 'wrong amount',
  finalPdfLink: 'https://sign.example/final',
};
const en: MessageRecipient = { name: 'Dora', email: 'dora@acme.com', phone: null, language: 'en' };
const pt: MessageRecipient = { ...en, language: 'pt-BR' };

describe('message texts', () => {
  it.each(messagePurposes)('%s has a subject, text and HTML in English and Portuguese, and they differ', (purpose) => {
    const english = renderMessage(purpose, en, context, 'email', false);
    const portuguese = renderMessage(purpose, pt, context, 'email', false);
    for (const message of [english, portuguese]) {
      expect(message.subject.length).toBeGreaterThan(5);
      expect(message.subject).not.toMatch(/[\r\n]/);
      expect(message.text).toContain('Service contract');
      expect(message.html).toContain('<html lang=');
      expect(message.html).not.toMatch(/<img|<link|<script|url\(/i);
    }
    expect(english.subject).not.toBe(portuguese.subject);
    expect(portuguese.html).toContain('lang="pt-BR"');
  });

  it('puts the link and the expiry date in the invitation, in the recipient language', () => {
    const english = renderMessage('invitation', en, context, 'email', false);
    expect(english.subject).toBe('Acme asks you to sign Service contract');
    expect(english.text).toContain('https://sign.example/sign/tok');
    expect(english.text).toMatch(/expires on December 20, 2026/);
    const portuguese = renderMessage('invitation', pt, context, 'email', false);
    expect(portuguese.subject).toBe('Acme pede sua assinatura em Service contract');
    expect(portuguese.text).toMatch(/expira em 20 de dezembro de 2026/);
  });

  it('keeps SMS short and plain, with the link or the code', () => {
    const invitation = renderMessage('invitation', en, context, 'sms', false);
    expect(invitation.html).toBeNull();
    expect(invitation.text).toMatch(
      /^Acme asks you to sign Service contract\. Open: https:\/\/sign\.example\/sign\/tok\./,
    );
    const code = renderMessage('code', pt, context, 'sms', false);
    expect(code.text).toBe('Seu código para Service contract: 123456. Vale por 5 minutos.');
    for (const purpose of messagePurposes) {
      const sms = renderMessage(purpose, en, context, 'sms', false);
      expect(sms.text).not.toMatch(/[<>\n]/);
      expect(sms.text.length).toBeLessThan(320);
    }
  });

  it('says the PDF is attached, or links it, for a completed envelope', () => {
    expect(renderMessage('completed', en, context, 'email', true).text).toContain('The signed PDF is attached.');
    const linked = renderMessage('completed', en, context, 'email', false);
    expect(linked.text).toContain('https://sign.example/final');
    expect(linked.text).not.toContain('attached');
  });

  it('escapes values in the HTML and flattens line breaks that could add headers or fake paragraphs', () => {
    const hostile: MessageContext = {
      ...context,
      documentTitle: 'Deal <script>alert(1)</script>\r\nBcc: victim@example.com',
      senderCompany: 'A & "B"',
    };
    const message = renderMessage('invitation', { ...en, name: '<b>Eve</b>' }, hostile, 'email', false);
    expect(message.subject).not.toMatch(/[\r\n]/);
    expect(message.html).not.toContain('<script>');
    expect(message.html).toContain('&lt;script&gt;');
    expect(message.html).toContain('A &amp; &quot;B&quot;');
    expect(message.html).toContain('&lt;b&gt;Eve&lt;/b&gt;');
    const longTitle = renderMessage('invitation', en, { ...context, documentTitle: 'x'.repeat(5000) }, 'email', false);
    expect(longTitle.subject.length).toBeLessThan(300);
  });

  it('makes only http(s) links clickable', () => {
    const message = renderMessage('invitation', en, { ...context, link: 'javascript:alert(1)' }, 'email', false);
    expect(message.html).not.toContain('href="javascript');
  });
});

describe('maskDestination', () => {
  it('keeps enough of an address to recognise it and hides the rest', () => {
    expect(maskDestination('dora@acme.com')).toBe('d•••@acme.com');
    expect(maskDestination('+55 11 98765-4321')).toBe('+55 •••• 4321');
    expect(maskDestination('98765-4321')).toBe('•••• 4321');
    expect(maskDestination('12')).toBe('•••');
    expect(maskDestination('+55 11 98765-4321')).not.toContain('98765');
  });
});
