// Building diagnostics, and the one order they are reported in: errors before warnings, then
// flow-wide findings, then by the position of the node (or else the edge) in the document.
import type { Diagnostic, Flow } from '../../schemas/index.ts';

export type DiagnosticCode = Diagnostic['code'];

/** Where a finding points: the node or edge the designer highlights, and a JSON pointer. */
export interface Place {
  nodeId?: string;
  edgeId?: string;
  pointer?: string;
  relatedNodeIds?: string[];
}

function make(code: DiagnosticCode, severity: Diagnostic['severity'], message: string, place: Place): Diagnostic {
  const diagnostic: Diagnostic = { code, severity, message };
  if (place.nodeId !== undefined) diagnostic.nodeId = place.nodeId;
  if (place.edgeId !== undefined) diagnostic.edgeId = place.edgeId;
  if (place.pointer !== undefined) diagnostic.pointer = place.pointer;
  if (place.relatedNodeIds !== undefined) diagnostic.relatedNodeIds = place.relatedNodeIds;
  return diagnostic;
}

export const error = (code: DiagnosticCode, message: string, place: Place = {}): Diagnostic =>
  make(code, 'error', message, place);

export const warning = (code: DiagnosticCode, message: string, place: Place = {}): Diagnostic =>
  make(code, 'warning', message, place);

function firstIndexes(items: readonly { id: string }[]): Map<string, number> {
  const indexes = new Map<string, number>();
  items.forEach((item, index) => {
    if (!indexes.has(item.id)) indexes.set(item.id, index);
  });
  return indexes;
}

/** Stable sort, so findings at the same place keep the order the checks produced them in. */
export function orderDiagnostics(diagnostics: readonly Diagnostic[], flow: Flow): Diagnostic[] {
  const nodeIndexes = firstIndexes(flow.nodes);
  const edgeIndexes = firstIndexes(flow.edges);
  const position = (diagnostic: Diagnostic): number => {
    const node = diagnostic.nodeId === undefined ? undefined : nodeIndexes.get(diagnostic.nodeId);
    if (node !== undefined) return node;
    const edge = diagnostic.edgeId === undefined ? undefined : edgeIndexes.get(diagnostic.edgeId);
    if (edge !== undefined) return flow.nodes.length + edge;
    return -1;
  };
  const severityRank = (diagnostic: Diagnostic): number => (diagnostic.severity === 'error' ? 0 : 1);
  return [...diagnostics].sort((a, b) => severityRank(a) - severityRank(b) || position(a) - position(b));
}
