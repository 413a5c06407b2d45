// Why an outgoing call did not get a usable answer; the caller (webhook delivery) records the code
// and chooses whether to retry.
export type OutboundErrorCode = 'REFUSED' | 'TIMEOUT' | 'NETWORK' | 'REDIRECT_NOT_FOLLOWED' | 'RESPONSE_TOO_LARGE';

export class OutboundError extends Error {
  readonly code: OutboundErrorCode;
  readonly latencyMs: number;
  /** The receiver's status, when it answered (REDIRECT_NOT_FOLLOWED, RESPONSE_TOO_LARGE). */
  readonly status: number | undefined;
  /** The start of the receiver's body, when it answered (≤ 1 KiB). */
  readonly bodyExcerpt: string | undefined;

  constructor(
    code: OutboundErrorCode,
    message: string,
    latencyMs: number,
    answer?: { status: number; bodyExcerpt?: string },
  ) {
    super(message);
    this.name = 'OutboundError';
    this.code = code;
    this.latencyMs = latencyMs;
    this.status = answer?.status;
    this.bodyExcerpt = answer?.bodyExcerpt;
  }
}
