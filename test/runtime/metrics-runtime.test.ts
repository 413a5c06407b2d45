// The metrics settings of a real runtime process: INKFLOW_METRICS_PORT serves /metrics on
// 127.0.0.1 without a token while the API port keeps asking for INKFLOW_METRICS_TOKEN; and the
// settings refuse a scrape token that could be guessed or a port that is none.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../runtime/config.ts';
import { killProcessGroup, type RuntimeProcess, startRuntimeProcess } from '../support/runtime-process.ts';
import { waitFor } from '../support/wait-for.ts';
import { parseMetrics } from './metrics-text.ts';

const scrapeToken = 'runtime-scrape-token-0123456789';

describe('metrics settings', () => {
  it('reads INKFLOW_METRICS_TOKEN and INKFLOW_METRICS_PORT, both unset by default', () => {
    expect(loadConfig({}).metrics).toEqual({ token: undefined, port: undefined });
    expect(loadConfig({ INKFLOW_METRICS_TOKEN: scrapeToken, INKFLOW_METRICS_PORT: '9464' }).metrics).toEqual({
      token: scrapeToken,
      port: 9464,
    });
  });

  it('refuses a short scrape token and a port that is not one', () => {
    expect(() => loadConfig({ INKFLOW_METRICS_TOKEN: 'short' })).toThrow(ConfigError);
    expect(() => loadConfig({ INKFLOW_METRICS_TOKEN: 'sixteen chars with spaces' })).toThrow(/without spaces/);
    expect(() => loadConfig({ INKFLOW_METRICS_PORT: '70000' })).toThrow(/INKFLOW_METRICS_PORT/);
    expect(() => loadConfig({ INKFLOW_METRICS_PORT: 'http' })).toThrow(/INKFLOW_METRICS_PORT/);
  });
});

describe('a runtime process with INKFLOW_METRICS_PORT', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'inkflow-metrics-'));
  let runtime: RuntimeProcess | undefined;
  let metricsPort = 0;

  beforeAll(async () => {
    runtime = await startRuntimeProcess({
      INKFLOW_DATA_DIR: dataDir,
      INKFLOW_WORKERS: '0',
      INKFLOW_PDF_PROVIDER: 'cold',
      INKFLOW_SEED_DEMO: '0',
      INKFLOW_METRICS_PORT: '0',
      INKFLOW_METRICS_TOKEN: scrapeToken,
      LOG_LEVEL: 'info',
    });
    const started = runtime;
    await waitFor(
      () => started.logLines.some((line) => line.includes('"metrics listening')),
      10_000,
      'the metrics port',
    );
    const line = started.logLines.find((entry) => entry.includes('"metrics listening')) as string;
    metricsPort = (JSON.parse(line) as { port: number }).port;
  }, 90_000);
  afterAll(() => {
    if (runtime) killProcessGroup(runtime.pid);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves /metrics on the loopback port without a token', async () => {
    expect(metricsPort).toBeGreaterThan(0);
    expect(metricsPort).not.toBe(runtime?.port);
    const response = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(response.status).toBe(200);
    const samples = parseMetrics(await response.text());
    expect(samples.value('inkflow_envelopes', { status: 'sent' })).toBe(0);
    expect(samples.value('process_resident_memory_bytes', {})).toBeGreaterThan(0);
  });

  it('keeps asking for a token on the API port', async () => {
    const bare = await fetch(`http://127.0.0.1:${runtime?.port}/metrics`);
    expect(bare.status).toBe(401);
    const withToken = await fetch(`http://127.0.0.1:${runtime?.port}/metrics`, {
      headers: { authorization: `Bearer ${scrapeToken}` },
    });
    expect(withToken.status).toBe(200);
  });
});
