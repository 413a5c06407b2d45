// INKFLOW_METRICS_PORT: /metrics alone on 127.0.0.1, without a token, for a Prometheus (or an
// agent) on the same machine. Bound to loopback only: no other host can reach it, so no token.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError } from '../errors/app-error.ts';
import { statusOfErrorKind } from '../http/error-status.ts';
import { type HttpServer, serveHttp } from '../serve-http.ts';
import type { RuntimeServices } from '../services.ts';
import { scrapeMetrics } from './scrape-metrics.ts';

export const metricsHost = '127.0.0.1';

function answer(response: ServerResponse, status: number, contentType: string, body: string): void {
  response.writeHead(status, {
    'content-type': contentType,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(body);
}

function error(response: ServerResponse, status: number, code: string, message: string): void {
  answer(response, status, 'application/json; charset=utf-8', JSON.stringify({ error: { code, message } }));
}

type ScrapeServices = Pick<RuntimeServices, 'database' | 'logger' | 'now'>;

async function handle(services: ScrapeServices, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const path = (request.url ?? '/').split('?')[0];
  if (path !== '/metrics') return error(response, 404, 'NOT_FOUND', 'This port serves GET /metrics only');
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('allow', 'GET, HEAD');
    return error(response, 405, 'METHOD_NOT_ALLOWED', 'Use GET /metrics');
  }
  try {
    const metrics = await scrapeMetrics(services);
    answer(response, 200, metrics.contentType, request.method === 'HEAD' ? '' : metrics.body);
  } catch (failure) {
    if (failure instanceof AppError)
      return error(response, statusOfErrorKind[failure.kind], failure.code, failure.message);
    services.logger.error({ err: failure }, 'metrics: scrape failed');
    error(response, 500, 'INTERNAL', 'The scrape failed; the log says why');
  }
}

export function serveMetricsPort(services: ScrapeServices, port: number): Promise<HttpServer> {
  return serveHttp(
    (request, response) => {
      handle(services, request, response).catch((error: unknown) => {
        // A client gone mid-answer must not become an unhandled rejection (which ends the process).
        services.logger.warn({ err: error }, 'metrics: answering a scrape failed');
        response.destroy();
      });
    },
    metricsHost,
    port,
  );
}
