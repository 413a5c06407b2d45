// Every word of the signer's pages, in English and Brazilian Portuguese. The record's type makes
// a missing translation a type error. {company}, {to}, {at}, {n}, {total} are filled by the page.
import type { RefusalReason } from './signing-refusal.ts';

export type SigningLanguage = 'en' | 'pt-BR';

export interface SigningTexts {
  steps: [string, string, string];
  stepOf: string;
  termsTitle: string;
  termsIntro: string;
  consentText: string[];
  consentLabel: string;
  continue: string;
  codeTitle: string;
  codeSentTo: string;
  codeNotSent: string;
  codeLabel: string;
  codeHint: string;
  confirm: string;
  resend: string;
  sendCode: string;
  codeWrong: string;
  codeExpired: string;
  codeMalformed: string;
  documentTitle: string;
  pageAlt: string;
  fieldsTitle: string;
  fieldsHint: string;
  signatureTitle: string;
  methodTyped: string;
  methodDrawn: string;
  methodUploaded: string;
  typedLabel: string;
  drawLabel: string;
  clear: string;
  uploadLabel: string;
  uploadHint: string;
  stampLabel: string;
  stampRequired: string;
  stampOptional: string;
  summary: string;
  sign: string;
  declineTitle: string;
  declineLabel: string;
  decline: string;
  doneTitle: string;
  doneText: string;
  signedAt: string;
  declinedText: string;
  missingFields: string;
  refusals: Record<RefusalReason, { title: string; text: string }>;
}

const en: SigningTexts = {
  steps: ['Terms', 'Code', 'Sign'],
  stepOf: 'Step {n} of 3',
  termsTitle: 'Sign “{title}” electronically',
  termsIntro: '{company} asks you to sign this document. Please read how electronic signing works.',
  consentText: [
    'You agree to receive this document and sign it electronically instead of on paper. Your electronic signature has the same effect as a handwritten one.',
    'You may ask {company} for a paper copy, or to sign on paper instead, at any time before you sign. You may withdraw this consent before you sign by declining.',
    'To sign you need a device with a current web browser and access to the email address or phone where we send your one-time code. You will receive the final PDF by email.',
  ],
  consentLabel: 'I have read this and agree to sign electronically',
  continue: 'Continue',
  codeTitle: 'Confirm it is you',
  codeSentTo: 'We sent a 6-digit code to {to}. It is valid for 5 minutes.',
  codeNotSent: 'We will send a 6-digit code to your email or phone.',
  codeLabel: '6-digit code',
  codeHint: 'Only digits, for example 123456.',
  confirm: 'Confirm',
  resend: 'Send a new code',
  sendCode: 'Send the code',
  codeWrong: 'That code is not right. {n} attempts left.',
  codeExpired: 'That code has expired. Ask for a new one.',
  codeMalformed: 'Type the 6 digits of the code.',
  documentTitle: 'Read the document',
  pageAlt: 'Page {n} of {total}',
  fieldsTitle: 'Your details',
  fieldsHint: 'These go into the document. Check them before you sign.',
  signatureTitle: 'Your signature',
  methodTyped: 'Type your name',
  methodDrawn: 'Draw',
  methodUploaded: 'Upload an image',
  typedLabel: 'Your full name',
  drawLabel: 'Draw your signature in the box (with a finger or a mouse)',
  clear: 'Clear',
  uploadLabel: 'Image of your signature',
  uploadHint: 'PNG or JPEG, at most 1 MB and 2000 pixels a side.',
  stampLabel: 'Company stamp',
  stampRequired: 'Required by this document.',
  stampOptional: 'Optional.',
  summary: 'By selecting “Sign”, you sign “{title}” for {company} as {name}.',
  sign: 'Sign',
  declineTitle: 'Do not want to sign?',
  declineLabel: 'Why do you decline? {company} will read this.',
  decline: 'Decline',
  doneTitle: 'Signed',
  doneText: 'You will receive the final PDF by email when everyone has signed.',
  signedAt: 'You signed on {at}.',
  declinedText: 'You declined to sign. {company} has been told.',
  missingFields: 'Fill in: {fields}.',
  refusals: {
    unknown_link: {
      title: 'This link does not work',
      text: 'Check that you opened the whole link from your message, or ask the sender for a new one.',
    },
    replaced_link: {
      title: 'A newer link was sent to you',
      text: 'Open the latest message from {company}. This link no longer works.',
    },
    expired: { title: 'This link has expired', text: 'Ask {company} to send you a new link.' },
    cancelled: { title: 'This signing was cancelled', text: '{company} cancelled it. Ask them if you have questions.' },
    declined: {
      title: 'This signing was declined',
      text: 'Someone declined to sign, so it was stopped. Ask {company} if you have questions.',
    },
    completed: {
      title: 'This document is already signed by everyone',
      text: 'Nothing more is needed from you. Ask {company} for a copy.',
    },
    already_signed: {
      title: 'You already signed',
      text: 'You signed on {at}. You will receive the final PDF by email.',
    },
    already_declined: {
      title: 'You declined to sign',
      text: 'You declined on {at}. Ask {company} if this was a mistake.',
    },
    not_your_turn: {
      title: 'Not your turn yet',
      text: 'Others sign first. We will send you a message when it is your turn.',
    },
    code_locked: {
      title: 'Too many wrong codes',
      text: 'For your safety this link is locked. Ask {company} for a new link.',
    },
    too_many_codes: {
      title: 'Too many codes sent',
      text: 'No more codes can be sent for this link. Ask {company} for a new link.',
    },
    code_too_soon: { title: 'Please wait a moment', text: 'A code was just sent. You can ask for a new one at {at}.' },
    session_required: {
      title: 'Confirm your code first',
      text: 'Open your link again and confirm the code we send you. A forwarded link alone cannot sign.',
    },
    consent_required: {
      title: 'Agree to the terms first',
      text: 'Open your link again and agree to sign electronically.',
    },
    foreign_origin: {
      title: 'This form was not sent from this page',
      text: 'For your safety we did not accept it. Open your link again and use the page itself.',
    },
    bad_request: { title: 'Something is missing', text: 'Go back and check the form.' },
    too_large: {
      title: 'That file is too large',
      text: 'Images may be at most 1 MB. Go back and choose a smaller one.',
    },
    bad_image: {
      title: 'That image cannot be used',
      text: 'Use a PNG or JPEG image of at most 1 MB and 2000 pixels a side. Go back and choose another.',
    },
  },
};

