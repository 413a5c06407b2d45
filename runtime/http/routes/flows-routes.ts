// /api/v1/flows: drafts, validation, publishing, versions, rollback and diff. Analysts read; admins
// change. Handlers parse, call the use case and map the result.
import type { Context } from 'koa';
import {
  checkAgainst,
  checkFlow,
  type FlowCreateRequest,
  type PublishRequest,
  type RollbackRequest,
  type SchemaCheck,
} from '../../../schemas/index.ts';
import { readFlowWebhookSecret, rotateFlowWebhookSecret } from '../../actions/flow-webhook-secret.ts';
import { validationError } from '../../errors/app-error.ts';
import { createFlow } from '../../flows/create-flow.ts';
import { deleteFlow } from '../../flows/delete-flow.ts';
import { diffFlowVersions } from '../../flows/diff-flow-versions.ts';
import { getFlow } from '../../flows/get-flow.ts';
import { getFlowVersion } from '../../flows/get-flow-version.ts';
import { listFlowVersions } from '../../flows/list-flow-versions.ts';
import { listFlows } from '../../flows/list-flows.ts';
import { publishFlow } from '../../flows/publish-flow.ts';
import { rollbackFlow } from '../../flows/rollback-flow.ts';
import { saveFlowDraft } from '../../flows/save-flow-draft.ts';
import { validateFlowDraft } from '../../flows/validate-flow-draft.ts';
import type { RouteModule } from '../app-types.ts';
import { readJsonBody } from '../read-json-body.ts';
import { requireRole } from '../require-role.ts';
import { flowLocation } from '../resource-location.ts';

// A flow may hold 5,000 nodes and 20,000 edges (flow.schema.json): more than the default 1 MB.
const flowBodyLimit = 8 * 1024 * 1024;

const checkCreateRequest = (value: unknown) =>
  checkAgainst<FlowCreateRequest>('api.schema.json#/definitions/flowCreateRequest', value);
const anyJson = (value: unknown): SchemaCheck<unknown> => ({ ok: true, value });

const checkRollbackRequest = (value: unknown) =>
  checkAgainst<RollbackRequest>('api.schema.json#/definitions/rollbackRequest', value);
const checkPublishRequest = (value: unknown) =>
  checkAgainst<PublishRequest>('api.schema.json#/definitions/publishRequest', value);

function versionNumber(text: string | undefined, name: string): number {
  if (text === undefined || !/^[1-9][0-9]{0,8}$/.test(text)) {
    throw validationError(
      'VERSION_INVALID',
      `${name} must be a published version number (1, 2, …), not "${text ?? ''}"`,
      [{ pointer: `/${name}`, message: 'must be a positive integer' }],
    );
  }
  return Number(text);
}

function forceOf(value: string | string[] | undefined): boolean {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || text === 'false') return false;
  if (text === 'true') return true;
  throw validationError('FORCE_INVALID', `force must be true or false, not "${text}"`, [
    { pointer: '/force', message: 'must be true or false' },
  ]);
}

const hasBody = (ctx: Context): boolean =>
  Number.parseInt(ctx.get('content-length') || '0', 10) > 0 || ctx.get('transfer-encoding') !== '';

export const registerFlowsRoutes: RouteModule = (router, services) => {
  const id = (ctx: { params: Record<string, string | undefined> }) => ctx.params.id as string;
  router.post('/flows', requireRole('admin'), async (ctx) => {
    const created = await createFlow(services, await readJsonBody(ctx, checkCreateRequest, flowBodyLimit));
    ctx.status = 201;
    ctx.set('location', flowLocation(created.flow.id));
    ctx.body = created;
  });
  router.get('/flows', requireRole('analyst'), async (ctx) => {
    ctx.body = await listFlows(services);
  });
  router.get('/flows/:id', requireRole('analyst'), async (ctx) => {
    ctx.body = await getFlow(services, id(ctx));
  });
  router.delete('/flows/:id', requireRole('admin'), async (ctx) => {
    await deleteFlow(services, id(ctx), { force: forceOf(ctx.query.force) });
    ctx.status = 204;
  });
  router.put('/flows/:id/draft', requireRole('admin'), async (ctx) => {
    ctx.body = await saveFlowDraft(services, id(ctx), await readJsonBody(ctx, checkFlow, flowBodyLimit));
  });
  router.post('/flows/:id/validate', requireRole('analyst'), async (ctx) => {
    const candidate = hasBody(ctx) ? await readJsonBody(ctx, anyJson, flowBodyLimit) : undefined;
    ctx.body = await validateFlowDraft(services, id(ctx), candidate);
  });
  router.post('/flows/:id/publish', requireRole('admin'), async (ctx) => {
    const { message } = hasBody(ctx) ? await readJsonBody(ctx, checkPublishRequest) : ({} as PublishRequest);
    const publishedBy = ctx.state.principal?.name;
    const published = await publishFlow(services, id(ctx), {
      ...(message ? { message } : {}),
      ...(publishedBy ? { publishedBy } : {}),
    });
    ctx.status = 201;
    ctx.body = published;
  });
  router.post('/flows/:id/rollback', requireRole('admin'), async (ctx) => {
    const { version } = await readJsonBody(ctx, checkRollbackRequest);
    ctx.body = await rollbackFlow(services, id(ctx), version);
  });
  router.get('/flows/:id/versions', requireRole('analyst'), async (ctx) => {
    ctx.body = await listFlowVersions(services, id(ctx));
  });
  router.get('/flows/:id/versions/:version', requireRole('analyst'), async (ctx) => {
    ctx.body = await getFlowVersion(services, id(ctx), versionNumber(ctx.params.version, 'version'));
  });
  router.get('/flows/:id/diff', requireRole('analyst'), async (ctx) => {
    const from = versionNumber(ctx.query.from as string | undefined, 'from');
    const to = versionNumber(ctx.query.to as string | undefined, 'to');
    ctx.body = await diffFlowVersions(services, id(ctx), from, to);
  });
  // The secret a flow's call-webhook actions sign with: admin only, like a subscription's.
  router.get('/flows/:id/webhook-secret', requireRole('admin'), async (ctx) => {
    ctx.body = await readFlowWebhookSecret(services, id(ctx));
  });
  router.post('/flows/:id/webhook-secret/rotate', requireRole('admin'), async (ctx) => {
    ctx.body = await rotateFlowWebhookSecret(services, id(ctx));
  });
};
