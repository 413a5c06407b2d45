// PostgreSQL going away under a running runtime (a restart, a failover, an admin ending sessions):
// an idle pooled connection whose server session ends must not crash the process (pg's pool emits
// 'error', which nobody listened to), a query cut off is a storage fault (57P01) remembered for
// /healthz, and the next query works again on a fresh connection.
import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { storageFaultOf } from '../../runtime/storage/storage-fault.ts';
import { testPostgresUrl, useDatabasePlace } from '../support/database-places.ts';
import { waitFor } from '../support/wait-for.ts';

async function terminate(pid: number): Promise<void> {
  const admin = new pg.Client({ connectionString: testPostgresUrl });
  await admin.connect();
  try {
    await admin.query('select pg_terminate_backend($1)', [pid]);
  } finally {
    await admin.end();
  }
}

async function backendPid(db: ReturnType<typeof useDatabasePlace>['database']['db']): Promise<number> {
  const result = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db);
  return Number(result.rows[0]?.pid);
}

describe('PostgreSQL sessions ended under the runtime', () => {
  const store = useDatabasePlace('postgres');

  it('survives an idle connection being ended, and works again on the next query', async () => {
    const { database } = store;
    const idlePid = await backendPid(database.db);
    await terminate(idlePid);
    await waitFor(() => database.writeFaults.current() !== undefined, 5_000, 'the pool to notice');
    expect(database.writeFaults.current()?.kind).toBe('unavailable');
    const next = await backendPid(database.db);
    expect(next).not.toBe(idlePid);
  });

  it('reports a query cut off by the server as a storage fault', async () => {
    const { database } = store;
    const pid = await backendPid(database.db);
    const running = sql`select pg_sleep(10)`.execute(database.db).then(
      () => undefined,
      (error: unknown) => error,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    await terminate(pid);
    const error = await running;
    expect(storageFaultOf(error)).toMatchObject({ kind: 'unavailable' });
    expect(database.writeFaults.current()).toMatchObject({ kind: 'unavailable' });
    expect(await backendPid(database.db)).toBeGreaterThan(0);
  });
});
