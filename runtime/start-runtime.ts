// Starts one runtime process: storage (migrated), LibreOffice, the demo on an empty store,
// the first admin token, the HTTP server and the job workers; stop() shuts down gracefully.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ensureAdminToken } from './access/ensure-admin-token.ts';
import type { RuntimeConfig } from './config.ts';
import { createLogger } from './create-logger.ts';
import { seedDemo } from './demo/seed-demo.ts';
import { createApp } from './http/create-app.ts';
import { createJobHandlers } from './jobs/job-handlers.ts';
import { startWorkers, type WorkerPool } from './jobs/start-workers.ts';
import { createPdfConverter } from './pdf/convert-to-pdf.ts';
import { sweepOrphanedOffice } from './pdf/sweep-orphaned-office.ts';
import type { RuntimeServices } from './services.ts';
import { openDatabase } from './storage/open-database.ts';

export interface RunningRuntime {
  services: RuntimeServices;
  port: number | undefined;
  adminToken: string | undefined;
  stop(): Promise<void>;
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Keep-alive sockets would hold close() open; idle ones go now, busy ones when answered.
    server.closeIdleConnections();
  });
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
  if (config.seedDemo) await seedDemo(services);
  const adminToken = await ensureAdminToken(services);

  let server: Server | undefined;
  let port: number | undefined;
  if (config.http) {
    server = createServer(createApp(services).callback());
    port = await listen(server, config.host, config.port);
    logger.info({ port, host: config.host, database: database.dialect }, 'listening');
  }
  let workers: WorkerPool | undefined;
  if (config.workers > 0) {
    workers = startWorkers(services, createJobHandlers(services), { concurrency: config.workers });
    logger.info({ concurrency: config.workers, workerId: workers.workerId }, 'workers started');
  }

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      logger.info({}, 'shutting down');
      if (server) await closeServer(server);
      if (workers) await workers.stop(config.shutdownGraceMs);
      await pdf.close();
      await database.close();
      logger.info({}, 'stopped');
    })();
    return stopping;
  };
  return { services, port, adminToken, stop };
}
