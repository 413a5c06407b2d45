// Node-level difference between two versions of a flow, for the two read-only canvases side by
// side: the older shows what was removed or changed, the newer what was added or changed. A node
// counts as changed when its kind, its settings or where its edges lead changed; moving it on the
// canvas does not change a rule, so position is left out.

import { canonicalJson as canonical } from '../../../../engine/json/canonical-json.ts';
import type { Flow, FlowNode } from '../../../../schemas/index.ts';

export type NodeChange = 'added' | 'removed' | 'changed';

export interface NodeDiff {
  before: Record<string, 'removed' | 'changed'>;
  after: Record<string, 'added' | 'changed'>;
  /** Every change once, in the newer version's node order then the removed ones. */
  changes: Array<{ nodeId: string; change: NodeChange; label: string }>;
}

function outgoing(flow: Flow): Map<string, string> {
  const bySource = new Map<string, string[]>();
  for (const edge of flow.edges) {
    const list = bySource.get(edge.source) ?? [];
    list.push(`${edge.sourceHandle ?? ''}>${edge.target}`);
    bySource.set(edge.source, list);
  }
  return new Map([...bySource].map(([source, targets]) => [source, targets.sort().join('|')]));
}

const meaning = (node: FlowNode, edges: Map<string, string>): string =>
  `${node.type}\u0000${canonical(node.data)}\u0000${edges.get(node.id) ?? ''}`;

const labelOf = (node: FlowNode): string => node.data.label ?? node.id;

export function diffFlowNodes(before: Flow, after: Flow): NodeDiff {
  const diff: NodeDiff = { before: {}, after: {}, changes: [] };
  const oldNodes = new Map(before.nodes.map((node) => [node.id, node]));
  const newIds = new Set(after.nodes.map((node) => node.id));
  const [oldEdges, newEdges] = [outgoing(before), outgoing(after)];
  for (const node of after.nodes) {
    const old = oldNodes.get(node.id);
    if (!old) {
      diff.after[node.id] = 'added';
      diff.changes.push({ nodeId: node.id, change: 'added', label: labelOf(node) });
    } else if (meaning(old, oldEdges) !== meaning(node, newEdges)) {
      diff.before[node.id] = 'changed';
      diff.after[node.id] = 'changed';
      diff.changes.push({ nodeId: node.id, change: 'changed', label: labelOf(node) });
    }
  }
  for (const node of before.nodes) {
    if (newIds.has(node.id)) continue;
    diff.before[node.id] = 'removed';
    diff.changes.push({ nodeId: node.id, change: 'removed', label: labelOf(node) });
  }
  return diff;
}
