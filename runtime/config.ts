// Runtime configuration from the environment. Every variable is listed in the README.
import { availableParallelism, hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { type Bitrix24Config, readBitrix24Config } from './crm/bitrix24/bitrix24-config.ts';
import { parseAllowEntry } from './outbound/allow-list.ts';

export interface RuntimeConfig {
  host: string;
  port: number;
  /** postgres://… selects PostgreSQL; unset means SQLite in dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  sqliteFile: string;
  /** Seed the demo pipeline, templates and flow when the database is empty. */
  seedDemo: boolean;
  /** Run job workers in this process (a web-only process sets INKFLOW_WORKERS=0). */
  workers: number;
  /** Serve HTTP in this process (a worker-only process sets INKFLOW_HTTP=0). */
  http: boolean;
  jobLeaseMs: number;
  jobPollMs: number;
  /**
   * The host part of worker ids (`host:pid:random`): start-up reclaims the jobs of this host's dead
   * pids, so containers that share a hostname but not a pid namespace need one each.
   */
  workerHost: string;
  pdf: {
    provider: 'warm' | 'cold';
    instances: number;
    timeoutMs: number;
    restartAfter: number;
    maxMemoryMb: number;
  };
  shutdownGraceMs: number;
  logLevel: string;
  /** Token printed at first start; INKFLOW_ADMIN_TOKEN fixes it (e.g. for scripts). */
  adminToken: string | undefined;
  /**
   * The address signers and verifiers reach this instance at (links in emails, the QR code). Set
   * INKFLOW_PUBLIC_URL behind a proxy; the default suits a machine that opens its own links.
   */
  publicUrl: string;
  /**
   * The seal that signs final PDFs: a PKCS#12 file (INKFLOW_SEAL_P12, with INKFLOW_SEAL_P12_PASSWORD),
   * or, when unset, a certificate generated at first start and kept in the database.
   */
  seal: { p12File: string | undefined; p12Password: string };
  /** Messages to signers: SMTP_URL (unset: emails stay in the outbox, readable at GET /api/v1/outbox). */
  delivery: { smtpUrl: string | undefined; smtpFrom: string; smsGateway: 'outbox' | 'test' };
  /** The CRM connector (runtime/crm/): a Bitrix24 portal when INKFLOW_BITRIX24_WEBHOOK_URL is set. */
  crm: { bitrix24: Bitrix24Config | undefined };
  /**
   * Outgoing calls (webhooks): hosts, IPs or CIDRs that may be private (INKFLOW_WEBHOOK_ALLOW_PRIVATE)
   * or plain http (INKFLOW_WEBHOOK_ALLOW_HTTP); by default only https to public addresses is called.
   */
  outbound: { allowPrivate: string[]; allowHttp: string[] };
  /**
   * GET /metrics: on the API port with INKFLOW_METRICS_TOKEN or an admin token; and, when
   * INKFLOW_METRICS_PORT is set, also on 127.0.0.1 at that port without a token.
   */
  metrics: { token: string | undefined; port: number | undefined };
  /**
   * Outgoing webhooks (runtime/webhooks/): the pause before each retry (INKFLOW_WEBHOOK_RETRY_SCHEDULE_MS,
   * comma-separated ms; one attempt more than it lists), the per-attempt timeout, and when a failing
   * subscription is disabled: after this many failed attempts in a row spanning at least this long;
   * and how many days settled events and their delivery log are kept (INKFLOW_WEBHOOK_RETENTION_DAYS,
   * 0 keeps them for good).
   */
  webhooks: {
    retryScheduleMs: readonly number[];
    timeoutMs: number;
    disableAfterFailures: number;
    disableAfterMs: number;
    retentionDays: number;
  };
}

/** A variable the operator must fix; main.ts prints its message alone. */
export class ConfigError extends Error {}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number.parseInt(raw, 10);
  if (!Number.isFinite(value) || value < 0)
    throw new ConfigError(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

function publicUrl(env: NodeJS.ProcessEnv, port: number): string {
  const raw = env.INKFLOW_PUBLIC_URL;
  if (!raw) return `http://localhost:${port}`;
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:')
    throw new ConfigError(`INKFLOW_PUBLIC_URL must be an absolute http(s) URL, got "${raw}"`);
  return url.origin + url.pathname.replace(/\/+$/, '');
}

function delivery(env: NodeJS.ProcessEnv): RuntimeConfig['delivery'] {
  const smtpUrl = env.SMTP_URL || undefined;
  if (smtpUrl && !/^smtps?:\/\/[^\s]+$/.test(smtpUrl))
    throw new ConfigError(
      `SMTP_URL must look like smtp://user:pass@host:587 or smtps://…, got "${smtpUrl.replace(/\/\/[^@/]*@/, '//…@')}"`,
    );
  const gateway = env.SMS_GATEWAY || undefined;
  if (gateway !== undefined && gateway !== 'test')
    throw new ConfigError(`SMS_GATEWAY must be unset (SMS kept in the outbox) or "test", got "${gateway}"`);
  return { smtpUrl, smtpFrom: env.SMTP_FROM || 'inkflow <no-reply@localhost>', smsGateway: gateway ?? 'outbox' };
}

function metrics(env: NodeJS.ProcessEnv): RuntimeConfig['metrics'] {
  const token = env.INKFLOW_METRICS_TOKEN || undefined;
  // A scrape token guards process-wide figures: too short a one could be guessed.
  if (token !== undefined && (token.length < 16 || /\s/.test(token)))
    throw new ConfigError('INKFLOW_METRICS_TOKEN must be at least 16 characters without spaces');
  const port = env.INKFLOW_METRICS_PORT ? integer(env, 'INKFLOW_METRICS_PORT', 0) : undefined;
  if (port !== undefined && port > 65_535)
    throw new ConfigError(
      `INKFLOW_METRICS_PORT must be a port number (0 picks a free one), got "${env.INKFLOW_METRICS_PORT}"`,
    );
  return { token, port };
}

// 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h: eight attempts over 27 h 35 min (Standard Webhooks' reference schedule).
const defaultWebhookRetryScheduleMs = [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000];

function webhooks(env: NodeJS.ProcessEnv): RuntimeConfig['webhooks'] {
  const raw = env.INKFLOW_WEBHOOK_RETRY_SCHEDULE_MS;
  const schedule = raw ? raw.split(',').map((part) => Number(part.trim())) : defaultWebhookRetryScheduleMs;
  if (schedule.length > 20 || schedule.some((delay) => !Number.isInteger(delay) || delay < 0))
    throw new ConfigError(
      `INKFLOW_WEBHOOK_RETRY_SCHEDULE_MS must be up to 20 comma-separated non-negative integers (ms), got "${raw}"`,
    );
  return {
    retryScheduleMs: schedule,
    timeoutMs: integer(env, 'INKFLOW_WEBHOOK_TIMEOUT_MS', 10_000),
    disableAfterFailures: Math.max(1, integer(env, 'INKFLOW_WEBHOOK_DISABLE_AFTER_FAILURES', 8)),
    disableAfterMs: integer(env, 'INKFLOW_WEBHOOK_DISABLE_AFTER_MS', 86_400_000),
    retentionDays: integer(env, 'INKFLOW_WEBHOOK_RETENTION_DAYS', 30),
  };
}

function allowList(env: NodeJS.ProcessEnv, name: string): string[] {
  const raw = env[name] ?? '';
  if (raw.trim() === '') return [];
  const entries = raw.split(',').map((entry) => entry.trim());
  if (entries.length > 100) throw new ConfigError(`${name} lists ${entries.length} entries; at most 100 are allowed`);
  for (const entry of entries) {
    const parsed = parseAllowEntry(entry);
    if (typeof parsed === 'string')
      throw new ConfigError(`${name} must be comma-separated hostnames, IPs or CIDR ranges: ${parsed}`);
  }
  return entries;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  const dataDir = resolve(env.INKFLOW_DATA_DIR ?? 'data');
  const cores = availableParallelism();
  const provider = env.INKFLOW_PDF_PROVIDER === 'cold' ? 'cold' : 'warm';
  const port = integer(env, 'PORT', 3000);
  return {
    host: env.HOST ?? '0.0.0.0',
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    sqliteFile: env.INKFLOW_SQLITE_FILE ?? join(dataDir, 'inkflow.sqlite'),
    seedDemo: env.INKFLOW_SEED_DEMO !== '0',
    workers: integer(env, 'INKFLOW_WORKERS', cores),
    http: env.INKFLOW_HTTP !== '0',
    // Short, kept alive by heartbeats every third of it: a dead worker's jobs move within seconds.
    jobLeaseMs: integer(env, 'INKFLOW_JOB_LEASE_MS', 10_000),
    jobPollMs: integer(env, 'INKFLOW_JOB_POLL_MS', 200),
    workerHost: env.INKFLOW_WORKER_HOST || hostname(),
    pdf: {
      provider,
      instances: integer(env, 'INKFLOW_PDF_INSTANCES', Math.max(1, cores)),
      timeoutMs: integer(env, 'INKFLOW_PDF_TIMEOUT_MS', 30_000),
      restartAfter: integer(env, 'INKFLOW_PDF_RESTART_AFTER', 300),
      maxMemoryMb: integer(env, 'INKFLOW_PDF_MAX_MEMORY_MB', 1000),
    },
    shutdownGraceMs: integer(env, 'INKFLOW_SHUTDOWN_GRACE_MS', 10_000),
    logLevel: env.LOG_LEVEL ?? 'info',
    adminToken: env.INKFLOW_ADMIN_TOKEN || undefined,
    publicUrl: publicUrl(env, port),
    seal: {
      p12File: env.INKFLOW_SEAL_P12 ? resolve(env.INKFLOW_SEAL_P12) : undefined,
      p12Password: env.INKFLOW_SEAL_P12_PASSWORD ?? '',
    },
    delivery: delivery(env),
    crm: {
      bitrix24: readBitrix24Config(env, (message) => {
        throw new ConfigError(message);
      }),
    },
    outbound: {
      allowPrivate: allowList(env, 'INKFLOW_WEBHOOK_ALLOW_PRIVATE'),
      allowHttp: allowList(env, 'INKFLOW_WEBHOOK_ALLOW_HTTP'),
    },
    webhooks: webhooks(env),
    metrics: metrics(env),
  };
}
