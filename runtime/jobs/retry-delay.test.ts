import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './retry-delay.ts';

describe('retryDelayMs', () => {
  it('doubles with each attempt from the base', () => {
    const middle = () => 0.5; // no jitter
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, 1_000, middle))).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it('stays within ±20% jitter and under five minutes', () => {
    expect(retryDelayMs(1, 1_000, () => 0)).toBe(800);
    expect(retryDelayMs(1, 1_000, () => 1)).toBe(1_200);
    expect(retryDelayMs(30, 1_000, () => 0.5)).toBe(300_000);
  });
});
