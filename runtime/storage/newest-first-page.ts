// Pages of a table read newest first on (created_at, id) — envelopes, the outbox: the cursor is
// the last item's pair, so pages stay stable while new rows arrive.
import { validationError } from '../errors/app-error.ts';

export interface PageRow {
  created_at: string;
  id: string;
}

/** The (created_at, id) after which the next page starts, or a 400 saying what to send. */
export function decodePageCursor(cursor: string): { at: string; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof at === 'string' && typeof id === 'string') return { at, id };
  } catch {
    // Reported below.
  }
  throw validationError('CURSOR_INVALID', 'cursor must be the nextCursor of an earlier page');
}

/** The page's rows (the query asked for limit + 1) and, when more follow, the next page's cursor. */
export function pageOf<R extends PageRow>(rows: readonly R[], limit: number): { page: R[]; nextCursor?: string } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return rows.length > limit && last
    ? { page, nextCursor: Buffer.from(JSON.stringify([last.created_at, last.id])).toString('base64url') }
    : { page };
}
