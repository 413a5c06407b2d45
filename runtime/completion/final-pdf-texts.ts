// The words printed on the final PDF (stripe and certificate), per signing language.
export interface FinalPdfTexts {
  page: (n: number, total: number) => string;
  certificate: string;
  title: string;
  documentId: string;
  envelopeId: string;
  sender: string;
  originalSha256: string;
  completedAt: string;
  signers: string;
  role: (side: 'company' | 'counterparty', partyIndex: number) => string;
  codeSentTo: string;
  consentAt: string;
  codeConfirmedAt: string;
  signedAt: string;
  ip: string;
  userAgent: string;
  method: string;
  signature: string;
  stamp: string;
  verify: string;
  none: string;
}

const en: FinalPdfTexts = {
  page: (n, total) => `page ${n}/${total}`,
  certificate: 'Certificate of completion',
  title: 'Document',
  documentId: 'Document id',
  envelopeId: 'Envelope id',
  sender: 'Sent by',
  originalSha256: 'SHA-256 of the original PDF',
  completedAt: 'Completed at',
  signers: 'Signers',
  role: (side, partyIndex) => (side === 'company' ? 'company' : `client ${partyIndex}`),
  codeSentTo: 'Code sent to',
  consentAt: 'Consent given at',
  codeConfirmedAt: 'Code confirmed at',
  signedAt: 'Signed at',
  ip: 'IP address',
  userAgent: 'User agent',
  method: 'Method',
  signature: 'Signature',
  stamp: 'Stamp',
  verify: 'Verify this document at',
  none: '—',
};

const ptBR: FinalPdfTexts = {
  page: (n, total) => `página ${n}/${total}`,
  certificate: 'Certificado de conclusão',
  title: 'Documento',
  documentId: 'Id do documento',
  envelopeId: 'Id do envelope',
  sender: 'Enviado por',
  originalSha256: 'SHA-256 do PDF original',
  completedAt: 'Concluído em',
  signers: 'Signatários',
  role: (side, partyIndex) => (side === 'company' ? 'empresa' : `cliente ${partyIndex}`),
  codeSentTo: 'Código enviado para',
  consentAt: 'Consentimento em',
  codeConfirmedAt: 'Código confirmado em',
  signedAt: 'Assinado em',
  ip: 'Endereço IP',
  userAgent: 'Navegador',
  method: 'Método',
  signature: 'Assinatura',
  stamp: 'Carimbo',
  verify: 'Verifique este documento em',
  none: '—',
};

export function finalPdfTexts(language: 'en' | 'pt-BR'): FinalPdfTexts {
  return language === 'pt-BR' ? ptBR : en;
}
