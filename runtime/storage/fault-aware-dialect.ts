// Wraps a Kysely dialect so that a storage fault is never hidden and is remembered for /healthz.
// SQLite rolls a transaction back by itself on SQLITE_FULL (and on some BUSY/IOERR cases); Kysely
// then sends ROLLBACK, which fails with "cannot rollback - no transaction is active" and replaces
// the real error. A failed ROLLBACK on a transaction that is already gone is therefore dropped,
// and the original error travels on.
import type { CompiledQuery, DatabaseConnection, Dialect, Driver } from 'kysely';
import { storageFaultOf } from './storage-fault.ts';
import type { WriteFaults } from './write-faults.ts';

export interface FaultAwareOptions {
  faults: WriteFaults;
  /** SQLite: is a transaction still open on the connection? */
  inTransaction?: () => boolean;
}

const writeStatement = /^\s*(insert|update|delete|commit|with[\s\S]*\b(insert|update|delete)\b)/i;

function watchConnection(connection: DatabaseConnection, faults: WriteFaults): DatabaseConnection {
  const executeQuery = async <R>(query: CompiledQuery) => {
    try {
      const result = await connection.executeQuery<R>(query);
      if (writeStatement.test(query.sql)) faults.wrote();
      return result;
    } catch (error) {
      const fault = storageFaultOf(error);
      if (fault) faults.record(fault);
      throw error;
    }
  };
  // Everything else (the driver's private release method included) goes to the real connection.
  return new Proxy(connection, {
    get(target, property) {
      if (property === 'executeQuery') return executeQuery;
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function rollbackIsMoot(error: unknown, options: FaultAwareOptions): boolean {
  if (options.inTransaction) return !options.inTransaction();
  // PostgreSQL: the connection died, so did the transaction (pg drops the broken client).
  return storageFaultOf(error)?.kind === 'unavailable';
}

function wrapDriver(driver: Driver, options: FaultAwareOptions): Driver {
  // Drivers keep private fields, so every method is called on the driver itself.
  const wrapped: Driver = {
    init: () => driver.init(),
    acquireConnection: async () => watchConnection(await driver.acquireConnection(), options.faults),
    beginTransaction: (connection, settings) => driver.beginTransaction(connection, settings),
    commitTransaction: (connection) => driver.commitTransaction(connection),
    rollbackTransaction: async (connection) => {
      try {
        await driver.rollbackTransaction(connection);
      } catch (error) {
        if (!rollbackIsMoot(error, options)) throw error;
      }
    },
    releaseConnection: (connection) => driver.releaseConnection(connection),
    destroy: () => driver.destroy(),
  };
  if (driver.savepoint) wrapped.savepoint = driver.savepoint.bind(driver);
  if (driver.rollbackToSavepoint) wrapped.rollbackToSavepoint = driver.rollbackToSavepoint.bind(driver);
  if (driver.releaseSavepoint) wrapped.releaseSavepoint = driver.releaseSavepoint.bind(driver);
  return wrapped;
}

export function faultAwareDialect(dialect: Dialect, options: FaultAwareOptions): Dialect {
  return {
    createDriver: () => wrapDriver(dialect.createDriver(), options),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createAdapter: () => dialect.createAdapter(),
    createIntrospector: (db) => dialect.createIntrospector(db),
  };
}
