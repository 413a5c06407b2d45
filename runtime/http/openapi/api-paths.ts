// Every route of the runtime, for the OpenAPI document. A test holds this table and the routers
// together, so a route added without its entry fails the build.
import { accessPaths, settingsPaths } from './admin-paths.ts';
import { type ApiPath, api, ref } from './api-path.ts';
import { crmPaths } from './crm-paths.ts';
import { designerPaths } from './designer-paths.ts';
import { envelopePaths } from './envelope-paths.ts';
import { eventPaths } from './event-paths.ts';
import { flowPaths, templatePaths } from './flow-paths.ts';
import { outboxPaths } from './outbox-paths.ts';
import { verifyPaths } from './verify-paths.ts';
import { webhookPaths } from './webhook-paths.ts';

const systemPaths: readonly ApiPath[] = [
  {
    method: 'get',
    path: '/healthz',
    operationId: 'getHealth',
    summary: 'Whether the database and LibreOffice are usable (503 when one is not)',
    roles: 'public',
    responses: {
      200: { description: 'Both usable', schema: ref('Health') },
      503: { description: 'Degraded', schema: ref('Health') },
    },
  },
  {
    method: 'get',
    path: `${api}/openapi.json`,
    operationId: 'getOpenApi',
    summary: 'This document',
    roles: 'public',
    responses: { 200: { description: 'OpenAPI 3.1', schema: { type: 'object' } } },
  },
  {
    method: 'get',
    path: '/metrics',
    operationId: 'getMetrics',
    summary: 'Prometheus metrics (text format 0.0.4); the bearer token is INKFLOW_METRICS_TOKEN or an admin API token',
    roles: ['admin'],
    responses: {
      200: { description: 'The metrics', contentType: 'text/plain', schema: { type: 'string' } },
    },
    errors: [503],
    errorCodes: { 503: ['METRICS_STORE_UNAVAILABLE'] },
  },
];

export const apiPaths: readonly ApiPath[] = [
  ...systemPaths,
  ...accessPaths,
  ...settingsPaths,
  ...flowPaths,
  ...templatePaths,
  ...eventPaths,
  ...envelopePaths,
  ...designerPaths,
  ...verifyPaths,
  ...outboxPaths,
  ...webhookPaths,
  ...crmPaths,
];
