// GET /metrics on the API port, behind INKFLOW_METRICS_TOKEN or an admin token (authorize-scrape.ts).
// The auth middleware leaves /metrics alone, since the scrape token is no API token.
import type { AppRouter } from '../http/app-types.ts';
import type { RuntimeServices } from '../services.ts';
import { authorizeScrape } from './authorize-scrape.ts';
import { scrapeMetrics } from './scrape-metrics.ts';

export function registerMetricsRoute(router: AppRouter, services: RuntimeServices): void {
  router.get('/metrics', async (ctx) => {
    await authorizeScrape(services, ctx.get('authorization'));
    const metrics = await scrapeMetrics(services);
    ctx.set('cache-control', 'no-store');
    ctx.type = metrics.contentType;
    ctx.body = metrics.body;
  });
}
