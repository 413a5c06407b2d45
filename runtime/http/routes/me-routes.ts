// GET /api/v1/me: the calling token's id, name and role, so the designer hides what it may not do.
import type { Me } from '../../../schemas/index.ts';
import type { RouteModule } from '../app-types.ts';
import { requireRole } from '../require-role.ts';

export const registerMeRoutes: RouteModule = (router) => {
  router.get('/me', requireRole('client', 'analyst'), async (ctx) => {
    const { tokenId, name, role } = ctx.state.principal as NonNullable<typeof ctx.state.principal>;
    const me: Me = { tokenId, name, role };
    ctx.body = me;
  });
};
