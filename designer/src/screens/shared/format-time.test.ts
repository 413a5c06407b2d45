import { describe, expect, it } from 'vitest';
import { formatTime } from './format-time.ts';

describe('formatTime', () => {
  it('writes a time in the language asked, and leaves text that is not a time alone', () => {
    const iso = '2026-12-02T01:15:00.000Z';
    expect(formatTime(iso, 'pt-BR')).toBe(new Date(iso).toLocaleString('pt-BR'));
    expect(formatTime(iso, 'pt-BR')).not.toBe(formatTime(iso, 'en'));
    expect(formatTime('yesterday', 'en')).toBe('yesterday');
  });
});
