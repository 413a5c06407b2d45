// SMTP_URL, SMTP_FROM and SMS_GATEWAY as loadConfig reads them: defaults, accepted values, and
// refusals whose message never repeats the password of a mistyped SMTP_URL.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.ts';

describe('delivery configuration', () => {
  it('defaults to the outbox for email and SMS, and a local sender', () => {
    expect(loadConfig({}).delivery).toEqual({
      smtpUrl: undefined,
      smtpFrom: 'inkflow <no-reply@localhost>',
      smsGateway: 'outbox',
    });
    expect(loadConfig({ SMTP_URL: '', SMS_GATEWAY: '' }).delivery.smtpUrl).toBeUndefined();
  });

  it('takes smtp:// and smtps:// URLs, a sender and the test SMS gateway', () => {
    const config = loadConfig({
      SMTP_URL: 'smtps://mailer:p%40ss@mail.example.com:465',
      SMTP_FROM: 'Acme <sign@acme.com>',
      SMS_GATEWAY: 'test',
    });
    expect(config.delivery).toEqual({
      smtpUrl: 'smtps://mailer:p%40ss@mail.example.com:465',
      smtpFrom: 'Acme <sign@acme.com>',
      smsGateway: 'test',
    });
    expect(loadConfig({ SMTP_URL: 'smtp://127.0.0.1:2525' }).delivery.smtpUrl).toBe('smtp://127.0.0.1:2525');
  });

  it('refuses another scheme without echoing the credentials, and an unknown SMS gateway', () => {
    let caught: unknown;
    try {
      loadConfig({ SMTP_URL: 'http://mailer:hunter2@mail.example.com' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as Error).message).toMatch(/^SMTP_URL must look like/);
    expect((caught as Error).message).not.toContain('hunter2');
    expect(() => loadConfig({ SMS_GATEWAY: 'twilio' })).toThrow(/SMS_GATEWAY must be unset/);
  });
});
