// Compiled ajv validators for every schema: built once per process, on first use.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { type SchemaFile, schemaFiles } from './schema-files.ts';
import type { ActionPlan, DealEvent, Diagnostic, Flow, Pipeline, RuleSet } from './types.generated.ts';

const here = dirname(fileURLToPath(import.meta.url));

/** One schema violation, addressed by a JSON pointer into the checked document. */
export interface SchemaViolation {
  pointer: string;
  message: string;
}

export type SchemaCheck<T> = { ok: true; value: T } | { ok: false; violations: SchemaViolation[] };

export function loadSchema(file: SchemaFile): Record<string, unknown> {
  return JSON.parse(readFileSync(join(here, file), 'utf8')) as Record<string, unknown>;
}

let ajvInstance: Ajv | undefined;
function ajv(): Ajv {
  if (ajvInstance) return ajvInstance;
  const instance = new Ajv({ allErrors: true, discriminator: true, strict: false });
  // ajv-formats is CommonJS; its default export arrives wrapped under ESM.
  type AddFormats = (ajv: Ajv) => Ajv;
  const wrapped = addFormatsModule as unknown as { default?: AddFormats };
  const addFormats = wrapped.default ?? (addFormatsModule as unknown as AddFormats);
  addFormats(instance);
  for (const file of schemaFiles) instance.addSchema(loadSchema(file), file);
  ajvInstance = instance;
  return instance;
}

const compiled = new Map<string, ValidateFunction>();
function validatorFor(file: SchemaRef): ValidateFunction {
  let validate = compiled.get(file);
  if (!validate) {
    validate = ajv().getSchema(file);
    if (!validate) throw new Error(`schema ${file} is not registered`);
    compiled.set(file, validate);
  }
  return validate;
}

/** The item an error belongs to: /nodes/3, /edges/0, /deal, … (the root for top-level errors). */
function itemOf(pointer: string): string {
  const parts = pointer.split('/');
  return ['nodes', 'edges', 'rules', 'contacts'].includes(parts[1] ?? '')
    ? parts.slice(0, 3).join('/')
    : parts.slice(0, 2).join('/');
}

/**
 * Reduces ajv's error list to what a person can act on: per item of the document, the deepest,
 * most specific reasons (oneOf branches that failed further up are noise), so that independent
 * errors in different items all survive.
 */
export function describeErrors(errors: ErrorObject[]): SchemaViolation[] {
  const specific = errors.filter((error) => !['oneOf', 'anyOf', 'if'].includes(error.keyword));
  const pool = specific.length > 0 ? specific : errors;
  const depthOf = (error: ErrorObject) => error.instancePath.split('/').length;
  const deepestPerItem = new Map<string, number>();
  for (const error of pool) {
    const item = itemOf(error.instancePath);
    deepestPerItem.set(item, Math.max(deepestPerItem.get(item) ?? 0, depthOf(error)));
  }
  const seen = new Set<string>();
  const violations: SchemaViolation[] = [];
  for (const error of pool) {
    if (depthOf(error) < (deepestPerItem.get(itemOf(error.instancePath)) ?? 0) - 1) continue;
    const message = explain(error);
    const key = `${error.instancePath} ${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    violations.push({ pointer: error.instancePath === '' ? '/' : error.instancePath, message });
  }
  return violations;
}

function explain(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown property "${String(params.additionalProperty)}"`;
    case 'required':
      return `missing required property "${String(params.missingProperty)}"`;
    case 'enum':
      return `must be one of ${JSON.stringify(params.allowedValues)}`;
    case 'const':
      return `must be ${JSON.stringify(params.allowedValue)}`;
    default:
      return error.message ?? error.keyword;
  }
}

/** A schema file, or a definition inside one (e.g. `api.schema.json#/definitions/employee`). */
export type SchemaRef = SchemaFile | `${SchemaFile}#/definitions/${string}`;

export function checkAgainst<T>(file: SchemaRef, value: unknown): SchemaCheck<T> {
  return check<T>(file, value);
}

// ajv (allErrors) lists every error: 100,000 invalid contacts make 200,000, and describing them all
// took ~0.4 s of the event loop per request. Answers show 50 details; the first 2,000 errors are plenty.
const maxDescribedErrors = 2_000;

function check<T>(file: SchemaRef, value: unknown): SchemaCheck<T> {
  const validate = validatorFor(file);
  if (validate(value)) return { ok: true, value: value as T };
  return { ok: false, violations: describeErrors((validate.errors ?? []).slice(0, maxDescribedErrors)) };
}

export const checkFlow = (value: unknown): SchemaCheck<Flow> => check<Flow>('flow.schema.json', value);
export const checkPipeline = (value: unknown): SchemaCheck<Pipeline> => check<Pipeline>('pipeline.schema.json', value);
export const checkDealEvent = (value: unknown): SchemaCheck<DealEvent> =>
  check<DealEvent>('deal-event.schema.json', value);
export const checkRuleSet = (value: unknown): SchemaCheck<RuleSet> => check<RuleSet>('rule-set.schema.json', value);
export const checkActionPlan = (value: unknown): SchemaCheck<ActionPlan> =>
  check<ActionPlan>('action-plan.schema.json', value);
export const checkDiagnostic = (value: unknown): SchemaCheck<Diagnostic> =>
  check<Diagnostic>('diagnostic.schema.json', value);
