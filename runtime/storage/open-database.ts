// One entry point to storage: SQLite (embedded default, a file under ./data) or PostgreSQL
// (DATABASE_URL). Both speak through the same Kysely query layer and the same migrations.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseSchema } from './database-schema.ts';
import { migrate } from './migrate.ts';

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
  close(): Promise<void>;
}

// int8 (bigint) comes back from pg as a string; our bigints are epoch milliseconds, safe as numbers.
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10));

function openSqlite(file: string): Kysely<DatabaseSchema> {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new BetterSqlite3(file);
  // WAL + synchronous=NORMAL: durable against process crashes (kill -9), one fsync per checkpoint.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  return new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database: sqlite }) });
}

function openPostgres(config: DatabaseConfig): Kysely<DatabaseSchema> {
  const options = config.postgresSchema ? `-c search_path=${config.postgresSchema}` : undefined;
  const pool = new pg.Pool({
    connectionString: config.databaseUrl,
    max: config.poolSize ?? 10,
    ...(options ? { options } : {}),
  });
  return new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }) });
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  const dialect: Dialect = config.databaseUrl?.startsWith('postgres') ? 'postgres' : 'sqlite';
  const db = dialect === 'postgres' ? openPostgres(config) : openSqlite(config.sqliteFile ?? 'data/inkflow.sqlite');
  if (dialect === 'postgres' && config.postgresSchema) {
    await db.schema.createSchema(config.postgresSchema).ifNotExists().execute();
  }
  await migrate(db, dialect);
  return { db, dialect, close: () => db.destroy() };
}
