// The secret a flow's call-webhook actions are signed with: one per flow, made the first time an
// admin reads it or a call needs it, replaced by rotate (no overlap: the flow's receiver is set up
// by the same admin who rotates it). GET/POST /api/v1/flows/:id/webhook-secret.
import type { FlowWebhookSecret } from '../../schemas/index.ts';
import { notFound } from '../errors/app-error.ts';
import type { RuntimeServices } from '../services.ts';
import { newWebhookSecret } from '../webhooks/webhook-ids.ts';

async function ensureFlow(services: RuntimeServices, flowId: string): Promise<void> {
  const flow = await services.database.db.selectFrom('flows').select('id').where('id', '=', flowId).executeTakeFirst();
  if (!flow) throw notFound('Flow', flowId);
}

/** The flow's secret, made now when it has none. Also used by the call itself (flow known). */
export async function flowWebhookSecret(services: RuntimeServices, flowId: string): Promise<FlowWebhookSecret> {
  const { db } = services.database;
  await db
    .insertInto('flow_webhook_secrets')
    .values({ flow_id: flowId, secret: newWebhookSecret(), created_at: services.now().toISOString() })
    .onConflict((conflict) => conflict.column('flow_id').doNothing())
    .execute();
  const row = await db
    .selectFrom('flow_webhook_secrets')
    .selectAll()
    .where('flow_id', '=', flowId)
    .executeTakeFirstOrThrow();
  return { flowId, secret: row.secret, createdAt: row.created_at };
}

export async function readFlowWebhookSecret(services: RuntimeServices, flowId: string): Promise<FlowWebhookSecret> {
  await ensureFlow(services, flowId);
  return flowWebhookSecret(services, flowId);
}

export async function rotateFlowWebhookSecret(services: RuntimeServices, flowId: string): Promise<FlowWebhookSecret> {
  await ensureFlow(services, flowId);
  const secret = newWebhookSecret();
  const at = services.now().toISOString();
  await services.database.db
    .insertInto('flow_webhook_secrets')
    .values({ flow_id: flowId, secret, created_at: at })
    .onConflict((conflict) => conflict.column('flow_id').doUpdateSet({ secret, created_at: at }))
    .execute();
  return { flowId, secret, createdAt: at };
}
