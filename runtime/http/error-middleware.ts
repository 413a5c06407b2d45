// Koa's single error handler: every failure leaves as { error: { code, message, details? } }.
// Unknown errors become a 500 without internals; they are logged with the request id.
import type { Middleware } from 'koa';
import type { Logger } from 'pino';
import type { ApiError, ApiErrorDetail } from '../../schemas/index.ts';
import { AppError } from '../errors/app-error.ts';
import { boundList } from '../errors/bounded-list.ts';
import { retryAfterSeconds, type StorageFault, storageFaultOf } from '../storage/storage-fault.ts';
import type { AppState } from './app-types.ts';
import { statusOfErrorKind } from './error-status.ts';

export function errorMiddleware(logger: Logger): Middleware<AppState> {
  return async (ctx, next) => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) {
        throw new AppError('not_found', 'ROUTE_NOT_FOUND', `No route ${ctx.method} ${ctx.path}`);
      }
    } catch (error) {
      const storageFault = storageFaultOf(error);
      if (storageFault) {
        // A full disk or a database gone away: 503 with Retry-After, and the real cause in the log.
        logger.error({ err: error, requestId: ctx.state.requestId, code: storageFault.code }, 'storage fault');
        ctx.set('retry-after', String(retryAfterSeconds(storageFault)));
      }
      const appError = storageFault ? storageError(storageFault) : toAppError(error);
      const status = appError ? statusOfErrorKind[appError.kind] : 500;
      const body: ApiError = appError
        ? {
            error: {
              code: appError.code,
              message: appError.message,
              ...boundedDetails(appError.details, appError.detailsTotal),
            },
          }
        : { error: { code: 'INTERNAL', message: `Unexpected error; request id ${ctx.state.requestId}` } };
      if (!appError) logger.error({ err: error, requestId: ctx.state.requestId }, 'unexpected error');
      ctx.status = status;
      ctx.body = body;
    }
  };
}

/** At most maxListedProblems details, with the total when some were left off. */
function boundedDetails(
  details: readonly ApiErrorDetail[] | undefined,
  declaredTotal: number | undefined,
): Pick<ApiError['error'], 'details' | 'truncated'> {
  if (!details) return {};
  const { items } = boundList(details);
  const total = Math.max(details.length, declaredTotal ?? 0);
  return { details: items, ...(total > items.length ? { truncated: { shown: items.length, total } } : {}) };
}

/** Errors thrown by Koa itself (ctx.throw, body limits) carry a status; map the common ones. */
function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  const status = (error as { status?: number }).status;
  const message = (error as { message?: string }).message ?? 'request rejected';
  if (status === 413) return new AppError('payload_too_large', 'PAYLOAD_TOO_LARGE', message);
  if (status === 415) return new AppError('unsupported_media_type', 'UNSUPPORTED_MEDIA_TYPE', message);
  if (status !== undefined && status >= 400 && status < 500) return new AppError('validation', 'BAD_REQUEST', message);
  return undefined;
}

function storageError(fault: StorageFault): AppError {
  return fault.kind === 'full'
    ? new AppError(
        'unavailable',
        'STORAGE_FULL',
        'The database cannot store more data (disk full); nothing was stored, retry later',
      )
    : new AppError(
        'unavailable',
        'STORAGE_UNAVAILABLE',
        'The database is unavailable; nothing was stored, retry later',
      );
}
