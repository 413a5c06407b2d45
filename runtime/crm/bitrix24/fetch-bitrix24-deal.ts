// Reads what a deal event needs from the portal: crm.deal.get, crm.company.get (COMPANY_ID) and the
// deal's contacts (crm.deal.contact.items.get, then crm.contact.get for each of the first
// maxContacts in their SORT order). Each answer is checked against bitrix24.schema.json.
import {
  type Bitrix24Company,
  type Bitrix24Contact,
  type Bitrix24Deal,
  type Bitrix24DealContactItems,
  checkAgainst,
} from '../../../schemas/index.ts';
import { JobError } from '../../jobs/job-error.ts';
import type { Bitrix24Rest } from './bitrix24-rest.ts';

/** The deal event holds at most 100 contacts; a signing deal has a handful. */
export const maxContacts = 20;

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
  const company = present(deal.COMPANY_ID)
    ? checked<Bitrix24Company>(
        'crm.company.get',
        'bitrix24Company',
        await rest.call('crm.company.get', { id: String(deal.COMPANY_ID) }),
      )
    : undefined;
  const items = checked<Bitrix24DealContactItems>(
    'crm.deal.contact.items.get',
    'bitrix24DealContactItems',
    await rest.call('crm.deal.contact.items.get', { id: dealId }),
  );
  const ordered = [...items].sort((a, b) => Number(a.SORT ?? 0) - Number(b.SORT ?? 0));
  const contacts: Bitrix24DealSnapshot['contacts'] = [];
  for (const item of ordered.slice(0, maxContacts)) {
    const contact = checked<Bitrix24Contact>(
      'crm.contact.get',
      'bitrix24Contact',
      await rest.call('crm.contact.get', { id: String(item.CONTACT_ID) }),
    );
    contacts.push({ contact, primary: item.IS_PRIMARY === 'Y' });
  }
  return { deal, company, contacts, contactsLeftOut: Math.max(0, ordered.length - maxContacts) };
}
