// The signature's Reason names the envelope ("inkflow envelope env_…"), so a sealed PDF that was
// changed afterwards (its SHA-256 no longer finds the envelope) still says which envelope it was.
export const sealReasonPrefix = 'inkflow envelope ';

export const sealReason = (envelopeId: string): string => `${sealReasonPrefix}${envelopeId}`;

const reasonPattern = /inkflow envelope ([A-Za-z0-9_-]{1,100})/;

/** The envelope id a signature dictionary's text names, if any. */
export function envelopeIdInSignature(text: string): string | undefined {
  return reasonPattern.exec(text)?.[1];
}
