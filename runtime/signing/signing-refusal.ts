// Why a signer's step was refused, as the page will say it: a reason with what the signer needs
// to know (whom to ask, when it happened, when to retry). It is an AppError, so its kind alone
// chooses the HTTP status (runtime/http/error-status.ts); the page reads the reason.
import { AppError, type ErrorKind } from '../errors/app-error.ts';

export type RefusalReason =
  | 'unknown_link'
  | 'replaced_link'
  | 'expired'
  | 'cancelled'
  | 'declined'
  | 'completed'
  | 'already_signed'
  | 'already_declined'
  | 'not_your_turn'
  | 'code_locked'
  | 'too_many_codes'
  | 'code_too_soon'
  | 'session_required'
  | 'consent_required'
  | 'foreign_origin'
  | 'bad_request'
  | 'too_large'
  | 'bad_image';

const kindOfReason: Record<RefusalReason, ErrorKind> = {
  unknown_link: 'not_found',
  replaced_link: 'gone',
  expired: 'gone',
  cancelled: 'gone',
  declined: 'gone',
  completed: 'gone',
  already_signed: 'conflict',
  already_declined: 'gone',
  not_your_turn: 'conflict',
  code_locked: 'too_many_requests',
  too_many_codes: 'too_many_requests',
  code_too_soon: 'too_many_requests',
  session_required: 'forbidden',
  consent_required: 'conflict',
  foreign_origin: 'forbidden',
  bad_request: 'validation',
  too_large: 'payload_too_large',
  bad_image: 'unsupported_media_type',
};

export interface RefusalContext {
  company?: string;
  language?: 'en' | 'pt-BR';
  /** ISO time: when the signer signed or declined, or when a new code may be asked for. */
  at?: string;
  /** Seconds to wait, for Retry-After. */
  retryAfter?: number;
  detail?: string;
}

export class SigningRefusal extends AppError {
  readonly reason: RefusalReason;
  readonly context: RefusalContext;

  constructor(reason: RefusalReason, context: RefusalContext = {}, message: string = reason) {
    super(kindOfReason[reason], `SIGNING_${reason.toUpperCase()}`, message);
    this.reason = reason;
    this.context = context;
  }
}
