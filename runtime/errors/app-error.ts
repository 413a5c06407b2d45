// The closed set of error kinds the runtime raises. runtime/http/error-status.ts maps each kind
// to one HTTP status; nothing else in the runtime chooses a status code.
import type { ApiErrorDetail } from '../../schemas/index.ts';

export type ErrorKind =
  | 'validation' // the request is malformed or breaks a rule: fix the input
  | 'unauthorized' // no or unknown API token
  | 'forbidden' // the token's role may not do this
  | 'not_found'
  | 'method_not_allowed' // the path exists, the method does not (the Allow header lists the methods)
  | 'conflict' // the request collides with the current state (e.g. delete a template in use)
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'too_many_requests' // a per-client or per-signer limit was reached: wait (Retry-After) or ask for a new link
  | 'gone' // the thing existed but can no longer be used (an expired, used or replaced link)
  | 'unavailable'; // a dependency (database, LibreOffice) cannot serve now: retry later

export class AppError extends Error {
  readonly kind: ErrorKind;
  /** Stable, machine-readable: e.g. EVENT_INVALID, TEMPLATE_NOT_DOCX, FLOW_INVALID. */
  readonly code: string;
  readonly details: ApiErrorDetail[] | undefined;
  /** Set when the thrower listed only the first details of more: the answer then gives the total. */
  detailsTotal: number | undefined;

  constructor(kind: ErrorKind, code: string, message: string, details?: ApiErrorDetail[]) {
    super(message);
    this.name = 'AppError';
    this.kind = kind;
    this.code = code;
    this.details = details;
    this.detailsTotal = undefined;
  }
}

export const validationError = (code: string, message: string, details?: ApiErrorDetail[]): AppError =>
  new AppError('validation', code, message, details);
export const notFound = (what: string, id: string): AppError =>
  new AppError('not_found', 'NOT_FOUND', `${what} "${id}" does not exist`);
export const conflict = (code: string, message: string, details?: ApiErrorDetail[]): AppError =>
  new AppError('conflict', code, message, details);
export const unavailable = (code: string, message: string): AppError => new AppError('unavailable', code, message);
