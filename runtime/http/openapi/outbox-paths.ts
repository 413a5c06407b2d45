// OpenAPI entry of the outbox: the messages to signers (admin only: their texts hold links and codes).
import { type ApiPath, api, ref } from './api-path.ts';

export const outboxPaths: readonly ApiPath[] = [
  {
    method: 'get',
    path: `${api}/outbox`,
    operationId: 'listOutboxMessages',
    summary:
      'Messages to signers newest first (with their text, so links can be followed by hand when no SMTP_URL is set), a page of at most 200 (default 50)',
    roles: ['admin'],
    query: [
      { name: 'envelopeId', description: 'The envelope', schema: { type: 'string', minLength: 1, maxLength: 200 } },
      {
        name: 'to',
        description: 'The exact email address or phone number',
        schema: { type: 'string', maxLength: 320 },
      },
      {
        name: 'purpose',
        description: 'What the message is for',
        schema: {
          type: 'string',
          enum: ['invitation', 'code', 'reminder', 'completed', 'declined', 'cancelled', 'expired'],
        },
      },
      {
        name: 'status',
        description: 'queued, sent, failed or recorded',
        schema: { type: 'string', enum: ['queued', 'sent', 'failed', 'recorded'] },
      },
      { name: 'limit', description: 'Page size, 1 to 200', schema: { type: 'integer', minimum: 1, maximum: 200 } },
      { name: 'cursor', description: 'nextCursor of the previous page', schema: { type: 'string', maxLength: 600 } },
    ],
    responses: { 200: { description: 'Messages', schema: ref('OutboxMessageList') } },
    errors: [400],
  },
];
