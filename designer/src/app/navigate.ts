// Hash routing: #/<screen-id>/<param>/<param>… (no router library; the token never goes here).
import { useSyncExternalStore } from 'react';

export interface Route {
  screen: string;
  params: string[];
}

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  return { screen: parts[0] ?? '', params: parts.slice(1) };
}

export function routeHash(screenId: string, params: readonly string[] = []): string {
  return `#/${[screenId, ...params].map(encodeURIComponent).join('/')}`;
}

export function navigate(screenId: string, params: readonly string[] = []): void {
  window.location.hash = routeHash(screenId, params);
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

const currentHash = () => window.location.hash;

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, currentHash, () => '');
  return parseRoute(hash);
}
