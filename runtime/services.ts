// What every use case may reach: configuration, storage, the PDF converter, a logger and a clock.
// Built once in runtime/start-runtime.ts and passed down; tests build their own.
import type { Logger } from 'pino';
import type { RuntimeConfig } from './config.ts';
import type { PdfConverter } from './pdf/convert-to-pdf.ts';
import type { Database } from './storage/open-database.ts';

export interface RuntimeServices {
  config: RuntimeConfig;
  database: Database;
  pdf: PdfConverter;
  logger: Logger;
  now: () => Date;
}
