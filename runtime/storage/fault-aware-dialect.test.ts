// SQLite rolls a transaction back by itself when a statement without a statement journal hits
// SQLITE_FULL; Kysely's own ROLLBACK then failed with "cannot rollback - no transaction is active"
// and that replaced the real error. The store is capped with max_page_count, as a full disk.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from './open-database.ts';
import { storageFaultOf } from './storage-fault.ts';

describe('a transaction on a full SQLite database', () => {
  const directory = mkdtempSync(join(tmpdir(), 'inkflow-full-'));
  let database: Database;

  beforeAll(async () => {
    database = await openDatabase({ sqliteFile: join(directory, 'full.sqlite') });
    const pages = await sql<{ page_count: number }>`pragma page_count`.execute(database.db);
    await sql.raw(`pragma max_page_count = ${Number(pages.rows[0]?.page_count) + 2}`).execute(database.db);
  });
  afterAll(async () => {
    await database.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('fails with SQLITE_FULL, not a rollback error, stores nothing of it, and remembers the fault', async () => {
    const attempt = database.db.transaction().execute(async (trx) => {
      await trx.insertInto('settings').values({ key: 'small', value: 'written first' }).execute();
      await trx
        .insertInto('settings')
        .values({ key: 'big', value: 'x'.repeat(200_000) })
        .execute();
    });
    const error = await attempt.then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).not.toMatch(/cannot rollback/);
    expect(storageFaultOf(error)).toMatchObject({ kind: 'full', code: 'SQLITE_FULL' });
    const rows = await database.db.selectFrom('settings').select('key').where('key', 'in', ['small', 'big']).execute();
    expect(rows).toEqual([]);
    expect(database.writeFaults.current()).toMatchObject({ kind: 'full', code: 'SQLITE_FULL' });

    // The connection is usable afterwards, and a successful write clears the remembered fault.
    await database.db.insertInto('settings').values({ key: 'after', value: 'ok' }).execute();
    expect(database.writeFaults.current()).toBeUndefined();
  });
});

describe('storageFaultOf', () => {
  const coded = (code: string, message = 'x') => Object.assign(new Error(message), { code });

  it('tells a full store and an unreachable one from errors of the request', () => {
    expect(storageFaultOf(coded('SQLITE_FULL'))?.kind).toBe('full');
    expect(storageFaultOf(coded('53100'))?.kind).toBe('full');
    expect(storageFaultOf(coded('SQLITE_BUSY'))?.kind).toBe('unavailable');
    expect(storageFaultOf(coded('57P01'))?.kind).toBe('unavailable');
    expect(storageFaultOf(coded('08006'))?.kind).toBe('unavailable');
    expect(storageFaultOf(coded('ECONNREFUSED'))?.kind).toBe('unavailable');
    expect(storageFaultOf(new Error('Connection terminated unexpectedly'))?.kind).toBe('unavailable');
    expect(storageFaultOf(coded('SQLITE_CONSTRAINT_UNIQUE'))).toBeUndefined();
    expect(storageFaultOf(coded('23505'))).toBeUndefined();
    expect(storageFaultOf('not an error')).toBeUndefined();
  });
});
