import { describe, expect, it } from 'vitest';
import { may } from './permissions.ts';

describe('may', () => {
  it('keeps analysts from publishing, uploading and personal data', () => {
    expect(may.publish('analyst')).toBe(false);
    expect(may.manageTemplates('analyst')).toBe(false);
    expect(may.seePersonalData('analyst')).toBe(false);
    expect(may.readStoredEvents('analyst')).toBe(false);
    expect(may.readFlows('analyst')).toBe(true);
  });

  it('lets admins do everything and nobody anything without a role', () => {
    for (const check of Object.values(may)) {
      expect(check('admin')).toBe(true);
      expect(check(null)).toBe(false);
    }
  });
});
