// Where a test's database lives: a temp SQLite file, or a fresh PostgreSQL schema. A place can be
// opened more than once (two "processes" sharing one store) and is removed with dropPlace.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { type Database, type Dialect, openDatabase } from '../../runtime/storage/open-database.ts';

export const testPostgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export const dialects: readonly Dialect[] = ['sqlite', 'postgres'];

export interface DatabasePlace {
  dialect: Dialect;
  directory: string;
  sqliteFile: string;
  postgresSchema: string;
}

export function newDatabasePlace(dialect: Dialect): DatabasePlace {
  const directory = mkdtempSync(join(tmpdir(), 'inkflow-test-'));
  return {
    dialect,
    directory,
    sqliteFile: join(directory, 'inkflow.sqlite'),
    postgresSchema: `test_${randomBytes(6).toString('hex')}`,
  };
}

export function openPlace(place: DatabasePlace, poolSize?: number): Promise<Database> {
  if (place.dialect === 'sqlite') return openDatabase({ sqliteFile: place.sqliteFile });
  return openDatabase({
    databaseUrl: testPostgresUrl,
    postgresSchema: place.postgresSchema,
    ...(poolSize ? { poolSize } : {}),
  });
}

export async function dropPlace(place: DatabasePlace): Promise<void> {
  if (place.dialect === 'postgres') {
    const client = new pg.Client({ connectionString: testPostgresUrl });
    await client.connect();
    try {
      await client.query(`drop schema if exists ${place.postgresSchema} cascade`);
    } finally {
      await client.end();
    }
  }
  rmSync(place.directory, { recursive: true, force: true });
}

/** Opens a fresh place for the enclosing describe block and removes it afterwards. */
export function useDatabasePlace(dialect: Dialect): { readonly database: Database; readonly place: DatabasePlace } {
  let place: DatabasePlace | undefined;
  let database: Database | undefined;
  beforeAll(async () => {
    place = newDatabasePlace(dialect);
    database = await openPlace(place);
  });
  afterAll(async () => {
    await database?.close();
    if (place) await dropPlace(place);
  });
  return {
    get database() {
      if (!database) throw new Error('the database opens in beforeAll');
      return database;
    },
    get place() {
      if (!place) throw new Error('the place is made in beforeAll');
      return place;
    },
  };
}
