import { describe, expect, it } from 'vitest';
import { screensFor } from '../../app/screens.ts';
import { may } from './permissions.ts';

// The navigation hides what a role may not open: these screens list exactly the roles `may` allows.
describe('screens per role', () => {
  const ids = (role: 'admin' | 'client' | 'analyst') => screensFor(role).map((screen) => screen.id);

  it('keeps templates from everyone but admins, and runs from analysts', () => {
    expect(ids('analyst')).not.toContain('templates');
    expect(ids('analyst')).not.toContain('runs');
    expect(ids('client')).toContain('runs');
    expect(ids('client')).not.toContain('test');
    expect(ids('admin')).toEqual(expect.arrayContaining(['test', 'backtest', 'history', 'templates', 'runs']));
  });

  it('agrees with the permission table', () => {
    for (const role of ['admin', 'client', 'analyst'] as const) {
      expect(ids(role).includes('templates')).toBe(may.manageTemplates(role));
      expect(ids(role).includes('runs')).toBe(may.readRuns(role));
      expect(ids(role).includes('history')).toBe(may.readFlows(role));
    }
  });
});
