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

// Leaving a screen with unsaved work asks first: a guard returns false to stay. Hash changes
// cannot be cancelled, so a refused one is put back.
let leaveGuard: (() => boolean) | null = null;
let lastHash = typeof window === 'undefined' ? '' : window.location.hash;
let restoring = false;

export function setLeaveGuard(guard: (() => boolean) | null): void {
  leaveGuard = guard;
}

if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', (event) => {
    if (restoring) {
      restoring = false;
      event.stopImmediatePropagation();
      return;
    }
    if (leaveGuard && !leaveGuard()) {
      restoring = true;
      event.stopImmediatePropagation();
      window.location.hash = lastHash;
      return;
    }
    lastHash = window.location.hash;
  });
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
