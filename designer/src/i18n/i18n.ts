// UI strings: t(key, vars) over the merged per-area message files; the language is kept in
// localStorage and every component using useT() re-renders when it changes.
import { useSyncExternalStore } from 'react';
import { type MessageKey, messages } from './messages/index.ts';

export type Language = 'en' | 'pt-BR';
export type { MessageKey };
export const languages: readonly Language[] = ['en', 'pt-BR'];

const storageKey = 'inkflow.language';
const listeners = new Set<() => void>();

function initialLanguage(): Language {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(storageKey);
  if (stored === 'en' || stored === 'pt-BR') return stored;
  return typeof navigator !== 'undefined' && navigator.language.toLowerCase().startsWith('pt') ? 'pt-BR' : 'en';
}

let current: Language = initialLanguage();

export function getLanguage(): Language {
  return current;
}

export function setLanguage(language: Language): void {
  if (language === current) return;
  current = language;
  if (typeof localStorage !== 'undefined') localStorage.setItem(storageKey, language);
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  for (const listener of listeners) listener();
}

export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  const table = messages[current] as Record<string, string>;
  const text = table[key] ?? (messages.en as Record<string, string>)[key] ?? key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** t bound to the current language; the component re-renders on a language switch. */
export function useT(): typeof t {
  useSyncExternalStore(subscribe, getLanguage, getLanguage);
  return t;
}

export function useLanguage(): Language {
  return useSyncExternalStore(subscribe, getLanguage, getLanguage);
}
