// The facts a condition may test, and their types. Custom fields get their type from the pipeline.
import type { Pipeline } from '../../schemas/index.ts';

export type FactType = 'number' | 'string' | 'boolean' | 'list';

export interface FactInfo {
  name: string;
  type: FactType;
  description: string;
  /** Only meaningful for events of these types (undefined: every event type). */
  onlyFor?: ReadonlyArray<'deal.stage_changed' | 'document.completed' | 'document.declined'>;
}

const builtIn: readonly FactInfo[] = [
  { name: 'amount', type: 'number', description: 'deal amount' },
  { name: 'currency', type: 'string', description: 'deal currency (ISO 4217)' },
  { name: 'title', type: 'string', description: 'deal title' },
  { name: 'stageId', type: 'string', description: 'stage the deal is in' },
  { name: 'previousStageId', type: 'string', description: 'stage the deal came from' },
  { name: 'responsibleUserId', type: 'string', description: "deal's responsible user" },
  { name: 'company.id', type: 'string', description: "client company's CRM id" },
  { name: 'company.name', type: 'string', description: "client company's name" },
  { name: 'company.taxId', type: 'string', description: "client company's tax id" },
  { name: 'company.address', type: 'string', description: "client company's address" },
  { name: 'contacts.count', type: 'number', description: 'number of contacts on the deal' },
  { name: 'contacts.role', type: 'list', description: "the contacts' roles" },
  { name: 'contacts.email', type: 'list', description: "the contacts' emails" },
  { name: 'contacts.name', type: 'list', description: "the contacts' names" },
  {
    name: 'documentType',
    type: 'string',
    description: 'type of the completed or declined document',
    onlyFor: ['document.completed', 'document.declined'],
  },
];

/** Facts the compiler adds for triggers; flows may not test them directly. */
export const triggerFacts = ['pipelineId', 'eventType'] as const;

const builtInByName = new Map(builtIn.map((fact) => [fact.name, fact]));
const customFieldPrefix = 'fields.';

export function resolveFact(name: string, pipeline: Pipeline): FactInfo | undefined {
  const known = builtInByName.get(name);
  if (known) return known;
  if (!name.startsWith(customFieldPrefix)) return undefined;
  const fieldId = name.slice(customFieldPrefix.length);
  const field = pipeline.fields?.find((candidate) => candidate.id === fieldId);
  if (!field) return undefined;
  return { name, type: field.type, description: field.label ?? `custom field ${field.id}` };
}

export function listFacts(pipeline: Pipeline): FactInfo[] {
  const custom = (pipeline.fields ?? []).map((field) => ({
    name: `${customFieldPrefix}${field.id}`,
    type: field.type,
    description: field.label ?? `custom field ${field.id}`,
  }));
  return [...builtIn, ...custom];
}
