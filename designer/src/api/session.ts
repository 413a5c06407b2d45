// The signed-in token and its role. The token is kept in sessionStorage only (gone when the tab
// closes, never in the URL); the role comes from GET /api/v1/me, or is probed when that is absent.
import { create } from 'zustand';
import type { Role } from '../../../schemas/types.generated.ts';
import { ApiRequestError, api, request, storedToken, tokenStorageKey, unauthorizedEvent } from './client.ts';

interface SessionState {
  token: string | null;
  role: Role | null;
  tokenId: string | null;
  /** Set while a stored token is being re-checked after a reload. */
  checking: boolean;
}

export const useSessionStore = create<SessionState>(() => ({
  token: null,
  role: null,
  tokenId: null,
  checking: storedToken() !== null,
}));

/** Older runtimes have no /me: the routes a token may read tell its role. */
async function probeRole(token: string): Promise<Role> {
  const allowed = async (path: string) => {
    try {
      await request('GET', path, undefined, { token });
      return true;
    } catch (error) {
      if (error instanceof ApiRequestError && error.status === 403) return false;
      throw error;
    }
  };
  if (await allowed('/tokens')) return 'admin';
  if (await allowed('/flows')) return 'analyst';
  return 'client';
}

async function roleOf(token: string): Promise<{ role: Role; tokenId: string | null }> {
  try {
    const me = await api.me(token);
    return { role: me.role, tokenId: me.tokenId ?? null };
  } catch (error) {
    if (error instanceof ApiRequestError && (error.status === 404 || error.status === 405)) {
      return { role: await probeRole(token), tokenId: null };
    }
    throw error;
  }
}

/** Checks the token against the runtime; stores it only when it is accepted. */
export async function signIn(token: string): Promise<void> {
  const trimmed = token.trim();
  const { role, tokenId } = await roleOf(trimmed);
  sessionStorage.setItem(tokenStorageKey, trimmed);
  useSessionStore.setState({ token: trimmed, role, tokenId, checking: false });
}

export function signOut(): void {
  sessionStorage.removeItem(tokenStorageKey);
  useSessionStore.setState({ token: null, role: null, tokenId: null, checking: false });
}

if (typeof window !== 'undefined') window.addEventListener(unauthorizedEvent, () => signOut());

/** After a reload: re-check the stored token (it may have been revoked meanwhile). */
export async function restoreSession(): Promise<void> {
  const token = storedToken();
  if (!token) return;
  try {
    await signIn(token);
  } catch {
    signOut();
  }
}

export function useSession(): { token: string | null; role: Role | null; signOut: () => void } {
  const token = useSessionStore((state) => state.token);
  const role = useSessionStore((state) => state.role);
  return { token, role, signOut };
}

/** What a role may do is hidden or disabled in the UI, not just refused by the API. */
export function canEdit(role: Role | null): boolean {
  return role === 'admin';
}
