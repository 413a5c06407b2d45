// Keyboard shortcuts of the editor: one table, read by the key handler and the "?" sheet.
import type { MessageKey } from '../i18n/i18n.ts';

export interface Shortcut {
  keys: string;
  action: MessageKey;
}

export const shortcuts: Shortcut[] = [
  { keys: 'Ctrl+Z', action: 'shortcut.undo' },
  { keys: 'Ctrl+Shift+Z / Ctrl+Y', action: 'shortcut.redo' },
  { keys: 'Ctrl+C', action: 'shortcut.copy' },
  { keys: 'Ctrl+V', action: 'shortcut.paste' },
  { keys: 'Ctrl+D', action: 'shortcut.duplicate' },
  { keys: 'Delete / Backspace', action: 'shortcut.delete' },
  { keys: 'Ctrl+S', action: 'shortcut.save' },
  { keys: 'A', action: 'shortcut.add' },
  { keys: 'N', action: 'shortcut.note' },
  { keys: 'L', action: 'shortcut.layout' },
  { keys: 'F', action: 'shortcut.fit' },
  { keys: 'Tab / Shift+Tab', action: 'shortcut.tab' },
  { keys: '← ↑ → ↓', action: 'shortcut.move' },
  { keys: 'Enter / Shift+F10', action: 'shortcut.menu' },
  { keys: 'Shift+click / Shift+drag', action: 'shortcut.multi' },
  { keys: 'Escape', action: 'shortcut.escape' },
  { keys: '?', action: 'shortcut.help' },
];

/** Typing in a form must never trigger canvas shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element?.tagName) return false;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName) || element.isContentEditable;
}
