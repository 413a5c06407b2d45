// The /verify pages' words in English and Brazilian Portuguese, and how a request picks one:
// ?lang= first, then Accept-Language.
export type PageLanguage = 'en' | 'pt-BR';

export const verifyPageMessages = {
  en: {
    title: 'Check a signed PDF',
    intro: 'Upload a PDF to learn whether this instance sealed it and whether it changed since.',
    fileLabel: 'PDF file',
    maxSize: 'At most 30 MB.',
    submit: 'Check',
    intact: 'Intact: sealed by this instance and unchanged since.',
    modified: 'Modified: this instance sealed it, but the file changed after sealing.',
    unknown: 'Unknown: this instance did not seal this file (no seal, or someone else\u2019s).',
    envelope: 'Envelope',
    document: 'Document',
    documentId: 'Document id',
    status: 'Status',
    completedAt: 'Completed',
    sealedAt: 'Sealed',
    finalSha256: 'SHA-256 of the sealed PDF',
    fileSha256: 'SHA-256 of your file',
    parties: 'Parties',
    company: 'company',
    counterparty: 'client',
    notSigned: 'not signed',
    matches: 'Your file is the sealed PDF of this envelope.',
    differs: 'Your file is not the sealed PDF of this envelope.',
    compare: 'Compare a file with this envelope',
    notFoundTitle: 'No such envelope',
    notFound: 'This instance has no envelope with this id. Check the link or the QR code, or ask the sender.',
    errorTitle: 'The file could not be checked',
    back: 'Check another file',
  },
  'pt-BR': {
    title: 'Verificar um PDF assinado',
    intro: 'Envie um PDF para saber se esta instância o selou e se ele mudou desde então.',
    fileLabel: 'Arquivo PDF',
    maxSize: 'No máximo 30 MB.',
    submit: 'Verificar',
    intact: 'Íntegro: selado por esta instância e sem alterações desde então.',
    modified: 'Alterado: esta instância o selou, mas o arquivo mudou depois da selagem.',
    unknown: 'Desconhecido: esta instância não selou este arquivo (sem selo, ou selo de outra pessoa).',
    envelope: 'Envelope',
    document: 'Documento',
    documentId: 'Id do documento',
    status: 'Situação',
    completedAt: 'Concluído',
    sealedAt: 'Selado',
    finalSha256: 'SHA-256 do PDF selado',
    fileSha256: 'SHA-256 do seu arquivo',
    parties: 'Partes',
    company: 'empresa',
    counterparty: 'cliente',
    notSigned: 'não assinou',
    matches: 'Seu arquivo é o PDF selado deste envelope.',
    differs: 'Seu arquivo não é o PDF selado deste envelope.',
    compare: 'Comparar um arquivo com este envelope',
    notFoundTitle: 'Envelope não encontrado',
    notFound: 'Esta instância não tem envelope com este id. Confira o link ou o QR code, ou pergunte a quem enviou.',
    errorTitle: 'Não foi possível verificar o arquivo',
    back: 'Verificar outro arquivo',
  },
} as const;

export type VerifyPageMessages = (typeof verifyPageMessages)[PageLanguage];

export function pageLanguage(query: unknown, acceptLanguage: string | undefined): PageLanguage {
  if (query === 'pt-BR' || query === 'pt') return 'pt-BR';
  if (query === 'en') return 'en';
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('pt') ? 'pt-BR' : 'en';
}
