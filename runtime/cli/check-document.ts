// Checks a document read from a file against its schema; the first violation becomes a FileProblem.
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

export function checkDocument<T>(file: string, document: unknown, check: (value: unknown) => SchemaCheck<T>): T {
  checkSchemaVersion(file, document);
  const result = check(document);
  if (result.ok) return result.value;
  const [first] = result.violations;
  throw new FileProblem(file, first?.pointer ?? '/', first?.message ?? 'does not match its schema');
}
