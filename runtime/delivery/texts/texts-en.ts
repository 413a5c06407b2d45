// English messages to signers.
import type { LanguageTexts, Paragraph } from './message-text.ts';

const greeting = (name: string): string => (name ? `Hello ${name},` : 'Hello,');
const reasonLine = (reason: string | undefined): Paragraph[] => (reason ? [`Reason: ${reason}`] : []);

export const textsEn: LanguageTexts = {
  invitation: (input) => ({
    subject: `${input.senderCompany} asks you to sign ${input.documentTitle}`,
    paragraphs: [
      greeting(input.name),
      `${input.senderCompany} asks you to sign "${input.documentTitle}".`,
      { label: 'Open the document', href: input.link ?? '' },
      ...(input.expiresOn ? [`The link expires on ${input.expiresOn}.`] : []),
      'If you did not expect this message, you can ignore it.',
    ],
    sms: `${input.senderCompany} asks you to sign ${input.documentTitle}. Open: ${input.link ?? ''}.${input.expiresOn ? ` The link expires on ${input.expiresOn}.` : ''}`,
  }),
  code: (input) => ({
    subject: `Your code for ${input.documentTitle}`,
    paragraphs: [
      greeting(input.name),
      `Your code for "${input.documentTitle}": ${input.code ?? ''}`,
      'It is valid for 5 minutes. Do not share it with anyone.',
    ],
    sms: `Your code for ${input.documentTitle}: ${input.code ?? ''}. It is valid for 5 minutes.`,
  }),
  reminder: (input) => ({
    subject: `Reminder: ${input.documentTitle} is waiting for your signature`,
    paragraphs: [
      greeting(input.name),
      `${input.senderCompany} is still waiting for your signature on "${input.documentTitle}".`,
      { label: 'Open the document', href: input.link ?? '' },
      ...(input.expiresOn ? [`The link expires on ${input.expiresOn}.`] : []),
    ],
    sms: `Reminder: ${input.senderCompany} is waiting for your signature on ${input.documentTitle}. Open: ${input.link ?? ''}.${input.expiresOn ? ` The link expires on ${input.expiresOn}.` : ''}`,
  }),
  completed: (input) => ({
    subject: `Signed by everyone: ${input.documentTitle}`,
    paragraphs: [
      greeting(input.name),
      `"${input.documentTitle}" is signed by everyone.`,
      ...(input.attached
        ? ['The signed PDF is attached.']
        : input.finalPdfLink
          ? [{ label: 'Download the signed PDF', href: input.finalPdfLink }]
          : []),
    ],
    sms: `${input.documentTitle} is signed by everyone.${input.finalPdfLink ? ` Download: ${input.finalPdfLink}` : ''}`,
  }),
  declined: (input) => ({
    subject: `Declined: ${input.documentTitle}`,
    paragraphs: [
      greeting(input.name),
      `"${input.documentTitle}" from ${input.senderCompany} was declined. No further signature is needed.`,
      ...reasonLine(input.reason),
    ],
    sms: `${input.documentTitle} was declined. No further signature is needed.`,
  }),
  cancelled: (input) => ({
    subject: `Cancelled: ${input.documentTitle}`,
    paragraphs: [
      greeting(input.name),
      `${input.senderCompany} cancelled "${input.documentTitle}". No signature is needed.`,
      ...reasonLine(input.reason),
    ],
    sms: `${input.senderCompany} cancelled ${input.documentTitle}. No signature is needed.`,
  }),
  expired: (input) => ({
    subject: `Expired: ${input.documentTitle}`,
    paragraphs: [
      greeting(input.name),
      `"${input.documentTitle}" from ${input.senderCompany} expired${input.expiresOn ? ` on ${input.expiresOn}` : ''} before everyone signed. No signature is needed any more.`,
    ],
    sms: `${input.documentTitle} expired before everyone signed. No signature is needed any more.`,
  }),
};
