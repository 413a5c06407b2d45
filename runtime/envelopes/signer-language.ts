// The two languages the signing messages and page speak: Portuguese contacts (pt, pt-BR, pt-PT)
// read pt-BR, everyone else English, and a contact without a language reads the envelope's.
import type { MessageLanguage } from '../../schemas/index.ts';

export function envelopeLanguage(tag: string | undefined, fallback: MessageLanguage): MessageLanguage {
  if (!tag) return fallback;
  return tag.toLowerCase().startsWith('pt') ? 'pt-BR' : 'en';
}
