// Diagnostics grouped by the node and edge they concern, as decorations the canvas mapper
// compares by key (so a re-validation that finds the same problems re-renders nothing).
import type { Diagnostic, Flow } from '../../../schemas/types.generated.ts';
import type { NodeDecoration } from './flow-mapping.ts';

export interface DiagnosticsIndex {
  byNode: Map<string, Diagnostic[]>;
  byEdge: Map<string, Diagnostic[]>;
  /** Diagnostics about the flow as a whole (no node, no edge). */
  general: Diagnostic[];
  errorCount: number;
  warningCount: number;
}

/** A pointer `/nodes/3/...` names the node even when the diagnostic carries no nodeId. */
function nodeIdFromPointer(flow: Flow | null, pointer: string | undefined): string | undefined {
  const match = pointer ? /^\/nodes\/(\d+)/.exec(pointer) : null;
  return match && flow ? flow.nodes[Number(match[1])]?.id : undefined;
}

function edgeIdFromPointer(flow: Flow | null, pointer: string | undefined): string | undefined {
  const match = pointer ? /^\/edges\/(\d+)/.exec(pointer) : null;
  return match && flow ? flow.edges[Number(match[1])]?.id : undefined;
}

export function indexDiagnostics(diagnostics: readonly Diagnostic[], flow: Flow | null): DiagnosticsIndex {
  const byNode = new Map<string, Diagnostic[]>();
  const byEdge = new Map<string, Diagnostic[]>();
  const general: Diagnostic[] = [];
  let errorCount = 0;
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity === 'error') errorCount += 1;
    const edgeId = diagnostic.edgeId ?? (diagnostic.nodeId ? undefined : edgeIdFromPointer(flow, diagnostic.pointer));
    const nodeId = diagnostic.nodeId ?? nodeIdFromPointer(flow, diagnostic.pointer);
    if (edgeId) byEdge.set(edgeId, [...(byEdge.get(edgeId) ?? []), diagnostic]);
    if (nodeId) byNode.set(nodeId, [...(byNode.get(nodeId) ?? []), diagnostic]);
    if (!edgeId && !nodeId) general.push(diagnostic);
  }
  return { byNode, byEdge, general, errorCount, warningCount: diagnostics.length - errorCount };
}

export function nodeDecorations(index: DiagnosticsIndex): Map<string, NodeDecoration> {
  const decorations = new Map<string, NodeDecoration>();
  for (const [nodeId, list] of index.byNode) {
    decorations.set(nodeId, {
      issues: list,
      issuesKey: list.map((diagnostic) => `${diagnostic.severity}:${diagnostic.code}:${diagnostic.message}`).join('|'),
    });
  }
  return decorations;
}

/** Stable identity of a diagnostic for lists and focus (codes repeat across nodes). */
export function diagnosticKey(diagnostic: Diagnostic, index: number): string {
  return `${diagnostic.code}/${diagnostic.nodeId ?? diagnostic.edgeId ?? diagnostic.pointer ?? ''}/${index}`;
}
