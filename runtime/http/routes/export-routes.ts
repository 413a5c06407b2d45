// GET /api/v1/export?format=json|csv[&pipelineId=]: the active flows' rules for analysts.
import { exportActiveFlows } from '../../flows/export-active-flows.ts';
import type { RouteModule } from '../app-types.ts';
import { attachment } from '../content-disposition.ts';
import { requireRole } from '../require-role.ts';

const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

export const registerExportRoutes: RouteModule = (router, services) => {
  router.get('/export', requireRole('analyst'), async (ctx) => {
    const format = single(ctx.query.format) ?? 'json';
    const file = await exportActiveFlows(services, format, single(ctx.query.pipelineId));
    ctx.type = file.contentType;
    ctx.set('content-disposition', attachment(file.fileName));
    ctx.body = file.text;
  });
};
