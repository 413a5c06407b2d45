// Form values ⇄ deal event. Values are the inputs' text keyed by JSON pointer (/deal/amount,
// /deal/contacts/0/email, /deal/fields/region); building the event types them by the form spec,
// and the schema's own check (the same ajv validators as the runtime) has the last word.
import type { DealEvent, Scalar } from '../../../../schemas/index.ts';
import { checkDealEvent } from '../../../../schemas/validators.ts';
import type { DealFormSpec, InputSpec } from './deal-form.ts';

export interface Trigger {
  type: DealEvent['type'];
  /** The stage entered, or the completed/declined document's type. */
  selector: string;
}

export interface SampleForm {
  trigger: Trigger;
  values: Record<string, string>;
  contactCount: number;
  /** Custom fields of a stored event that the pipeline does not declare: kept as they were. */
  extraFields: Record<string, Scalar>;
  /** Kept from a stored event, so that a retest reads the same event. */
  eventId: string;
  occurredAt: string;
  documentId: string;
}

export type Problem = {
  pointer: string;
  reason: 'required' | 'number' | 'tooLong' | 'pattern' | 'schema';
  message?: string;
};

export type BuiltEvent = { ok: true; event: DealEvent } | { ok: false; problems: Problem[] };

function readInput(spec: InputSpec, pointer: string, text: string | undefined, problems: Problem[]): unknown {
  const value = (text ?? '').trim();
  if (value === '') {
    if (spec.required) problems.push({ pointer, reason: 'required' });
    return undefined;
  }
  if (spec.kind === 'number') {
    const number = Number(value.replace(',', '.'));
    if (!Number.isFinite(number)) problems.push({ pointer, reason: 'number' });
    return number;
  }
  if (spec.kind === 'yesNo') return value === 'true';
  if (spec.maxLength !== undefined && value.length > spec.maxLength) problems.push({ pointer, reason: 'tooLong' });
  if (spec.pattern !== undefined && !new RegExp(spec.pattern, 'u').test(value))
    problems.push({ pointer, reason: 'pattern' });
  return value;
}

function readObject(specs: InputSpec[], prefix: string, form: SampleForm, problems: Problem[]) {
  const object: Record<string, unknown> = {};
  for (const spec of specs) {
    const pointer = `${prefix}/${spec.name}`;
    const value = readInput(spec, pointer, form.values[pointer], problems);
    if (value !== undefined) object[spec.name] = value;
  }
  return object;
}

const isBlank = (specs: InputSpec[], prefix: string, form: SampleForm) =>
  specs.every((spec) => (form.values[`${prefix}/${spec.name}`] ?? '').trim() === '');

/**
 * The schema's check, or undefined where ajv cannot compile (a Content-Security-Policy without
 * 'unsafe-eval'): the form's own typed checks above then stand alone, and the runtime checks the
 * event again whenever it receives one (document preview).
 */
function schemaCheck(event: unknown): ReturnType<typeof checkDealEvent> | undefined {
  try {
    return checkDealEvent(event);
  } catch {
    return undefined;
  }
}

export function eventFromForm(spec: DealFormSpec, form: SampleForm, pipelineId: string): BuiltEvent {
  const problems: Problem[] = [];
  // A stage trigger is the stage the deal enters: it is the deal's stage by definition.
  const entered: Record<string, string> =
    form.trigger.type === 'deal.stage_changed' ? { '/deal/stageId': form.trigger.selector } : {};
  const filled = { ...form, values: { ...form.values, ...entered } };
  const deal = readObject(spec.deal, '/deal', filled, problems);
  const fields = { ...form.extraFields, ...readObject(spec.fields, '/deal/fields', form, problems) };
  if (Object.keys(fields).length > 0) deal.fields = fields;
  if (!isBlank(spec.company, '/deal/company', form))
    deal.company = readObject(spec.company, '/deal/company', form, problems);
  const contacts = [];
  for (let at = 0; at < form.contactCount; at++) {
    contacts.push(readObject(spec.contact, `/deal/contacts/${at}`, form, problems));
  }
  if (contacts.length > 0) deal.contacts = contacts;
  const event: Record<string, unknown> = {
    eventId: form.eventId,
    type: form.trigger.type,
    occurredAt: form.occurredAt,
    pipelineId,
    deal,
  };
  if (form.trigger.type !== 'deal.stage_changed') event.document = { id: form.documentId, type: form.trigger.selector };
  if (problems.length > 0) return { ok: false, problems };
  const checked = schemaCheck(event);
  if (!checked) return { ok: true, event: event as unknown as DealEvent };
  if (!checked.ok) {
    return {
      ok: false,
      problems: checked.violations.map((v) => ({ pointer: v.pointer, reason: 'schema', message: v.message })),
    };
  }
  return { ok: true, event: checked.value };
}

function writeObject(
  specs: InputSpec[],
  prefix: string,
  source: Record<string, unknown> | undefined,
  into: Record<string, string>,
) {
  for (const spec of specs) {
    const value = source?.[spec.name];
    if (value !== undefined && value !== null) into[`${prefix}/${spec.name}`] = String(value);
  }
}

/** A stored (or example) event as form values: the inverse of eventFromForm for the form's inputs. */
export function formFromEvent(spec: DealFormSpec, event: DealEvent): SampleForm {
  const values: Record<string, string> = {};
  const deal = event.deal as unknown as Record<string, unknown>;
  writeObject(spec.deal, '/deal', deal, values);
  writeObject(spec.company, '/deal/company', event.deal.company as Record<string, unknown> | undefined, values);
  (event.deal.contacts ?? []).forEach((contact, at) => {
    writeObject(spec.contact, `/deal/contacts/${at}`, contact as unknown as Record<string, unknown>, values);
  });
  writeObject(spec.fields, '/deal/fields', event.deal.fields, values);
  const declared = new Set(spec.fields.map((field) => field.name));
  const extraFields: Record<string, Scalar> = {};
  for (const [name, value] of Object.entries(event.deal.fields ?? {})) {
    if (!declared.has(name) && value !== undefined) extraFields[name] = value;
  }
  const selector = event.type === 'deal.stage_changed' ? event.deal.stageId : (event.document?.type ?? '');
  return {
    trigger: { type: event.type, selector },
    values,
    contactCount: event.deal.contacts?.length ?? 0,
    extraFields,
    eventId: event.eventId,
    occurredAt: event.occurredAt,
    documentId: event.document?.id ?? 'designer-test-document',
  };
}

/** A new, empty sample: a fresh event id so that nothing is mistaken for a stored event. */
export function blankForm(trigger: Trigger, now: Date): SampleForm {
  return {
    trigger,
    values: { '/deal/id': 'TEST-1' },
    contactCount: 0,
    extraFields: {},
    eventId: `designer-test-${now.getTime()}`,
    occurredAt: now.toISOString(),
    documentId: 'designer-test-document',
  };
}
