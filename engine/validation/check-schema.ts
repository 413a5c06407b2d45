// The first gate: is this a flow of the language version this build reads, and does it match
// flow.schema.json? Semantic checks only run on a document that passed both.
import { checkFlow, type Diagnostic, type Flow, type SchemaViolation } from '../../schemas/index.ts';
import { deepNestingMessage, findDeepNesting } from '../json/find-deep-nesting.ts';
import { findNonFiniteNumber, nonFiniteMessage } from '../json/find-non-finite-number.ts';
import { error, type Place } from './diagnostic.ts';

// Typed by the schema's const, so a new flow language version fails to type-check here until handled.
export const readableSchemaVersion: Flow['schemaVersion'] = 1;

export interface SchemaResult {
  flow?: Flow;
  diagnostics: Diagnostic[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function checkVersion(document: unknown): Diagnostic | undefined {
  const reads = `this build of inkflow reads flows with "schemaVersion": ${readableSchemaVersion}`;
  if (!isRecord(document)) {
    const found = Array.isArray(document) ? 'a list' : document === null ? 'null' : `a ${typeof document}`;
    return error('SCHEMA_VERSION_UNSUPPORTED', `The document is ${found}, not a flow object; ${reads}.`, {
      pointer: '/',
    });
  }
  if (!('schemaVersion' in document)) {
    return error(
      'SCHEMA_VERSION_UNSUPPORTED',
      `The document has no "schemaVersion"; ${reads}, so add "schemaVersion": ${readableSchemaVersion}.`,
      { pointer: '/' },
    );
  }
  if (document.schemaVersion === readableSchemaVersion) return undefined;
  return error(
    'SCHEMA_VERSION_UNSUPPORTED',
    `The flow has "schemaVersion": ${JSON.stringify(document.schemaVersion)}, but ${reads}; ` +
      'open it with a build that reads that version, or convert it.',
    { pointer: '/schemaVersion' },
  );
}

/** The node or edge a pointer lies under, when that item has an id to address it by. */
function placeOf(document: Record<string, unknown>, pointer: string): Place {
  const match = /^\/(nodes|edges)\/(\d+)(\/|$)/.exec(pointer);
  if (!match) return { pointer };
  const list = document[match[1] as string];
  const item = Array.isArray(list) ? (list[Number(match[2])] as unknown) : undefined;
  const id = isRecord(item) && typeof item.id === 'string' ? item.id : undefined;
  if (id === undefined) return { pointer };
  return match[1] === 'nodes' ? { nodeId: id, pointer } : { edgeId: id, pointer };
}

function describeViolation(place: Place, violation: SchemaViolation): string {
  const owner =
    place.nodeId !== undefined
      ? ` (node "${place.nodeId}")`
      : place.edgeId !== undefined
        ? ` (edge "${place.edgeId}")`
        : '';
  return `At ${violation.pointer}${owner}: ${violation.message}.`;
}

/** What ajv cannot be trusted with: nesting deeper than its recursion holds, and Infinity or NaN. */
function checkReadable(document: Record<string, unknown>): Diagnostic | undefined {
  const deep = findDeepNesting(document);
  if (deep) {
    const place = placeOf(document, deep.pointer);
    const message = describeViolation(place, { pointer: deep.pointer, message: deepNestingMessage(deep) });
    return error(deep.kind === 'groups' ? 'CONDITION_TOO_DEEP' : 'SCHEMA_INVALID', message, place);
  }
  const pointer = findNonFiniteNumber(document);
  if (pointer === undefined) return undefined;
  const place = placeOf(document, pointer);
  return error('SCHEMA_INVALID', describeViolation(place, { pointer, message: nonFiniteMessage }), place);
}

export function checkSchema(document: unknown): SchemaResult {
  const versionProblem = checkVersion(document);
  if (versionProblem) return { diagnostics: [versionProblem] };
  const unreadable = checkReadable(document as Record<string, unknown>);
  if (unreadable) return { diagnostics: [unreadable] };
  const result = checkFlow(document);
  if (result.ok) return { flow: result.value, diagnostics: [] };
  const diagnostics = result.violations.map((violation) => {
    const place = placeOf(document as Record<string, unknown>, violation.pointer);
    return error('SCHEMA_INVALID', describeViolation(place, violation), place);
  });
  return { diagnostics };
}
