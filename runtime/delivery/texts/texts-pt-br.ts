// Brazilian Portuguese messages to signers.
import type { LanguageTexts, Paragraph } from './message-text.ts';

const greeting = (name: string): string => (name ? `Olá, ${name},` : 'Olá,');
const reasonLine = (reason: string | undefined): Paragraph[] => (reason ? [`Motivo: ${reason}`] : []);

export const textsPtBr: LanguageTexts = {
  invitation: (input) => ({
    subject: `${input.senderCompany} pede sua assinatura em ${input.documentTitle}`,
    paragraphs: [
      greeting(input.name),
      `${input.senderCompany} pede que você assine "${input.documentTitle}".`,
      { label: 'Abrir o documento', href: input.link ?? '' },
      ...(input.expiresOn ? [`O link expira em ${input.expiresOn}.`] : []),
      'Se você não esperava esta mensagem, pode ignorá-la.',
    ],
    sms: `${input.senderCompany} pede sua assinatura em ${input.documentTitle}. Abra: ${input.link ?? ''}.${input.expiresOn ? ` O link expira em ${input.expiresOn}.` : ''}`,
  }),
  code: (input) => ({
    subject: `Seu código para ${input.documentTitle}`,
    paragraphs: [
      greeting(input.name),
      `Seu código para "${input.documentTitle}": ${input.code ?? ''}`,
      'Ele vale por 5 minutos. Não o compartilhe com ninguém.',
    ],
    sms: `Seu código para ${input.documentTitle}: ${input.code ?? ''}. Vale por 5 minutos.`,
  }),
  reminder: (input) => ({
    subject: `Lembrete: ${input.documentTitle} aguarda sua assinatura`,
    paragraphs: [
      greeting(input.name),
      `${input.senderCompany} ainda aguarda sua assinatura em "${input.documentTitle}".`,
      { label: 'Abrir o documento', href: input.link ?? '' },
      ...(input.expiresOn ? [`O link expira em ${input.expiresOn}.`] : []),
    ],
    sms: `Lembrete: ${input.senderCompany} aguarda sua assinatura em ${input.documentTitle}. Abra: ${input.link ?? ''}.${input.expiresOn ? ` O link expira em ${input.expiresOn}.` : ''}`,
  }),
  completed: (input) => ({
    subject: `Assinado por todos: ${input.documentTitle}`,
    paragraphs: [
      greeting(input.name),
      `"${input.documentTitle}" foi assinado por todos.`,
      ...(input.attached
        ? ['O PDF assinado está em anexo.']
        : input.finalPdfLink
          ? [{ label: 'Baixar o PDF assinado', href: input.finalPdfLink }]
          : []),
    ],
    sms: `${input.documentTitle} foi assinado por todos.${input.finalPdfLink ? ` Baixe: ${input.finalPdfLink}` : ''}`,
  }),
  declined: (input) => ({
    subject: `Recusado: ${input.documentTitle}`,
    paragraphs: [
      greeting(input.name),
      `"${input.documentTitle}" de ${input.senderCompany} foi recusado. Nenhuma outra assinatura é necessária.`,
      ...reasonLine(input.reason),
    ],
    sms: `${input.documentTitle} foi recusado. Nenhuma outra assinatura é necessária.`,
  }),
  cancelled: (input) => ({
    subject: `Cancelado: ${input.documentTitle}`,
    paragraphs: [
      greeting(input.name),
      `${input.senderCompany} cancelou "${input.documentTitle}". Nenhuma assinatura é necessária.`,
      ...reasonLine(input.reason),
    ],
    sms: `${input.senderCompany} cancelou ${input.documentTitle}. Nenhuma assinatura é necessária.`,
  }),
  expired: (input) => ({
    subject: `Expirado: ${input.documentTitle}`,
    paragraphs: [
      greeting(input.name),
      `"${input.documentTitle}" de ${input.senderCompany} expirou${input.expiresOn ? ` em ${input.expiresOn}` : ''} antes que todos assinassem. Nenhuma assinatura é mais necessária.`,
    ],
    sms: `${input.documentTitle} expirou antes que todos assinassem. Nenhuma assinatura é mais necessária.`,
  }),
};
