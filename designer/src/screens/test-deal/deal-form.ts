// The sample-deal form, built from the deal-event schema (which deal, company and contact
// properties exist, their types and limits) and the pipeline (its stages and typed custom fields).
// Every input is keyed by the JSON pointer it fills, so the schema's own violations land on it.
import type { Pipeline } from '../../../../schemas/index.ts';
import { loadSchema } from '../../../../schemas/validators.ts';

export type InputKind = 'text' | 'email' | 'number' | 'yesNo' | 'stage';

export interface InputSpec {
  /** The property name (or custom field id); shown as the label when no message is known. */
  name: string;
  kind: InputKind;
  required: boolean;
  maxLength?: number;
  pattern?: string;
  /** A custom field's label from the pipeline. */
  label?: string;
}

export interface DealFormSpec {
  deal: InputSpec[];
  company: InputSpec[];
  contact: InputSpec[];
  fields: InputSpec[];
}

interface PropertySchema {
  type?: string;
  format?: string;
  maxLength?: number;
  pattern?: string;
  $ref?: string;
  anyOf?: PropertySchema[];
}

interface ObjectSchema {
  required?: string[];
  properties: Record<string, PropertySchema>;
}

// Objects and lists of the deal get their own part of the form; the rest are single inputs.
const nested = new Set(['fields', 'company', 'contacts']);
const identifierRef = 'common.schema.json#/definitions/identifier';

function inputOf(name: string, property: PropertySchema, required: boolean): InputSpec {
  const refs = [property.$ref, ...(property.anyOf ?? []).map((member) => member.$ref)];
  const kind: InputKind =
    refs.includes(identifierRef) && /stageId$/i.test(name)
      ? 'stage'
      : property.type === 'number'
        ? 'number'
        : property.format === 'email'
          ? 'email'
          : 'text';
  const spec: InputSpec = { name, kind, required };
  if (property.maxLength !== undefined) spec.maxLength = property.maxLength;
  if (property.pattern !== undefined) spec.pattern = property.pattern;
  return spec;
}

function inputsOf(schema: ObjectSchema): InputSpec[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties)
    .filter(([name]) => !nested.has(name))
    .map(([name, property]) => inputOf(name, property, required.has(name)));
}

export function dealFormSpec(pipeline: Pipeline): DealFormSpec {
  const definitions = (loadSchema('deal-event.schema.json') as { definitions: Record<string, ObjectSchema> })
    .definitions;
  const fields = (pipeline.fields ?? []).map((field): InputSpec => {
    const kind: InputKind = field.type === 'number' ? 'number' : field.type === 'boolean' ? 'yesNo' : 'text';
    return { name: field.id, kind, required: false, ...(field.label ? { label: field.label } : {}) };
  });
  return {
    deal: inputsOf(definitions.deal as ObjectSchema),
    company: inputsOf(definitions.company as ObjectSchema),
    contact: inputsOf(definitions.contact as ObjectSchema),
    fields,
  };
}
