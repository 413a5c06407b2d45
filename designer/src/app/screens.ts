// The screens registry: one line per screen; the nav and the hash router read it.
// DESIGNER-SCREENS adds its entries here (components live in designer/src/screens/<screen>/).
import type { ComponentType } from 'react';
import type { Role } from '../../../schemas/types.generated.ts';
import { StageBoard } from '../board/StageBoard.tsx';
import { EditorScreen } from '../editor/EditorScreen.tsx';
import type { MessageKey } from '../i18n/i18n.ts';
import { BacktestScreen } from '../screens/backtest/BacktestScreen.tsx';
import { HistoryScreen } from '../screens/history/HistoryScreen.tsx';
import { RunsScreen } from '../screens/runs/RunsScreen.tsx';
import { TemplatesScreen } from '../screens/templates/TemplatesScreen.tsx';
import { TestDealScreen } from '../screens/test-deal/TestDealScreen.tsx';
import { WebhooksScreen } from '../screens/webhooks/WebhooksScreen.tsx';

export interface ScreenSpec {
  id: string;
  label: MessageKey;
  component: ComponentType;
  roles: Role[];
}

export const screens: ScreenSpec[] = [
  { id: 'board', label: 'nav.board', component: StageBoard, roles: ['admin', 'analyst'] },
  { id: 'editor', label: 'nav.editor', component: EditorScreen, roles: ['admin', 'analyst'] },
  { id: 'test', label: 'screens.nav.test', component: TestDealScreen, roles: ['admin', 'analyst'] },
  { id: 'backtest', label: 'screens.nav.backtest', component: BacktestScreen, roles: ['admin', 'analyst'] },
  { id: 'history', label: 'screens.nav.history', component: HistoryScreen, roles: ['admin', 'analyst'] },
  { id: 'templates', label: 'screens.nav.templates', component: TemplatesScreen, roles: ['admin'] },
  { id: 'runs', label: 'screens.nav.runs', component: RunsScreen, roles: ['admin', 'client'] },
  { id: 'webhooks', label: 'screens.nav.webhooks', component: WebhooksScreen, roles: ['admin'] },
];

/** Admin may open everything; other roles only the screens that list them. */
export function screensFor(role: Role | null): ScreenSpec[] {
  if (!role) return [];
  return screens.filter((screen) => role === 'admin' || screen.roles.includes(role));
}
