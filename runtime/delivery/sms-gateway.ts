// SMS behind one interface, chosen by SMS_GATEWAY: unset keeps SMS in the outbox only (read at
// GET /api/v1/outbox); 'test' is a gateway that keeps every message in this process's memory, so
// that tests and demos can read the last code sent to a phone. A real provider is one more
// implementation of SmsGateway.
import { randomUUID } from 'node:crypto';
import type { RuntimeConfig } from '../config.ts';

export interface SmsGateway {
  readonly name: string;
  send(to: string, text: string): Promise<{ providerId: string }>;
}

export interface TestSms {
  to: string;
  text: string;
  providerId: string;
}

const maxKept = 1000;
const sent: TestSms[] = [];

export const testSmsGateway: SmsGateway = {
  name: 'test',
  async send(to, text) {
    const providerId = `test-${randomUUID()}`;
    sent.push({ to, text, providerId });
    if (sent.length > maxKept) sent.splice(0, sent.length - maxKept);
    return { providerId };
  },
};

/** The test gateway's messages to one phone, oldest first. */
export function testSmsTo(to: string): TestSms[] {
  return sent.filter((message) => message.to === to);
}

/** undefined: no gateway, SMS are recorded in the outbox only. */
export function smsGateway(config: Pick<RuntimeConfig, 'delivery'>): SmsGateway | undefined {
  return config.delivery.smsGateway === 'test' ? testSmsGateway : undefined;
}
