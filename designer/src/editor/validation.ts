// Validation as you draw: the engine's validateFlow on every change, in the browser, with the
// runtime's template and employee ids when known. Moves do not change the verdict, so an edit that
// only moved nodes reuses the last result (drags stay fluid on big flows).
import { type ValidationContext, validateFlow } from '../../../engine/validation/validate-flow.ts';
import type { Diagnostic, Flow } from '../../../schemas/types.generated.ts';

let lastMs = 0;
let runs = 0;

/** Milliseconds the last real validation took (the bench reads it). */
export function lastValidationMs(): number {
  return lastMs;
}

/** How many real validations ran (the bench waits for the one of its edit). */
export function validationRuns(): number {
  return runs;
}

function sameLogic(a: Flow, b: Flow): boolean {
  if (a === b) return true;
  if (a.edges !== b.edges || a.pipeline !== b.pipeline || a.nodes.length !== b.nodes.length) return false;
  if (a.schemaVersion !== b.schemaVersion || a.id !== b.id || a.name !== b.name) return false;
  return a.nodes.every((node, index) => {
    const other = b.nodes[index];
    return other !== undefined && other.id === node.id && other.type === node.type && other.data === node.data;
  });
}

export function createLiveValidator() {
  let last: { flow: Flow; context: ValidationContext; diagnostics: Diagnostic[] } | undefined;
  return (flow: Flow, context: ValidationContext): Diagnostic[] => {
    if (last && last.context === context && sameLogic(last.flow, flow)) {
      last = { ...last, flow };
      return last.diagnostics;
    }
    const started = performance.now();
    const { diagnostics } = validateFlow(flow, context);
    lastMs = performance.now() - started;
    runs++;
    last = { flow, context, diagnostics };
    return diagnostics;
  };
}

const identity = (diagnostic: Diagnostic) =>
  `${diagnostic.code}|${diagnostic.nodeId ?? ''}|${diagnostic.edgeId ?? ''}|${diagnostic.message}`;

/** The local findings plus what only the server knew (templates, employees for other roles). */
export function mergeDiagnostics(local: readonly Diagnostic[], server: readonly Diagnostic[]): Diagnostic[] {
  const known = new Set(local.map(identity));
  const extra = server.filter((diagnostic) => !known.has(identity(diagnostic)));
  return extra.length === 0 ? [...local] : [...local, ...extra];
}
