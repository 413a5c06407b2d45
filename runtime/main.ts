// `npm start`: one runtime process configured from the environment (see README, Configuration).
// SIGTERM / SIGINT drain HTTP, finish or hand back in-flight jobs, then exit. A failed start is
// one line on stderr and exit code 1, with nothing left running.
import { ConfigError, loadConfig, type RuntimeConfig } from './config.ts';
import { PortInUseError } from './serve-http.ts';
import { type RunningRuntime, startRuntime } from './start-runtime.ts';

async function start(): Promise<{ config: RuntimeConfig; runtime: RunningRuntime }> {
  try {
    const config = loadConfig();
    return { config, runtime: await startRuntime(config) };
  } catch (error) {
    // A taken port or a bad variable says what to change; other causes keep their stack for debugging.
    const expected = error instanceof PortInUseError || error instanceof ConfigError;
    const detail = error instanceof Error ? (expected ? error.message : (error.stack ?? error.message)) : String(error);
    process.stderr.write(`inkflow: ${detail}\n`);
    process.exit(1);
  }
}

const { config, runtime } = await start();
const { logger } = runtime.services;

if (runtime.adminToken) {
  // The secret goes to the terminal once, never into the structured log (only its hash is stored).
  logger.info({}, 'first start: admin API token created');
  const line = config.adminToken
    ? 'inkflow admin token: the one given in INKFLOW_ADMIN_TOKEN'
    : `inkflow admin token (shown once, keep it): ${runtime.adminToken}`;
  process.stderr.write(`\n${line}\n\n`);
}
if (runtime.port !== undefined) {
  process.stderr.write(
    `inkflow is serving http://localhost:${runtime.port}  (database: ${runtime.services.database.dialect})\n`,
  );
}

let signals = 0;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    signals += 1;
    if (signals > 1) process.exit(1);
    runtime.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