const ptBR: SigningTexts = {
  steps: ['Termos', 'Código', 'Assinar'],
  stepOf: 'Etapa {n} de 3',
  termsTitle: 'Assine “{title}” eletronicamente',
  termsIntro: '{company} pede que você assine este documento. Leia como funciona a assinatura eletrônica.',
  consentText: [
    'Você concorda em receber este documento e assiná-lo eletronicamente em vez de em papel. Sua assinatura eletrônica tem o mesmo efeito de uma assinatura à mão.',
    'Você pode pedir a {company} uma cópia em papel, ou assinar em papel, a qualquer momento antes de assinar. Você pode retirar este consentimento antes de assinar, recusando.',
    'Para assinar você precisa de um aparelho com um navegador atual e acesso ao e-mail ou telefone para onde enviamos seu código. Você receberá o PDF final por e-mail.',
  ],
  consentLabel: 'Li e concordo em assinar eletronicamente',
  continue: 'Continuar',
  codeTitle: 'Confirme que é você',
  codeSentTo: 'Enviamos um código de 6 dígitos para {to}. Ele vale por 5 minutos.',
  codeNotSent: 'Enviaremos um código de 6 dígitos para seu e-mail ou telefone.',
  codeLabel: 'Código de 6 dígitos',
  codeHint: 'Somente números, por exemplo 123456.',
  confirm: 'Confirmar',
  resend: 'Enviar um novo código',
  sendCode: 'Enviar o código',
  codeWrong: 'Código incorreto. Restam {n} tentativas.',
  codeExpired: 'Este código expirou. Peça um novo.',
  codeMalformed: 'Digite os 6 dígitos do código.',
  documentTitle: 'Leia o documento',
  pageAlt: 'Página {n} de {total}',
  fieldsTitle: 'Seus dados',
  fieldsHint: 'Eles entram no documento. Confira antes de assinar.',
  signatureTitle: 'Sua assinatura',
  methodTyped: 'Digitar seu nome',
  methodDrawn: 'Desenhar',
  methodUploaded: 'Enviar uma imagem',
  typedLabel: 'Seu nome completo',
  drawLabel: 'Desenhe sua assinatura no quadro (com o dedo ou o mouse)',
  clear: 'Limpar',
  uploadLabel: 'Imagem da sua assinatura',
  uploadHint: 'PNG ou JPEG, no máximo 1 MB e 2000 pixels de lado.',
  stampLabel: 'Carimbo da empresa',
  stampRequired: 'Exigido por este documento.',
  stampOptional: 'Opcional.',
  summary: 'Ao selecionar “Assinar”, você assina “{title}” para {company} como {name}.',
  sign: 'Assinar',
  declineTitle: 'Não quer assinar?',
  declineLabel: 'Por que você recusa? {company} lerá isto.',
  decline: 'Recusar',
  doneTitle: 'Assinado',
  doneText: 'Você receberá o PDF final por e-mail quando todos tiverem assinado.',
  signedAt: 'Você assinou em {at}.',
  declinedText: 'Você recusou a assinatura. {company} foi avisada.',
  missingFields: 'Preencha: {fields}.',
  refusals: {
    unknown_link: {
      title: 'Este link não funciona',
      text: 'Confira se abriu o link inteiro da mensagem, ou peça um novo ao remetente.',
    },
    replaced_link: {
      title: 'Um link mais novo foi enviado a você',
      text: 'Abra a mensagem mais recente de {company}. Este link não funciona mais.',
    },
    expired: { title: 'Este link expirou', text: 'Peça a {company} um novo link.' },
    cancelled: {
      title: 'Esta assinatura foi cancelada',
      text: '{company} a cancelou. Fale com eles se tiver dúvidas.',
    },
    declined: {
      title: 'Esta assinatura foi recusada',
      text: 'Alguém recusou a assinatura e ela foi encerrada. Fale com {company} se tiver dúvidas.',
    },
    completed: {
      title: 'Este documento já foi assinado por todos',
      text: 'Nada mais é necessário. Peça uma cópia a {company}.',
    },
    already_signed: { title: 'Você já assinou', text: 'Você assinou em {at}. Você receberá o PDF final por e-mail.' },
    already_declined: {
      title: 'Você recusou a assinatura',
      text: 'Você recusou em {at}. Fale com {company} se foi um engano.',
    },
    not_your_turn: {
      title: 'Ainda não é sua vez',
      text: 'Outras pessoas assinam antes. Avisaremos quando for sua vez.',
    },
    code_locked: {
      title: 'Muitos códigos errados',
      text: 'Para sua segurança este link foi bloqueado. Peça a {company} um novo link.',
    },
    too_many_codes: {
      title: 'Muitos códigos enviados',
      text: 'Não é possível enviar mais códigos para este link. Peça a {company} um novo link.',
    },
    code_too_soon: {
      title: 'Aguarde um momento',
      text: 'Um código acabou de ser enviado. Você pode pedir outro às {at}.',
    },
    session_required: {
      title: 'Confirme seu código primeiro',
      text: 'Abra seu link novamente e confirme o código que enviarmos. Um link encaminhado não basta para assinar.',
    },
    consent_required: {
      title: 'Aceite os termos primeiro',
      text: 'Abra seu link novamente e aceite assinar eletronicamente.',
    },
    foreign_origin: {
      title: 'Este formulário não veio desta página',
      text: 'Para sua segurança não o aceitamos. Abra seu link novamente e use a própria página.',
    },
    bad_request: { title: 'Falta alguma coisa', text: 'Volte e confira o formulário.' },
    too_large: { title: 'Arquivo grande demais', text: 'Imagens podem ter no máximo 1 MB. Volte e escolha uma menor.' },
    bad_image: {
      title: 'Esta imagem não pode ser usada',
      text: 'Use uma imagem PNG ou JPEG de no máximo 1 MB e 2000 pixels de lado. Volte e escolha outra.',
    },
  },
};

export const signingTexts: Record<SigningLanguage, SigningTexts> = { en, 'pt-BR': ptBR };

export function fill(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

export function formatTime(iso: string, language: SigningLanguage): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(date)} UTC`;
}
