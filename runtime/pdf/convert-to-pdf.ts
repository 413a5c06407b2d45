// The one entry point over LibreOffice: DOCX bytes in, PDF bytes out. Two providers:
// 'warm' keeps a pool of long-running soffice instances (9-18 PDFs/s on 2 cores, measured) and is
// the default; 'cold' starts one soffice per document through libreoffice-convert (0.15-1.8 PDFs/s)
// and serves as the baseline and a fallback. Figures: test/bench/pdf.bench.ts.
import { availableParallelism, tmpdir } from 'node:os';
import { createColdConverter } from './cold-converter.ts';
import { createWarmPool } from './warm-pool.ts';

export { PdfConversionError, type PdfFailureCode } from './pdf-conversion-error.ts';

export interface PdfConverter {
  /** Rejects with PdfConversionError: `retryable` is false only for bad input. */
  convert(docx: Uint8Array, options?: { timeoutMs?: number }): Promise<Uint8Array>;
  /** For /healthz: can LibreOffice convert right now? */
  health(): Promise<{ ok: boolean; detail: string }>;
  /** `instances`: the pool size (warm) or the soffice processes running now (cold). */
  stats(): { provider: 'warm' | 'cold'; instances: number; converted: number; failed: number; restarts: number };
  /** Kills every soffice it started and removes its files; idempotent. */
  close(): Promise<void>;
}

/** pino-compatible. */
export interface PdfLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface PdfConverterConfig {
  provider?: 'warm' | 'cold';
  /** Warm instances; default one per CPU core. */
  instances?: number;
  /** Per conversion, time spent in LibreOffice (not waiting in the queue); default 30 s. */
  timeoutMs?: number;
  /** Restart a warm instance after this many conversions; default 300, 0 = never. */
  restartAfter?: number;
  /** Restart a warm instance whose soffice holds more resident memory; default 1000 MB, 0 = no limit. */
  maxMemoryMb?: number;
  /** Where profiles and temp files go (in a fresh subdirectory); default os.tmpdir(). */
  workDir?: string;
  sofficePath?: string;
  /** A python3 with the `uno` module (Debian's python3-uno); default /usr/bin/python3. */
  pythonPath?: string;
  /** How long a warm instance may take to accept UNO connections; default 30 s. */
  startTimeoutMs?: number;
  logger?: PdfLogger;
}

export type ResolvedPdfConfig = Required<PdfConverterConfig>;

const silentLogger: PdfLogger = { info() {}, warn() {}, error() {} };

export function resolvePdfConfig(config: PdfConverterConfig = {}): ResolvedPdfConfig {
  return {
    provider: config.provider ?? 'warm',
    instances: Math.max(1, config.instances ?? availableParallelism()),
    timeoutMs: config.timeoutMs ?? 30_000,
    restartAfter: config.restartAfter ?? 300,
    maxMemoryMb: config.maxMemoryMb ?? 1000,
    workDir: config.workDir ?? tmpdir(),
    sofficePath: config.sofficePath ?? '/usr/bin/soffice',
    pythonPath: config.pythonPath ?? '/usr/bin/python3',
    // Measured 6-18 s to first connection on a loaded 2-core machine; 20 s was too tight.
    startTimeoutMs: config.startTimeoutMs ?? 30_000,
    logger: config.logger ?? silentLogger,
  };
}

export function createPdfConverter(config: PdfConverterConfig = {}): PdfConverter {
  const resolved = resolvePdfConfig(config);
  return resolved.provider === 'cold' ? createColdConverter(resolved) : createWarmPool(resolved);
}
