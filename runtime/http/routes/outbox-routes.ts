// The outbox API: every message to a signer as it was queued and sent. Admin only, because the
// texts hold signers' links and codes (a client token must never read them).
import type { OutboxMessage } from '../../../schemas/index.ts';
import {
  listOutboxMessages,
  outboxListMaxLimit,
  outboxPurposes,
  outboxStatuses,
} from '../../delivery/list-outbox-messages.ts';
import { validationError } from '../../errors/app-error.ts';
import type { RouteModule } from '../app-types.ts';
import { queryNumber } from '../query-number.ts';
import { requireRole } from '../require-role.ts';

function text(value: string | string[] | undefined, name: string, max: number): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (first === undefined || first === '') return undefined;
  if (first.length > max) throw validationError('QUERY_INVALID', `${name} may be at most ${max} characters`);
  return first;
}

function oneOf<T extends string>(
  value: string | string[] | undefined,
  name: string,
  allowed: readonly T[],
): T | undefined {
  const given = text(value, name, 40);
  if (given === undefined) return undefined;
  const known = allowed.find((candidate) => candidate === given);
  if (!known) throw validationError('QUERY_INVALID', `${name} must be one of ${allowed.join(', ')}, not "${given}"`);
  return known;
}

export const registerOutboxRoutes: RouteModule = (router, services) => {
  router.get('/outbox', requireRole('admin'), async (ctx) => {
    const envelopeId = text(ctx.query.envelopeId, 'envelopeId', 200);
    const to = text(ctx.query.to, 'to', 320);
    const cursor = text(ctx.query.cursor, 'cursor', 600);
    const purpose = oneOf<OutboxMessage['purpose']>(ctx.query.purpose, 'purpose', outboxPurposes);
    const status = oneOf<OutboxMessage['status']>(ctx.query.status, 'status', outboxStatuses);
    ctx.body = await listOutboxMessages(services, {
      ...(envelopeId !== undefined ? { envelopeId } : {}),
      ...(to !== undefined ? { to } : {}),
      ...(cursor !== undefined ? { cursor } : {}),
      ...(purpose !== undefined ? { purpose } : {}),
      ...(status !== undefined ? { status } : {}),
      limit: queryNumber(ctx.query.limit, 'limit', { min: 1, max: outboxListMaxLimit, fallback: 50 }),
    });
  });
};
