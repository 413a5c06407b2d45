// The marks of a document that ask this signer for something: values to fill (kind 'field'),
// and whether a company stamp is required. Company side ↔ party 'company'; counterparty n ↔
// party 'client', partyIndex n. Marks are read defensively: a bad marks column asks for nothing.
import type { SignatureMark } from '../../schemas/index.ts';
import type { SignerRow } from '../envelopes/envelope-info.ts';

export interface RequestedField {
  name: string;
  label: string;
}

function parseMarks(marks: string): SignatureMark[] {
  try {
    const parsed: unknown = JSON.parse(marks);
    return Array.isArray(parsed) ? (parsed as SignatureMark[]).slice(0, 200) : [];
  } catch {
    return [];
  }
}

function isSignersMark(mark: SignatureMark, signer: Pick<SignerRow, 'side' | 'party_index'>): boolean {
  if (signer.side === 'company') return mark.party === 'company';
  return mark.party === 'client' && mark.partyIndex === signer.party_index;
}

/** passportNumber → "Passport number"; tax_id → "Tax id". */
export function humaniseFieldName(name: string): string {
  const words = name
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function requestedFields(marks: string, signer: Pick<SignerRow, 'side' | 'party_index'>): RequestedField[] {
  const names = new Set<string>();
  for (const mark of parseMarks(marks)) {
    if (mark.kind === 'field' && mark.field && /^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(mark.field)) {
      if (isSignersMark(mark, signer)) names.add(mark.field);
    }
  }
  return [...names].map((name) => ({ name, label: humaniseFieldName(name) }));
}

export function stampRequired(marks: string, signer: Pick<SignerRow, 'side' | 'party_index'>): boolean {
  return (
    signer.side === 'company' && parseMarks(marks).some((mark) => mark.kind === 'stamp' && isSignersMark(mark, signer))
  );
}
