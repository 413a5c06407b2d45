// Reads what a deal event needs from the portal: crm.deal.get, crm.company.get (COMPANY_ID) and the
// deal's contacts (crm.deal.contact.items.get, then crm.contact.get for each of the first
// maxContacts in their SORT order). Each answer is checked against bitrix24.schema.json; a company or
// contact deleted meanwhile is left out, a deleted deal is BITRIX24_NOT_FOUND.
import {
  type Bitrix24Company,
  type Bitrix24Contact,
  type Bitrix24Deal,
  type Bitrix24DealContactItems,
  checkAgainst,
} from '../../../schemas/index.ts';
import { JobError } from '../../jobs/job-error.ts';
import { type Bitrix24Rest, bitrix24NotFound } from './bitrix24-rest.ts';

/** The deal event holds at most 100 contacts; a signing deal has a handful. */
export const maxContacts = 20;

/** A company or contact deleted since the deal named it is left out, not a failure. */
async function unlessMissing(call: Promise<unknown>): Promise<unknown> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof JobError && error.code === bitrix24NotFound) return undefined;
    throw error;
  }
}

export interface Bitrix24DealSnapshot {
  /** With its UF_CRM_* custom fields, which the schema leaves open. */
  deal: Bitrix24Deal & Readonly<Record<string, unknown>>;
  company: Bitrix24Company | undefined;
  contacts: { contact: Bitrix24Contact; primary: boolean }[];
  /** Contacts beyond maxContacts, not fetched. */
  contactsLeftOut: number;
}

function checked<T>(method: string, definition: string, value: unknown): T {
  const result = checkAgainst<T>(`bitrix24.schema.json#/definitions/${definition}`, value);
  if (result.ok) return result.value;
  const first = result.violations[0];
  throw new JobError(
    'BITRIX24_ANSWER_INVALID',
    `Bitrix24 ${method} answered an unexpected shape: ${first?.pointer} ${first?.message}`,
    {
      retryable: false,
    },
  );
}

const present = (id: unknown): id is string | number =>
  id !== null && id !== undefined && String(id) !== '' && String(id) !== '0';

export async function fetchBitrix24Deal(rest: Bitrix24Rest, dealId: string): Promise<Bitrix24DealSnapshot> {
  const deal = checked<Bitrix24DealSnapshot['deal']>(
    'crm.deal.get',
    'bitrix24Deal',
    await rest.call('crm.deal.get', { id: dealId }),
  );
  const companyAnswer = present(deal.COMPANY_ID)
    ? await unlessMissing(rest.call('crm.company.get', { id: String(deal.COMPANY_ID) }))
    : undefined;
  const company =
    companyAnswer === undefined
      ? undefined
      : checked<Bitrix24Company>('crm.company.get', 'bitrix24Company', companyAnswer);
  const items = checked<Bitrix24DealContactItems>(
    'crm.deal.contact.items.get',
    'bitrix24DealContactItems',
    await rest.call('crm.deal.contact.items.get', { id: dealId }),
  );
  const ordered = [...items].sort((a, b) => Number(a.SORT ?? 0) - Number(b.SORT ?? 0));
  const contacts: Bitrix24DealSnapshot['contacts'] = [];
  for (const item of ordered.slice(0, maxContacts)) {
    const answer = await unlessMissing(rest.call('crm.contact.get', { id: String(item.CONTACT_ID) }));
    if (answer === undefined) continue;
    const contact = checked<Bitrix24Contact>('crm.contact.get', 'bitrix24Contact', answer);
    contacts.push({ contact, primary: item.IS_PRIMARY === 'Y' });
  }
  return { deal, company, contacts, contactsLeftOut: Math.max(0, ordered.length - maxContacts) };
}
