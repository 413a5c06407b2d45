// A stored time in the designer's language (not the browser's), e.g. "02/12/2026, 01:15" in pt-BR.
import { getLanguage } from '../../i18n/i18n.ts';

export function formatTime(iso: string, language: string = getLanguage()): string {
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? iso : time.toLocaleString(language);
}
