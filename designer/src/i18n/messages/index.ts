// Every area's messages merged; each area owns one file here (core.ts, screens.ts, …).
import core from './core.ts';
import screens from './screens.ts';

export const messages = {
  en: { ...core.en, ...screens.en },
  'pt-BR': { ...core['pt-BR'], ...screens['pt-BR'] },
};

export type MessageKey = keyof typeof messages.en;
