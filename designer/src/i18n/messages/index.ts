// Every area's messages merged; each area owns one file here (core.ts, screens.ts, …).
import core from './core.ts';

export const messages = {
  en: { ...core.en },
  'pt-BR': { ...core['pt-BR'] },
};

export type MessageKey = keyof typeof messages.en;
