// /api/v1/tokens: API tokens (admin). The secret is in the POST answer only.
import { checkAgainst, type TokenRequest } from '../../../schemas/index.ts';
import { issueToken } from '../../access/issue-token.ts';
import { listTokens } from '../../access/list-tokens.ts';
import { revokeToken } from '../../access/revoke-token.ts';
import type { RouteModule } from '../app-types.ts';
import { readJsonBody } from '../read-json-body.ts';
import { requireRole } from '../require-role.ts';

const checkTokenRequest = (value: unknown) =>
  checkAgainst<TokenRequest>('api.schema.json#/definitions/tokenRequest', value);

export const registerTokensRoutes: RouteModule = (router, services) => {
  router.post('/tokens', requireRole('admin'), async (ctx) => {
    const issued = await issueToken(services, await readJsonBody(ctx, checkTokenRequest), { by: ctx.state.principal });
    ctx.status = 201;
    ctx.body = issued;
  });
  router.get('/tokens', requireRole('admin'), async (ctx) => {
    ctx.body = await listTokens(services);
  });
  router.delete('/tokens/:id', requireRole('admin'), async (ctx) => {
    await revokeToken(services, ctx.params.id as string, ctx.state.principal);
    ctx.status = 204;
  });
};
