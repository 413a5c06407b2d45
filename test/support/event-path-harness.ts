// A real runtime for the event → run → document tests: test services (createTestServices), the
// app on an ephemeral port, a token per role, and job workers started on demand.

import { createJobHandlers } from '../../runtime/jobs/job-handlers.ts';
import { startWorkers, type WorkerPool } from '../../runtime/jobs/start-workers.ts';
import type { PdfConverter } from '../../runtime/pdf/convert-to-pdf.ts';
import type { RuntimeServices } from '../../runtime/services.ts';
import type { Dialect } from '../../runtime/storage/open-database.ts';
import type { Role } from '../../schemas/index.ts';
import { createTestServices, issueToken, startTestServer } from './test-services.ts';

export interface EventPathHarness {
  services: RuntimeServices;
  /** http://127.0.0.1:<port>/api/v1 */
  baseUrl: string;
  tokens: Record<Role, string>;
  startWorkers(options?: { concurrency?: number; retryBaseMs?: number }): WorkerPool;
  close(): Promise<void>;
}

export interface HarnessOptions {
  dialect: Dialect;
  pdf?: PdfConverter;
}

export async function openEventPathHarness(options: HarnessOptions): Promise<EventPathHarness> {
  const services = await createTestServices({ dialect: options.dialect, ...(options.pdf ? { pdf: options.pdf } : {}) });
  const server = await startTestServer(services);
  const tokens: Record<Role, string> = {
    admin: await issueToken(services, 'admin'),
    client: await issueToken(services, 'client'),
    analyst: await issueToken(services, 'analyst'),
  };
  const pools: WorkerPool[] = [];
  return {
    services,
    baseUrl: `${server.url}/api/v1`,
    tokens,
    startWorkers(workerOptions = {}) {
      const pool = startWorkers(services, createJobHandlers(services), {
        concurrency: workerOptions.concurrency ?? 2,
        ...(workerOptions.retryBaseMs ? { retryBaseMs: workerOptions.retryBaseMs } : {}),
      });
      pools.push(pool);
      return pool;
    },
    async close() {
      for (const pool of pools) await pool.stop(2_000);
      await server.close();
      await services.dispose();
    },
  };
}
