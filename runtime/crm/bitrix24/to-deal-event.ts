// A Bitrix24 deal as inkflow's deal event (schemas/deal-event.schema.json): TITLE, OPPORTUNITY,
// CURRENCY_ID, ASSIGNED_BY_ID (the responsible user: an employee id in inkflow), UF_CRM_* custom
// fields (renamed by INKFLOW_BITRIX24_FIELDS; numbers Bitrix24 sends as text become numbers), the
// company's TITLE and address, and the contacts, the primary one with the role "signer".
import type { Bitrix24FieldMap, Contact, DealEvent } from '../../../schemas/index.ts';
import type { Bitrix24DealSnapshot } from './fetch-bitrix24-deal.ts';

export const primaryContactRole = 'signer';
export const otherContactRole = 'contact';

export interface DealEventPlace {
  eventId: string;
  occurredAt: string;
  pipelineId: string;
  stageId: string;
  previousStageId: string | null;
}

const text = (value: unknown, max: number): string | undefined => {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const trimmed = String(value).trim();
  return trimmed === '' ? undefined : trimmed.slice(0, max);
};
const fieldName = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const plainNumber = /^-?(0|[1-9][0-9]{0,14})(\.[0-9]{1,6})?$/;
// Looser than a full address check on purpose; the schema's "email" format has the last word.
const email = /^[^\s@]{1,64}@[^\s@]{1,253}\.[^\s@]{1,63}$/;

function fieldValue(value: unknown): string | number | boolean | null | undefined {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined; // lists (multiple fields) and files are left out
  return plainNumber.test(value) ? Number(value) : value.slice(0, 2_000);
}

function customFields(
  snapshot: Bitrix24DealSnapshot,
  names: Bitrix24FieldMap,
): Record<string, string | number | boolean | null> {
  const fields: Record<string, string | number | boolean | null> = {};
  for (const [key, raw] of Object.entries(snapshot.deal)) {
    if (!key.startsWith('UF_CRM_')) continue;
    const name = Object.hasOwn(names, key) ? names[key] : key;
    const value = fieldValue(raw);
    if (name === undefined || value === undefined || !fieldName.test(name)) continue;
    fields[name] = value;
  }
  return fields;
}

function firstValue(
  values: readonly { VALUE: string; VALUE_TYPE?: string }[] | undefined,
  accept: (value: string) => boolean,
) {
  const usable = (values ?? []).filter((entry) => accept(entry.VALUE.trim()));
  return (usable.find((entry) => entry.VALUE_TYPE === 'WORK') ?? usable[0])?.VALUE.trim();
}

function contactOf(entry: Bitrix24DealSnapshot['contacts'][number]): Contact {
  const { contact } = entry;
  const id = String(contact.ID);
  const name = [contact.NAME, contact.SECOND_NAME, contact.LAST_NAME]
    .map((part) => text(part, 200))
    .filter(Boolean)
    .join(' ');
  const mail = firstValue(contact.EMAIL, (value) => value.length <= 320 && email.test(value));
  const phone = firstValue(contact.PHONE, (value) => value.length > 0 && value.length <= 40);
  return {
    id,
    name: name || `Contact ${id}`,
    ...(mail ? { email: mail } : {}),
    ...(phone ? { phone } : {}),
    role: entry.primary ? primaryContactRole : otherContactRole,
  };
}

function companyOf(snapshot: Bitrix24DealSnapshot): DealEvent['deal']['company'] {
  const company = snapshot.company;
  const name = text(company?.TITLE, 500);
  if (!company || !name) return undefined;
  const address = [company.ADDRESS, company.ADDRESS_POSTAL_CODE, company.ADDRESS_CITY, company.ADDRESS_COUNTRY]
    .map((part) => text(part, 300))
    .filter(Boolean)
    .join(', ');
  return { id: String(company.ID), name, ...(address ? { address: address.slice(0, 1000) } : {}) };
}

export function toDealEvent(
  snapshot: Bitrix24DealSnapshot,
  place: DealEventPlace,
  fieldNames: Bitrix24FieldMap,
): DealEvent {
  const { deal } = snapshot;
  const title = text(deal.TITLE, 500);
  const amount = deal.OPPORTUNITY === null || deal.OPPORTUNITY === undefined ? Number.NaN : Number(deal.OPPORTUNITY);
  const currency =
    typeof deal.CURRENCY_ID === 'string' && /^[A-Z]{3}$/.test(deal.CURRENCY_ID) ? deal.CURRENCY_ID : undefined;
  const responsible = text(deal.ASSIGNED_BY_ID, 200);
  const company = companyOf(snapshot);
  return {
    eventId: place.eventId,
    type: 'deal.stage_changed',
    occurredAt: place.occurredAt,
    pipelineId: place.pipelineId,
    deal: {
      id: String(deal.ID),
      ...(title ? { title } : {}),
      stageId: place.stageId,
      previousStageId: place.previousStageId,
      ...(Number.isFinite(amount) ? { amount } : {}),
      ...(currency ? { currency } : {}),
      ...(responsible && responsible !== '0' ? { responsibleUserId: responsible } : {}),
      fields: customFields(snapshot, fieldNames),
      ...(company ? { company } : {}),
      contacts: snapshot.contacts.map(contactOf),
    },
  };
}
