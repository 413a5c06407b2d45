// Every area of the API, registered in this order under /api/v1.
import type { RouteModule } from '../app-types.ts';
import { registerBacktestRoutes } from './backtest-routes.ts';
import { registerCrmRoutes } from './crm-routes.ts';
import { registerDealsRoutes } from './deals-routes.ts';
import { registerDocumentsRoutes } from './documents-routes.ts';
import { registerEnvelopesRoutes } from './envelopes-routes.ts';
import { registerEventsRoutes } from './events-routes.ts';
import { registerExportRoutes } from './export-routes.ts';
import { registerFlowsRoutes } from './flows-routes.ts';
import { registerMeRoutes } from './me-routes.ts';
import { registerOutboxRoutes } from './outbox-routes.ts';
import { registerPipelinesRoutes } from './pipelines-routes.ts';
import { registerPreviewRoutes } from './preview-routes.ts';
import { registerRunsRoutes } from './runs-routes.ts';
import { registerSealRoutes } from './seal-routes.ts';
import { registerSettingsRoutes } from './settings-routes.ts';
import { registerStoredEventsRoutes } from './stored-events-routes.ts';
import { registerTemplatesRoutes } from './templates-routes.ts';
import { registerTokensRoutes } from './tokens-routes.ts';
import { registerVerifyRoutes } from './verify-routes.ts';
import { registerWebhooksRoutes } from './webhooks-routes.ts';

export const routeModules: readonly RouteModule[] = [
  registerTokensRoutes,
  registerPipelinesRoutes,
  registerSettingsRoutes,
  registerFlowsRoutes,
  registerExportRoutes,
  registerTemplatesRoutes,
  registerEventsRoutes,
  registerRunsRoutes,
  registerDocumentsRoutes,
  registerEnvelopesRoutes,
  registerDealsRoutes,
  registerMeRoutes,
  registerBacktestRoutes,
  registerStoredEventsRoutes,
  registerPreviewRoutes,
  registerVerifyRoutes,
  registerSealRoutes,
  registerOutboxRoutes,
  registerWebhooksRoutes,
  registerCrmRoutes,
];
