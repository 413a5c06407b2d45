// A per-client fixed-window limit kept in memory (one process's view: enough to keep one client
// from hashing 30 MB files in a loop). Windows are dropped when they end, so memory is bounded by
// the clients of one window, and by maxClients beyond that.
import { AppError } from '../errors/app-error.ts';

export interface RateLimiter {
  /** Counts one request of `client`; throws too_many_requests with the seconds to wait. */
  take(client: string, now: number): void;
}

export class TooManyRequests extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      'too_many_requests',
      'VERIFY_RATE_LIMITED',
      `Too many checks from your address; retry in ${retryAfterSeconds} s`,
    );
  }
}

export function createRateLimiter(limit: number, windowMs: number, maxClients = 10_000): RateLimiter {
  let windowStart = 0;
  let counts = new Map<string, number>();
  return {
    take(client, now) {
      if (now - windowStart >= windowMs) {
        windowStart = now;
        counts = new Map();
      }
      const used = counts.get(client) ?? 0;
      const retryAfter = Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000));
      if (used >= limit || (used === 0 && counts.size >= maxClients)) throw new TooManyRequests(retryAfter);
      counts.set(client, used + 1);
    },
  };
}
