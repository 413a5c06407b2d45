// Starts one runtime process: storage (migrated), LibreOffice, the demo on an empty store, the
// HTTP server, the first admin token, the start-up lease reclaim and the job workers. A start that
// fails stops everything it started; stop() drains HTTP and the workers, then closes the rest.
import { ensureAdminToken } from './access/ensure-admin-token.ts';
import { resumeStalledSealing } from './completion/resume-stalled-sealing.ts';
import type { RuntimeConfig } from './config.ts';
import { createLogger } from './create-logger.ts';
import { closeSmtpTransports } from './delivery/smtp-transport.ts';
import { seedDemo } from './demo/seed-demo.ts';
import { createApp } from './http/create-app.ts';
import { createJobHandlers } from './jobs/job-handlers.ts';
import { reclaimDeadWorkersJobs } from './jobs/reclaim-dead-workers-jobs.ts';
import { startWorkers, type WorkerPool } from './jobs/start-workers.ts';
import { serveMetricsPort } from './metrics/serve-metrics-port.ts';
import { closeOutboundConnections } from './outbound/post-outbound.ts';
import { createPdfConverter } from './pdf/convert-to-pdf.ts';
import { sweepOrphanedOffice } from './pdf/sweep-orphaned-office.ts';
import { loadSealIdentity } from './sealing/seal-identity.ts';
import { type HttpServer, serveHttp } from './serve-http.ts';
import type { RuntimeServices } from './services.ts';
import { openDatabase } from './storage/open-database.ts';
import { schedulePruneWebhookLog } from './webhooks/prune-webhook-log.ts';
import { resumeOpenDeliveries } from './webhooks/resume-open-deliveries.ts';

export interface RunningRuntime {
  services: RuntimeServices;
  port: number | undefined;
  /** INKFLOW_METRICS_PORT's server on 127.0.0.1, when set (0 picks a free port). */
  metricsPort: number | undefined;
  /** The first admin token's secret, at first start only: main.ts prints it on the terminal. */
  adminToken: string | undefined;
  stop(): Promise<void>;
}

export async function startRuntime(config: RuntimeConfig): Promise<RunningRuntime> {
  const logger = createLogger(config.logLevel);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, sqliteFile: config.sqliteFile });
  const orphans = sweepOrphanedOffice(config.dataDir);
  if (orphans.length > 0) logger.warn({ processGroups: orphans }, 'ended LibreOffice left behind by a killed runtime');
  const pdf = createPdfConverter({
    ...config.pdf,
    instances: config.workers > 0 ? config.pdf.instances : 1,
    workDir: config.dataDir,
    logger: logger.child({ component: 'pdf' }),
  });
  const services: RuntimeServices = { config, database, pdf, logger, now: () => new Date() };
  let server: HttpServer | undefined;
  let metricsServer: HttpServer | undefined;
  let workers: WorkerPool | undefined;
  let adminToken: string | undefined;
  try {
    if (config.seedDemo) await seedDemo(services);
    // The seal is made (or INKFLOW_SEAL_P12 opened) now: a bad seal file stops the start, not a signing.
    await loadSealIdentity(services);
    if (config.http) server = await serveHttp(createApp(services).callback(), config.host, config.port);
    if (config.metrics.port !== undefined) metricsServer = await serveMetricsPort(services, config.metrics.port);
    // Once the port is ours: a start that fails on a taken port must not make (and lose) the token
    // it would have printed. "listening" is said when the token exists.
    adminToken = await ensureAdminToken(services);
    if (server) logger.info({ port: server.port, host: config.host, database: database.dialect }, 'listening');
    if (metricsServer) logger.info({ port: metricsServer.port, host: '127.0.0.1' }, 'metrics listening, no token');
    const reclaimed = await reclaimDeadWorkersJobs(database, services.now(), config.workerHost);
    if (reclaimed > 0) logger.info({ reclaimed }, 'jobs of a stopped process taken back at start');
    const resumed = await resumeStalledSealing(services);
    if (resumed > 0) logger.warn({ resumed }, 'envelopes whose sealing had given up are sealed again');
    const deliveries = await resumeOpenDeliveries(services);
    if (deliveries > 0) logger.info({ deliveries }, 'webhook deliveries still open are queued again');
    await schedulePruneWebhookLog(services, services.now());
    if (config.workers > 0) {
      workers = startWorkers(services, createJobHandlers(services), {
        concurrency: config.workers,
        host: config.workerHost,
      });
      logger.info({ concurrency: config.workers, workerId: workers.workerId }, 'workers started');
    }
  } catch (error) {
    // Whatever failed (a taken port, a database error), nothing started here may outlive us.
    await Promise.allSettled([server?.close(0), metricsServer?.close(0), pdf.close()]);
    await database.close().catch(() => {});
    throw error;
  }

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      logger.info({}, 'shutting down');
      // Requests in flight (a manual document waits for LibreOffice) get the same grace as jobs.
      await Promise.all([
        server?.close(config.shutdownGraceMs),
        metricsServer?.close(config.shutdownGraceMs),
        workers?.stop(config.shutdownGraceMs),
      ]);
      closeSmtpTransports();
      closeOutboundConnections();
      await pdf.close();
      await database.close();
      logger.info({}, 'stopped');
    })();
    return stopping;
  };
  return { services, port: server?.port, metricsPort: metricsServer?.port, adminToken, stop };
}
