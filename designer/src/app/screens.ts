// The screens registry: one line per screen; the nav and the hash router read it.
// DESIGNER-SCREENS adds its entries here (components live in designer/src/screens/<screen>/).
import type { ComponentType } from 'react';
import type { Role } from '../../../schemas/types.generated.ts';
import { StageBoard } from '../board/StageBoard.tsx';
import { EditorScreen } from '../editor/EditorScreen.tsx';
import type { MessageKey } from '../i18n/i18n.ts';

export interface ScreenSpec {
  id: string;
  label: MessageKey;
  component: ComponentType;
  roles: Role[];
}

export const screens: ScreenSpec[] = [
  { id: 'board', label: 'nav.board', component: StageBoard, roles: ['admin', 'analyst'] },
  { id: 'editor', label: 'nav.editor', component: EditorScreen, roles: ['admin', 'analyst'] },
];

/** Admin may open everything; other roles only the screens that list them. */
export function screensFor(role: Role | null): ScreenSpec[] {
  if (!role) return [];
  return screens.filter((screen) => role === 'admin' || screen.roles.includes(role));
}
