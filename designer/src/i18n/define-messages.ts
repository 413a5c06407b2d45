// An area's messages: the pt-BR table must have exactly the English table's keys (checked by tsc).
export function defineMessages<const E extends Record<string, string>>(
  en: E,
  ptBR: { [K in keyof E]: string },
): { en: { [K in keyof E]: string }; 'pt-BR': { [K in keyof E]: string } } {
  return { en, 'pt-BR': ptBR };
}
