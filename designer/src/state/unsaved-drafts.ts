// Unsaved edits survive a reload: the flow is kept in localStorage per flow id until it is saved.
import type { Flow } from '../../../schemas/types.generated.ts';

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const keyOf = (flowId: string) => `inkflow.unsaved.${flowId}`;

interface StoredDraft {
  savedAt: string;
  /** The server draft's updatedAt this edit started from (to tell a stale copy). */
  baseUpdatedAt: string | null;
  flow: Flow;
}

const defaultStorage = (): KeyValueStorage | undefined =>
  typeof localStorage === 'undefined' ? undefined : localStorage;

export function keepUnsaved(
  flowId: string,
  flow: Flow,
  baseUpdatedAt: string | null,
  storage = defaultStorage(),
): void {
  const draft: StoredDraft = { savedAt: new Date().toISOString(), baseUpdatedAt, flow };
  try {
    storage?.setItem(keyOf(flowId), JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the beforeunload prompt still protects the edit.
  }
}

export function readUnsaved(flowId: string, storage = defaultStorage()): StoredDraft | undefined {
  const text = storage?.getItem(keyOf(flowId));
  if (!text) return undefined;
  try {
    const parsed = JSON.parse(text) as StoredDraft;
    return parsed && typeof parsed === 'object' && parsed.flow?.id === flowId ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function forgetUnsaved(flowId: string, storage = defaultStorage()): void {
  storage?.removeItem(keyOf(flowId));
}
