// The Standard Webhooks headers of one attempt, signed by the standardwebhooks package itself so
// that any receiver's library agrees with us. During a rotation's overlap the body is signed by
// every live secret, space-separated in webhook-signature (the spec allows several): a receiver
// holding either the old or the new secret verifies it.
import { Webhook } from 'standardwebhooks';

export interface SignedHeaders {
  'content-type': string;
  'user-agent': string;
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
  [name: string]: string;
}

/** `secrets`: the current one first, then the previous ones still inside their overlap. */
export function signWebhook(eventId: string, body: string, secrets: readonly string[], at: Date): SignedHeaders {
  const signatures = secrets.map((secret) => new Webhook(secret).sign(eventId, at, body));
  return {
    'content-type': 'application/json',
    'user-agent': 'inkflow-webhooks/1',
    'webhook-id': eventId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signatures.join(' '),
  };
}
