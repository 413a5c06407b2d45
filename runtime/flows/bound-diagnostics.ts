// Diagnostics in an answer: errors first, at most maxListedProblems, with the total when cut, so a
// flow with thousands of findings answers in kilobytes, not hundreds of megabytes.
import type { Diagnostic, Truncation } from '../../schemas/index.ts';
import { boundList } from '../errors/bounded-list.ts';

export function boundDiagnostics(diagnostics: readonly Diagnostic[]): {
  diagnostics: Diagnostic[];
  diagnosticsTruncated?: Truncation;
} {
  const ordered = [
    ...diagnostics.filter((diagnostic) => diagnostic.severity === 'error'),
    ...diagnostics.filter((diagnostic) => diagnostic.severity !== 'error'),
  ];
  const { items, truncated } = boundList(ordered);
  return { diagnostics: items, ...(truncated ? { diagnosticsTruncated: truncated } : {}) };
}
