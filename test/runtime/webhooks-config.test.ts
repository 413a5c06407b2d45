// The webhook settings from the environment: the default retry schedule spans more than a day
// (the "at least 24 hours"), and a malformed variable stops the start with a message
// that says what to write.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../runtime/config.ts';

describe('webhook configuration', () => {
  it('retries over more than 24 hours by default: eight attempts of at most 10 s each', () => {
    const { webhooks } = loadConfig({});
    const span = webhooks.retryScheduleMs.reduce((total, pause) => total + pause, 0);
    expect(span).toBeGreaterThanOrEqual(24 * 3_600_000);
    expect(span).toBe(27 * 3_600_000 + 35 * 60_000 + 5_000);
    expect(webhooks.retryScheduleMs.length + 1).toBe(8);
    expect(webhooks).toMatchObject({ timeoutMs: 10_000, disableAfterFailures: 8, disableAfterMs: 86_400_000 });
  });

  it('takes a schedule, a timeout and the disabling rule from the environment', () => {
    const { webhooks } = loadConfig({
      INKFLOW_WEBHOOK_RETRY_SCHEDULE_MS: '100, 200,0',
      INKFLOW_WEBHOOK_TIMEOUT_MS: '2500',
      INKFLOW_WEBHOOK_DISABLE_AFTER_FAILURES: '0',
      INKFLOW_WEBHOOK_DISABLE_AFTER_MS: '0',
    });
    // At least one failure: 0 would disable a subscription before its first attempt.
    expect(webhooks).toEqual({
      retryScheduleMs: [100, 200, 0],
      timeoutMs: 2500,
      disableAfterFailures: 1,
      disableAfterMs: 0,
      retentionDays: 30,
    });
  });

  it('refuses a malformed schedule with what to write', () => {
    for (const raw of ['5s,10s', '-1', '1.5', Array.from({ length: 21 }, () => '1').join(',')]) {
      expect(() => loadConfig({ INKFLOW_WEBHOOK_RETRY_SCHEDULE_MS: raw }), raw).toThrow(ConfigError);
    }
    expect(() => loadConfig({ INKFLOW_WEBHOOK_RETRY_SCHEDULE_MS: '5s' })).toThrow(
      /comma-separated non-negative integers \(ms\)/,
    );
    expect(() => loadConfig({ INKFLOW_WEBHOOK_TIMEOUT_MS: 'soon' })).toThrow(ConfigError);
  });
});
