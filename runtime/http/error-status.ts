// The one table from error kind to HTTP status.
import type { ErrorKind } from '../errors/app-error.ts';

export const statusOfErrorKind: Record<ErrorKind, number> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  gone: 410,
  unavailable: 503,
};
