// Checks a document read from a file against its schema; the first violation becomes a FileProblem.
import {
  deepNestingMessage,
  findDeepNesting,
  maxConditionDepth,
  maxDocumentDepth,
  maxRuleConditionDepth,
} from '../../engine/json/find-deep-nesting.ts';
import { findNonFiniteNumber, nonFiniteMessage } from '../../engine/json/find-non-finite-number.ts';
import type { Flow, SchemaCheck } from '../../schemas/index.ts';
import { FileProblem } from './cli-errors.ts';

// Typed by the schema's const, so a new flow language version fails to type-check here until handled.
export const readableSchemaVersion: Flow['schemaVersion'] = 1;

/** A schemaVersion other than the one this build reads is reported as such, not as a schema violation. */
export function checkSchemaVersion(file: string, document: unknown): void {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return;
  if (!('schemaVersion' in document) || document.schemaVersion === readableSchemaVersion) return;
  const found = JSON.stringify(document.schemaVersion);
  throw new FileProblem(
    file,
    '/schemaVersion',
    `unsupported schemaVersion ${found}: this build of inkflow reads schemaVersion ${readableSchemaVersion}`,
  );
}

/** What the schema validators cannot be given: nesting past their recursion, Infinity and NaN. */
function checkReadable(file: string, document: unknown): void {
  // A compiled rule wraps a flow's conditions in groups of its own, so a rule set may nest deeper.
  const isFlow = typeof document === 'object' && document !== null && 'nodes' in document;
  const groups = isFlow ? maxConditionDepth : maxRuleConditionDepth;
  const deep = findDeepNesting(document, { groups, document: maxDocumentDepth });
  if (deep) throw new FileProblem(file, deep.pointer, deepNestingMessage(deep));
  const pointer = findNonFiniteNumber(document);
  if (pointer !== undefined) throw new FileProblem(file, pointer, nonFiniteMessage);
}

export function checkDocument<T>(file: string, document: unknown, check: (value: unknown) => SchemaCheck<T>): T {
  checkSchemaVersion(file, document);
  checkReadable(file, document);
  const result = check(document);
  if (result.ok) return result.value;
  const [first] = result.violations;
  throw new FileProblem(file, first?.pointer ?? '/', first?.message ?? 'does not match its schema');
}
