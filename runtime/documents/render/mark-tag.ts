// Reads a signature mark as the template author typed it: {%sign company}, {%sign client 2},
// {%stamp company}, {?client passportNumber}, {?company fieldName}. A bad mark throws an Error
// whose message names the tag and what to write instead (it becomes a template error on upload).
import type { MarkParty, SignatureMark } from '../../../schemas/index.ts';

export type MarkPrefix = '%' | '?';

const fieldPattern = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const maxPartyIndex = 50;

export function parseMarkTag(prefix: MarkPrefix, value: string): SignatureMark {
  const words = value.trim().split(/\s+/);
  const tag = `{${prefix}${value.trim()}}`.slice(0, 200);
  return prefix === '%' ? parseBlock(words, tag) : parseField(words, tag);
}

function parseBlock(words: string[], tag: string): SignatureMark {
  const [kind, ...rest] = words;
  if (kind !== 'sign' && kind !== 'stamp') {
    throw new Error(
      `${tag} is not a signature mark: write {%sign company}, {%sign client}, {%sign client 2} or {%stamp company}`,
    );
  }
  const { party, partyIndex } = parseParty(
    rest,
    tag,
    kind === 'sign' ? '{%sign company} or {%sign client 2}' : '{%stamp company}',
  );
  if (kind === 'stamp' && party !== 'company') {
    throw new Error(`${tag}: only our company stamps; write {%stamp company}`);
  }
  return { kind, party, partyIndex, tag };
}

function parseField(words: string[], tag: string): SignatureMark {
  const field = words.at(-1) ?? '';
  const { party, partyIndex } = parseParty(words.slice(0, -1), tag, '{?client passportNumber} or {?company fieldName}');
  if (!fieldPattern.test(field)) {
    throw new Error(
      `${tag}: "${field.slice(0, 70)}" is not a field name; use a letter then letters, digits or _ (at most 64), as in {?client passportNumber}`,
    );
  }
  return { kind: 'field', party, partyIndex, field, tag };
}

function parseParty(words: string[], tag: string, example: string): { party: MarkParty; partyIndex: number } {
  const [party, index, ...extra] = words;
  if ((party !== 'company' && party !== 'client') || extra.length > 0) {
    throw new Error(`${tag} names no party: the party is company or client (client 2, client 3…); write ${example}`);
  }
  if (index === undefined) return { party, partyIndex: 1 };
  const partyIndex = /^\d{1,2}$/.test(index) ? Number(index) : 0;
  if (partyIndex < 1 || partyIndex > maxPartyIndex || (party === 'company' && partyIndex !== 1)) {
    const allowed = party === 'company' ? 'company has no number' : `client numbers go from 1 to ${maxPartyIndex}`;
    throw new Error(`${tag}: "${index.slice(0, 20)}" is not a party number (${allowed}); write ${example}`);
  }
  return { party, partyIndex };
}

/** The words printed faintly in a mark's box, e.g. "Signature — Client 2", "Passport number — Client". */
export function markLabel(mark: SignatureMark): string {
  const party = mark.party === 'company' ? 'Company' : `Client${mark.partyIndex > 1 ? ` ${mark.partyIndex}` : ''}`;
  if (mark.kind === 'sign') return `Signature — ${party}`;
  if (mark.kind === 'stamp') return `Stamp — ${party}`;
  const words = (mark.field ?? '')
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return `${words.charAt(0).toUpperCase()}${words.slice(1)} — ${party}`;
}
