// The signer of an envelope named in a path, or a 404 that says which.
import { notFound } from '../errors/app-error.ts';
import type { SignerRow } from './envelope-info.ts';

export function findSigner(signers: readonly SignerRow[], signerId: string): SignerRow {
  const signer = signers.find((candidate) => candidate.id === signerId);
  if (!signer) throw notFound('Signer', signerId);
  return signer;
}
