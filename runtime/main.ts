// `npm start`: one runtime process configured from the environment (see README, Configuration).
// SIGTERM / SIGINT finish or hand back in-flight jobs, then exit.
import { loadConfig } from './config.ts';
import { startRuntime } from './start-runtime.ts';

const config = loadConfig();
const runtime = await startRuntime(config);
const { logger } = runtime.services;

if (runtime.adminToken) {
  // Printed once, at first start: only its hash is stored.
  logger.info({ adminToken: runtime.adminToken }, 'first start: admin API token created');
  process.stderr.write(`\ninkflow admin token (shown once, keep it): ${runtime.adminToken}\n\n`);
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
