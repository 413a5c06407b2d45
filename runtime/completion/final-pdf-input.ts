// The shapes composeFinalPdf takes: the converted original, its located marks, and what each signer
// did. Kept apart so the seal job can build the input without importing pdf-lib.
import type { SignatureMark } from '../../schemas/index.ts';
import type { SealDetails } from '../sealing/seal-placeholder.ts';

export interface FinalSigner {
  name: string;
  side: 'company' | 'counterparty';
  partyIndex: number;
  /** The email or phone the one-time code went to. */
  codeDestination: string | null;
  consentAt: string | null;
  codeConfirmedAt: string | null;
  signedAt: string;
  ip: string | null;
  userAgent: string | null;
  signaturePng: Uint8Array;
  stampPng: Uint8Array | null;
  fields: Record<string, string>;
  signatureMethod: string;
}

export interface FinalPdfInput {
  originalPdf: Uint8Array;
  marks: SignatureMark[];
  signers: FinalSigner[];
  envelopeId: string;
  documentId: string;
  title: string;
  senderCompany: string;
  originalSha256: string;
  completedAt: string;
  /** Absolute, for the QR code. */
  verifyUrl: string;
  language: 'en' | 'pt-BR';
  /**
   * Set: the composition ends with the seal's empty signature, so sealing (sealPreparedPdf) needs
   * no second parse and save. Unset: a plain PDF, for sealPdf or for looking at.
   */
  seal?: SealDetails;
}

/** Does this signer own the mark? company ↔ our side; client n ↔ the counterparty with partyIndex n. */
export function signerOwnsMark(signer: FinalSigner, mark: SignatureMark): boolean {
  if (mark.party === 'company') return signer.side === 'company';
  return signer.side === 'counterparty' && signer.partyIndex === mark.partyIndex;
}
