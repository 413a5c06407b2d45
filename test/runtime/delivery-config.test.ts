// SMTP_URL, SMTP_FROM and SMS_GATEWAY as loadConfig reads them: defaults that keep every message
// in the outbox, and a start that stops with a clear message on a value it cannot use (without
// echoing the SMTP password).
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../runtime/config.ts';

describe('delivery configuration', () => {
  it('defaults to the outbox for email and SMS, from inkflow <no-reply@localhost>', () => {
    expect(loadConfig({}).delivery).toEqual({
      smtpUrl: undefined,
      smtpFrom: 'inkflow <no-reply@localhost>',
      smsGateway: 'outbox',
    });
  });

  it('takes an smtp(s) URL, a From and the test SMS gateway', () => {
    const config = loadConfig({
      SMTP_URL: 'smtps://mailer:secret@mail.example.com:465',
      SMTP_FROM: 'Acme <sign@acme.example>',
      SMS_GATEWAY: 'test',
    });
    expect(config.delivery).toEqual({
      smtpUrl: 'smtps://mailer:secret@mail.example.com:465',
      smtpFrom: 'Acme <sign@acme.example>',
      smsGateway: 'test',
    });
  });

  it('refuses another scheme without printing the password, and an unknown SMS gateway', () => {
    let error: unknown;
    try {
      loadConfig({ SMTP_URL: 'http://mailer:secret@mail.example.com' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/SMTP_URL/);
    expect((error as Error).message).not.toContain('secret');
    expect(() => loadConfig({ SMS_GATEWAY: 'twilio' })).toThrow(/SMS_GATEWAY/);
  });
});
