// Projects an event onto flat facts. json-rules-engine and the compiled evaluator both read this
// projection, so neither depends on JSONPath (whose wrap/unwrap rules differ by match count).
import type { DealEvent } from '../../schemas/index.ts';

export type Facts = Record<string, unknown>;

/**
 * Own properties only: a field named `toString` or `constructor` that the event lacks would read
 * as Object.prototype's function, so `exists` would be true (and json-rules-engine would call it).
 */
function ownValue(record: Record<string, unknown> | undefined, key: string): unknown {
  return record !== undefined && record !== null && Object.hasOwn(record, key) ? record[key] : undefined;
}

function factValue(event: DealEvent, name: string): unknown {
  const deal = event.deal;
  switch (name) {
    case 'eventType':
      return event.type;
    case 'pipelineId':
      return event.pipelineId;
    case 'amount':
      return deal.amount;
    case 'currency':
      return deal.currency;
    case 'title':
      return deal.title;
    case 'stageId':
      return deal.stageId;
    case 'previousStageId':
      return deal.previousStageId;
    case 'responsibleUserId':
      return deal.responsibleUserId;
    case 'documentType':
      return event.document?.type;
    case 'company.id':
      return deal.company?.id;
    case 'company.name':
      return deal.company?.name;
    case 'company.taxId':
      return deal.company?.taxId;
    case 'company.address':
      return deal.company?.address;
    case 'contacts.count':
      return deal.contacts?.length ?? 0;
    case 'contacts.role':
      return (deal.contacts ?? []).flatMap((contact) => (contact.role === undefined ? [] : [contact.role]));
    case 'contacts.email':
      return (deal.contacts ?? []).flatMap((contact) => (contact.email === undefined ? [] : [contact.email]));
    case 'contacts.name':
      return (deal.contacts ?? []).map((contact) => contact.name);
    default:
      if (name.startsWith('fields.')) return ownValue(deal.fields, name.slice('fields.'.length));
      return undefined;
  }
}

/** Every named fact gets a value; an absent one is null, so `exists` means "not null" everywhere. */
export function toFacts(event: DealEvent, factNames: readonly string[]): Facts {
  const facts: Facts = {};
  for (const name of factNames) {
    const value = factValue(event, name);
    facts[name] = value === undefined ? null : value;
  }
  return facts;
}
