// How amounts and dates read in a document: in the deal's locale, always in UTC so that the same
// deal renders the same text on any server.

export const defaultLocale = 'en-US';

/** The deal's locale if Intl knows how to read it, else the default (a bad tag must not fail a document). */
export function resolveLocale(locale: string | undefined): string {
  if (!locale) return defaultLocale;
  try {
    const [canonical] = Intl.getCanonicalLocales(locale);
    return canonical ?? defaultLocale;
  } catch {
    return defaultLocale;
  }
}

/** "€62,500.00" with a currency; without one, the number with two decimals ("62,500.00"). */
export function formatAmount(amount: number, currency: string | undefined, locale: string): string {
  const options: Intl.NumberFormatOptions = currency
    ? { style: 'currency', currency }
    : { minimumFractionDigits: 2, maximumFractionDigits: 2 };
  return new Intl.NumberFormat(locale, options).format(amount);
}

/** "29 November 2026". */
export function formatDate(moment: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(moment);
}

/** "29 November 2026 at 10:15 UTC". */
export function formatDateTime(moment: Date, locale: string): string {
  const text = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(
    moment,
  );
  return `${text} UTC`;
}
