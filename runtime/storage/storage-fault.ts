// Which database errors are the store's fault rather than the request's: the disk (or the
// database's size cap) is full, or the database cannot be reached or is shutting down. They are
// answered 503 with Retry-After (runtime/http/error-middleware.ts) and reported by /healthz.
export interface StorageFault {
  kind: 'full' | 'unavailable';
  /** The driver's own code (SQLITE_FULL, 53100, ECONNREFUSED, …). */
  code: string;
  message: string;
}

// PostgreSQL SQLSTATEs: class 53 (insufficient resources), 57P0x (shutdown), class 08 (connection).
const postgresFull = new Set(['53100']);
const postgresUnavailable = /^(53[0-9A-Z]{3}|57P0[1-4]|08[0-9A-Z]{3})$/;
const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);
const sqliteUnavailable = /^SQLITE_(BUSY|LOCKED|IOERR|CANTOPEN|READONLY|NOMEM|PROTOCOL)/;
// pg says these without a code when the server goes away mid-query or the pool cannot connect.
const postgresGone =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i;

export function storageFaultOf(error: unknown): StorageFault | undefined {
  if (!(error instanceof Error)) return undefined;
  const raw = (error as { code?: unknown }).code;
  const code = typeof raw === 'string' ? raw : '';
  const fault = (kind: StorageFault['kind'], as = code) => ({ kind, code: as, message: error.message });
  if (code === 'SQLITE_FULL' || postgresFull.has(code) || code === 'ENOSPC') return fault('full');
  if (sqliteUnavailable.test(code) || postgresUnavailable.test(code) || networkCodes.has(code)) {
    return fault('unavailable');
  }
  if (postgresGone.test(error.message)) return fault('unavailable', 'CONNECTION_LOST');
  return undefined;
}

/** Seconds a client should wait before retrying: a full disk needs an operator, a blip does not. */
export function retryAfterSeconds(fault: StorageFault): number {
  return fault.kind === 'full' ? 30 : 5;
}
