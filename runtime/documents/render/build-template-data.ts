// The data a template sees (schemas/template-data.schema.json): the deal as the CRM sent it, our
// company, the signers, and values computed for the deal's locale. Pure: `now` is passed in.
import type {
  Contact,
  DealEvent,
  OurCompany,
  PlannedSigner,
  TemplateData,
  TemplateDeal,
  TemplateSigner,
} from '../../../schemas/index.ts';
import { formatAmount, formatDate, formatDateTime, resolveLocale } from './format-for-locale.ts';

export interface TemplateDataInput {
  event: DealEvent;
  ourCompany: OurCompany;
  companySigner?: { name: string; email: string };
  signers?: readonly PlannedSigner[];
  documentType: string;
  documentId?: string;
  now: Date;
}

export function buildTemplateData(input: TemplateDataInput): TemplateData {
  const { event, now } = input;
  const deal = event.deal;
  const locale = resolveLocale(deal.locale);
  const occurredAt = new Date(event.occurredAt);
  const data: TemplateData = {
    deal: templateDeal(event),
    ourCompany: definedOnly({ ...input.ourCompany }),
    signers: templateSigners(input.signers ?? [], deal.contacts ?? [], input.companySigner),
    document: definedOnly({ type: input.documentType, id: input.documentId }),
    today: formatDate(now, locale),
    now: now.toISOString(),
    occurredAt: Number.isNaN(occurredAt.getTime()) ? event.occurredAt : formatDateTime(occurredAt, locale),
  };
  if (input.companySigner) data.companySigner = { name: input.companySigner.name, email: input.companySigner.email };
  if (deal.amount !== undefined) {
    data.amount = { formatted: formatAmount(deal.amount, deal.currency, locale), number: deal.amount };
  }
  return data;
}

function templateDeal(event: DealEvent): TemplateDeal {
  const deal = event.deal;
  const company = deal.company;
  return definedOnly({
    id: deal.id,
    title: deal.title,
    stageId: deal.stageId,
    amount: deal.amount,
    currency: deal.currency,
    locale: deal.locale,
    fields: { ...(deal.fields ?? {}) },
    company: company
      ? definedOnly({ name: company.name, taxId: company.taxId, address: company.address, id: company.id })
      : undefined,
    contacts: (deal.contacts ?? []).map((contact) =>
      definedOnly({ name: contact.name, email: contact.email, phone: contact.phone, role: contact.role }),
    ),
  });
}

// A counterparty planned by contact id, or a company signer planned as the responsible user, may
// arrive without a name: the deal's contact or the known company signer supplies it.
function templateSigners(
  planned: readonly PlannedSigner[],
  contacts: readonly Contact[],
  companySigner: TemplateDataInput['companySigner'],
): TemplateSigner[] {
  const ordered = [...planned].sort((a, b) => a.order - b.order);
  return ordered.map((signer) => {
    const known =
      signer.side === 'company' ? companySigner : contacts.find((contact) => contact.id === signer.contactId);
    return definedOnly({
      name: signer.name ?? known?.name,
      email: signer.email ?? known?.email,
      side: signer.side,
      order: signer.order,
    });
  });
}

/** Drops keys whose value is undefined, so an absent value is absent, not a key holding nothing. */
function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
