// Diagnostics as lines a person can read and a script can grep:
// `error CODE node=<id> <pointer> message`, then a summary line naming the file.
import type { Diagnostic } from '../../schemas/index.ts';

export function formatDiagnostic(diagnostic: Diagnostic): string {
  const edge = diagnostic.edgeId ? ` edge=${diagnostic.edgeId}` : '';
  const where = `node=${diagnostic.nodeId ?? '-'}${edge} ${diagnostic.pointer || '-'}`;
  return `${diagnostic.severity} ${diagnostic.code} ${where} ${diagnostic.message}`;
}

const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

export function summarizeDiagnostics(file: string, diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (errors > 0) return `${file}: ${count(errors, 'error')}, ${count(warnings, 'warning')}`;
  return warnings > 0 ? `${file}: valid, ${count(warnings, 'warning')}` : `${file}: valid`;
}

/** Errors first, then warnings, each group in the validator's order; then the summary. All lines end in \n. */
export function formatDiagnostics(file: string, diagnostics: readonly Diagnostic[]): string {
  const ordered = [
    ...diagnostics.filter((diagnostic) => diagnostic.severity === 'error'),
    ...diagnostics.filter((diagnostic) => diagnostic.severity !== 'error'),
  ];
  return [...ordered.map(formatDiagnostic), summarizeDiagnostics(file, diagnostics)]
    .map((line) => `${line}\n`)
    .join('');
}
