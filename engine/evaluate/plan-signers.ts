// Who signs a document the rule sends, and in which turn: the company signer and the counterparties.
import type { Contact, Deal, PlannedSigner, PlanWarning, SendDocumentSettings } from '../../schemas/index.ts';

/** The company's signer as an id, or undefined when the deal names nobody. */
function companySigner(
  settings: SendDocumentSettings,
  deal: Deal,
): { employeeId: string } | { userId: string } | undefined {
  if (settings.companySigner.kind === 'employee') return { employeeId: settings.companySigner.employeeId };
  return deal.responsibleUserId ? { userId: deal.responsibleUserId } : undefined;
}

function counterparty(contact: Contact, order: number): PlannedSigner {
  const signer: PlannedSigner = { side: 'counterparty', order, contactId: contact.id, name: contact.name };
  if (contact.email !== undefined) signer.email = contact.email;
  if (contact.phone !== undefined) signer.phone = contact.phone;
  return signer;
}

function matchingContacts(settings: SendDocumentSettings, deal: Deal): Contact[] {
  const contacts = deal.contacts ?? [];
  const { counterparties } = settings;
  return counterparties.kind === 'role' ? contacts.filter((contact) => contact.role === counterparties.role) : contacts;
}

/** Turns of each side. When one side has nobody, the other signs first: turns start at 1. */
function turns(settings: SendDocumentSettings, hasCompany: boolean, hasClients: boolean) {
  switch (settings.signingOrder) {
    case 'companyFirst':
      return { company: 1, clients: hasCompany ? 2 : 1 };
    case 'clientsFirst':
      return { company: hasClients ? 2 : 1, clients: 1 };
    case 'parallel':
      return { company: 1, clients: 1 };
  }
}

/** Signers for one planned document; what cannot be resolved from the deal becomes a warning. */
export function planSigners(
  settings: SendDocumentSettings,
  deal: Deal,
  ruleName: string,
  warnings: PlanWarning[],
): PlannedSigner[] {
  const company = companySigner(settings, deal);
  const contacts = matchingContacts(settings, deal);
  if (!company) {
    warnings.push({
      code: 'NO_RESPONSIBLE_USER',
      ruleName,
      message: `deal ${deal.id} has no responsible user to sign ${settings.documentType} for the company`,
    });
  }
  if (contacts.length === 0) {
    const which =
      settings.counterparties.kind === 'role' ? `no contact with role "${settings.counterparties.role}"` : 'no contact';
    warnings.push({
      code: 'NO_COUNTERPARTIES',
      ruleName,
      message: `deal ${deal.id} has ${which} to sign ${settings.documentType} as counterparty`,
    });
  }
  const turn = turns(settings, company !== undefined, contacts.length > 0);
  const signers: PlannedSigner[] = company ? [{ side: 'company', order: turn.company, ...company }] : [];
  for (const contact of contacts) signers.push(counterparty(contact, turn.clients));
  return signers;
}
