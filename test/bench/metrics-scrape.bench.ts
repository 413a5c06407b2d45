// What one GET /metrics scrape costs the store as the jobs table grows (it keeps every done job):
// `npx tsx test/bench/metrics-scrape.bench.ts [sqlite|postgres] [jobs]`. 0.3% of the jobs are not
// done (queued, running, failed), as in a store that keeps up. Beside the scrape, the cost of the
// count over every state that the scrape does not make (why done jobs are left out).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pino from 'pino';
import { scrapeMetrics } from '../../runtime/metrics/scrape-metrics.ts';
import { openDatabase } from '../../runtime/storage/open-database.ts';
import { testPostgresUrl } from '../support/database-places.ts';

const dialect = process.argv[2] === 'postgres' ? 'postgres' : 'sqlite';
const jobs = Number(process.argv[3] ?? 1_000_000);
const directory = mkdtempSync(join(tmpdir(), 'inkflow-metrics-bench-'));
const schema = `bench_metrics_${process.pid}`;
const database =
  dialect === 'sqlite'
    ? await openDatabase({ sqliteFile: join(directory, 'inkflow.sqlite') })
    : await openDatabase({ databaseUrl: testPostgresUrl, postgresSchema: schema });

const kinds = ['evaluate-run', 'make-document', 'deliver-message', 'seal-envelope', 'expire-envelope'];
const states = [...Array<'done'>(997).fill('done'), 'queued', 'running', 'failed'] as const;
const now = Date.now();
for (let start = 0; start < jobs; start += 2_000) {
  const rows = [];
  for (let at = start; at < Math.min(jobs, start + 2_000); at++) {
    rows.push({
      run_id: null,
      kind: kinds[at % kinds.length] as string,
      payload: '{}',
      status: states[at % states.length] as 'done',
      attempts: 1,
      max_attempts: 5,
      run_at: now - (at % 1_000) * 1_000,
      locked_by: null,
      lock_expires_at: null,
      last_error: null,
      dedupe_key: `bench:${at}`,
      created_at: '',
      updated_at: '',
    });
  }
  await database.db.insertInto('jobs').values(rows).execute();
}
if (dialect === 'postgres') await sql`analyze jobs`.execute(database.db);

async function median(work: () => Promise<unknown>): Promise<number> {
  await work();
  const times: number[] = [];
  for (let round = 0; round < 9; round++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[4] as number;
}

const services = { database, logger: pino({ level: 'silent' }), now: () => new Date() };
const scrape = await median(() => scrapeMetrics(services));
const everyState = await median(() =>
  database.db
    .selectFrom('jobs')
    .select(['kind', 'status', sql<number>`count(*)`.as('n')])
    .groupBy(['kind', 'status'])
    .execute(),
);
console.log(
  `${dialect}, ${jobs} jobs: a scrape ${scrape.toFixed(1)} ms (median of 9); counting jobs of every state would be ${everyState.toFixed(1)} ms`,
);
if (dialect === 'postgres') await sql.raw(`drop schema ${schema} cascade`).execute(database.db);
await database.close();
rmSync(directory, { recursive: true, force: true });
