// The webhook event types, read from their schema (schemas/webhook-event.schema.json): the list
// the runtime accepts, never written out again here.
import { loadSchema, type WebhookEventType } from '../../../../schemas/index.ts';

const schema = loadSchema('webhook-event.schema.json') as {
  definitions: { webhookEventType: { enum: WebhookEventType[] } };
};

export const webhookEventTypes: readonly WebhookEventType[] = schema.definitions.webhookEventType.enum;
