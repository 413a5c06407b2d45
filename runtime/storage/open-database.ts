// One entry point to storage: SQLite (embedded default, a file under ./data) or PostgreSQL
// (DATABASE_URL). Both speak through the same Kysely query layer and the same migrations.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseSchema } from './database-schema.ts';
import { faultAwareDialect } from './fault-aware-dialect.ts';
import { migrate } from './migrate.ts';
import { storageFaultOf } from './storage-fault.ts';
import { WriteFaults } from './write-faults.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseConfig {
  /** postgres://… selects PostgreSQL; otherwise SQLite at sqliteFile. */
  databaseUrl?: string;
  sqliteFile?: string;
  /** PostgreSQL schema to use (tests isolate themselves in a schema of their own). */
  postgresSchema?: string;
  poolSize?: number;
}

export interface Database {
  db: Kysely<DatabaseSchema>;
  dialect: Dialect;
  /** The last storage fault a write met (disk full, database gone), for /healthz. */
  writeFaults: WriteFaults;
  /** SQLite only: the file's page budget (max_page_count) is used up, so no write can grow it. */
  sqliteFull?: () => boolean;
  close(): Promise<void>;
}

// int8 (bigint) comes back from pg as a string; our bigints are epoch milliseconds, safe as numbers.
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10));

function openSqlite(file: string, faults: WriteFaults): { db: Kysely<DatabaseSchema>; sqliteFull: () => boolean } {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new BetterSqlite3(file);
  // WAL + synchronous=NORMAL: durable against process crashes (kill -9), one fsync per checkpoint.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  const dialect = faultAwareDialect(new SqliteDialect({ database: sqlite }), {
    faults,
    inTransaction: () => sqlite.inTransaction,
  });
  const pages = (name: string) => Number(sqlite.pragma(name, { simple: true }));
  const sqliteFull = () => pages('page_count') >= pages('max_page_count') && pages('freelist_count') === 0;
  return { db: new Kysely<DatabaseSchema>({ dialect }), sqliteFull };
}

function openPostgres(config: DatabaseConfig, faults: WriteFaults): Kysely<DatabaseSchema> {
  const options = config.postgresSchema ? `-c search_path=${config.postgresSchema}` : undefined;
  const pool = new pg.Pool({
    connectionString: config.databaseUrl,
    max: config.poolSize ?? 10,
    ...(options ? { options } : {}),
  });
  // An idle pooled client whose server session ends (a restart, a failover) is dropped by the pool,
  // which emits 'error': unheard, that crashed the process. The next query connects afresh.
  const lost = (error: Error) =>
    faults.record(storageFaultOf(error) ?? { kind: 'unavailable', code: 'CONNECTION_LOST', message: error.message });
  pool.on('error', lost);
  pool.on('connect', (client) => {
    // A checked-out client whose socket ends emits 'error' too; unheard, it crashed the process.
    client.on('error', lost);
    // A FATAL message (57P01 terminated, a shutdown) ends the session; the query fails before the
    // socket closes, and Kysely would hand the dead client back to the pool for the next query.
    // pg-pool drops a client that is not `_queryable` on release (its own check, pg-pool/index.js).
    const connection = (client as unknown as { connection: NodeJS.EventEmitter }).connection;
    connection.on('errorMessage', (message: { severity?: string }) => {
      if (message.severity === 'FATAL' || message.severity === 'PANIC') {
        (client as unknown as { _queryable: boolean })._queryable = false;
      }
    });
  });
  return new Kysely<DatabaseSchema>({ dialect: faultAwareDialect(new PostgresDialect({ pool }), { faults }) });
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  const dialect: Dialect = config.databaseUrl?.startsWith('postgres') ? 'postgres' : 'sqlite';
  const writeFaults = new WriteFaults();
  const sqlite = dialect === 'sqlite' ? openSqlite(config.sqliteFile ?? 'data/inkflow.sqlite', writeFaults) : undefined;
  const db = sqlite?.db ?? openPostgres(config, writeFaults);
  if (dialect === 'postgres' && config.postgresSchema) {
    await db.schema.createSchema(config.postgresSchema).ifNotExists().execute();
  }
  await migrate(db, dialect);
  return { db, dialect, writeFaults, ...(sqlite ? { sqliteFull: sqlite.sqliteFull } : {}), close: () => db.destroy() };
}
