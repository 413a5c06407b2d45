// One limit for the verify API and the /verify page together: 20 checks a minute per client IP.
// Each check may hash 30 MB, and both doors lead to the same work.
import type { Context } from 'koa';
import type { RuntimeServices } from '../services.ts';
import { createRateLimiter, type RateLimiter, TooManyRequests } from './rate-limit.ts';

export const verifyChecksPerMinute = 20;

const limiters = new WeakMap<RuntimeServices['database'], RateLimiter>();

/** Counts a check for the request's client IP; past the limit, sets Retry-After and throws 429. */
export function takeVerifySlot(services: RuntimeServices, ctx: Context): void {
  let limiter = limiters.get(services.database);
  if (!limiter) {
    limiter = createRateLimiter(verifyChecksPerMinute, 60_000);
    limiters.set(services.database, limiter);
  }
  try {
    limiter.take(ctx.ip, services.now().getTime());
  } catch (error) {
    if (error instanceof TooManyRequests) ctx.set('retry-after', String(error.retryAfterSeconds));
    throw error;
  }
}
