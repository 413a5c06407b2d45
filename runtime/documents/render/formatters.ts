// The formatters template authors can type after a path, {deal.fields.fee | money}: each prints a
// CRM value for the deal's locale. A value a formatter cannot read (text where a number belongs)
// prints as it came, so a sloppy CRM field never fails a document.
import { formatAmount, formatDate } from './format-for-locale.ts';

export interface FormatContext {
  locale: string;
  currency: string | undefined;
}

type Formatter = (value: unknown, context: FormatContext) => unknown;

const numberPattern = /^\s*-?\d+(?:\.\d+)?\s*$/;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && numberPattern.test(value)) return Number(value);
  return undefined;
}

function asDate(value: unknown): Date | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value);
  const date = new Date(datePattern.test(text) ? `${text}T00:00:00Z` : text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

const truthy = new Set(['true', 'yes', 'y', 'sim', 's', '1']);
const falsy = new Set(['false', 'no', 'n', 'não', 'nao', '0']);

function asBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const text = String(value).trim().toLowerCase();
  if (truthy.has(text)) return true;
  if (falsy.has(text)) return false;
  return undefined;
}

// Yes and no by language; a language not listed reads English.
const yesNoWords: Record<string, [string, string]> = {
  en: ['Yes', 'No'],
  pt: ['Sim', 'Não'],
  es: ['Sí', 'No'],
  fr: ['Oui', 'Non'],
  de: ['Ja', 'Nein'],
  it: ['Sì', 'No'],
};

const orRaw =
  <T>(read: (value: unknown) => T | undefined, print: (parsed: T, context: FormatContext) => string): Formatter =>
  (value, context) => {
    const parsed = read(value);
    return parsed === undefined ? value : print(parsed, context);
  };

export const formatters: Readonly<Record<string, Formatter>> = {
  /** 62500.5 → "62,500.5" (en), "62.500,5" (pt-BR). */
  number: orRaw(asNumber, (n, { locale }) => new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }).format(n)),
  /** Percentage points: 7.5 → "7.5%" (en), "7,5%" (pt-BR). */
  percent: orRaw(asNumber, (n, { locale }) =>
    new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(n / 100),
  ),
  /** In the deal's currency: 62500.5 → "€62,500.50", "R$ 62.500,50"; two decimals without one. */
  money: orRaw(asNumber, (n, { locale, currency }) => formatAmount(n, currency, locale)),
  /** "2027-01-15" or an ISO timestamp → "15 January 2027", "15 de janeiro de 2027" (UTC). */
  date: orRaw(asDate, (date, { locale }) => formatDate(date, locale)),
  /** true/false (or "yes"/"no", 1/0) → "Yes"/"No", "Sim"/"Não". */
  yesno: orRaw(asBoolean, (yes, { locale }) => {
    const words = yesNoWords[locale.split('-')[0] ?? ''] ?? yesNoWords.en;
    return (words as [string, string])[yes ? 0 : 1];
  }),
};

export const formatterNames = Object.keys(formatters);
