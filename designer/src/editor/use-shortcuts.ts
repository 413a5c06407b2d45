// The editor's key handler (document level, ignored while typing in a form field).
import { useEffect } from 'react';
import { redo, undo, useFlowStore } from '../state/flow-store.ts';
import { openAddMenuEvent } from './AddNodeMenu.tsx';
import {
  addNoteAt,
  autoLayout,
  copySelected,
  deleteSelection,
  duplicateSelected,
  fitView,
  pasteClipboard,
} from './commands.ts';
import { isTypingTarget } from './shortcuts.ts';

export function useEditorShortcuts(options: { readOnly: boolean; onSave: () => void; onHelp: () => void }) {
  const { readOnly, onSave, onHelp } = options;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTypingTarget(event.target) || event.defaultPrevented) return;
      if ((event.target as HTMLElement).closest?.('[role="menu"], [role="dialog"]')) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      const run = (action: () => void) => {
        event.preventDefault();
        action();
      };
      if (event.key === '?') return run(onHelp);
      if (mod && key === 's') return run(onSave);
      if (event.key === 'Escape') return useFlowStore.getState().select([]);
      if (readOnly) return;
      if (mod && key === 'z') return run(event.shiftKey ? redo : undo);
      if (mod && key === 'y') return run(redo);
      if (mod && key === 'c') {
        if (copySelected()) event.preventDefault();
        return;
      }
      if (mod && key === 'v') return run(() => void pasteClipboard());
      if (mod && key === 'd') return run(duplicateSelected);
      if (event.key === 'Delete' || event.key === 'Backspace') return run(deleteSelection);
      if (mod || event.altKey) return;
      if (key === 'a') return run(() => window.dispatchEvent(new Event(openAddMenuEvent)));
      if (key === 'n') return run(() => addNoteAt());
      if (key === 'l') return run(() => void autoLayout());
      if (key === 'f') return run(fitView);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [readOnly, onSave, onHelp]);
}
