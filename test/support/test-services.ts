// Runtime services for tests over a store of their own (a temp SQLite file or a fresh PostgreSQL
// schema), plus the app on an ephemeral port and API tokens per role.
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { issueToken as issueApiToken } from '../../runtime/access/issue-token.ts';
import { loadConfig } from '../../runtime/config.ts';
import { createApp } from '../../runtime/http/create-app.ts';
import type { PdfConverter } from '../../runtime/pdf/convert-to-pdf.ts';
import type { RuntimeServices } from '../../runtime/services.ts';
import type { Role } from '../../schemas/index.ts';
import { dropPlace, newDatabasePlace, openPlace } from './database-places.ts';

export type TestDialect = 'sqlite' | 'postgres';

export interface TestServicesOptions {
  dialect?: TestDialect;
  pdf?: PdfConverter;
  now?: () => Date;
}

/** A converter for tests that make no PDF: any use is a test bug, so it says so. */
export const noPdfConverter: PdfConverter = {
  async convert(): Promise<Uint8Array> {
    throw new Error('no pdf in this test');
  },
  async health() {
    return { ok: false, detail: 'no pdf in this test' };
  },
  stats() {
    return { provider: 'cold', instances: 0, converted: 0, failed: 0, restarts: 0 };
  },
  async close() {},
};

export async function createTestServices(
  options: TestServicesOptions = {},
): Promise<RuntimeServices & { dispose(): Promise<void> }> {
  const place = newDatabasePlace(options.dialect ?? 'sqlite');
  const database = await openPlace(place);
  const config = { ...loadConfig({}), dataDir: place.directory, sqliteFile: place.sqliteFile, jobPollMs: 50 };
  return {
    config,
    database,
    pdf: options.pdf ?? noPdfConverter,
    logger: pino({ level: process.env.LOG_LEVEL ?? 'silent' }),
    now: options.now ?? (() => new Date()),
    async dispose() {
      await database.close();
      await dropPlace(place);
    },
  };
}

export async function startTestServer(services: RuntimeServices): Promise<{ url: string; close(): Promise<void> }> {
  const server = createApp(services).listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', () => resolve());
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export async function issueToken(services: RuntimeServices, role: Role, name = `test ${role}`): Promise<string> {
  const issued = await issueApiToken(services, { name, role });
  return issued.token;
}
