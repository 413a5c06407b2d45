// Which connections the flow language allows, checked while the user drags (so a forbidden edge
// is never drawn) and used by the node menu's "Connect to…". Roles come from the engine registry.
import { buildGraph, reachableFrom } from '../../../engine/flow/flow-graph.ts';
import { roleOf } from '../../../engine/flow/node-kinds.ts';
import type { Flow, FlowNode } from '../../../schemas/types.generated.ts';

export type ConnectionRefusal =
  | 'UNKNOWN_NODE'
  | 'SELF'
  | 'INTO_TRIGGER'
  | 'FROM_ACTION'
  | 'HANDLE_REQUIRED'
  | 'CYCLE'
  | 'DUPLICATE';

export interface ConnectionAttempt {
  source: string;
  target: string;
  sourceHandle?: string | null;
}

function nodeById(flow: Flow, id: string): FlowNode | undefined {
  return flow.nodes.find((node) => node.id === id);
}

/** Why this connection is refused, or undefined when it is allowed. */
export function refuseConnection(flow: Flow, attempt: ConnectionAttempt): ConnectionRefusal | undefined {
  const source = nodeById(flow, attempt.source);
  const target = nodeById(flow, attempt.target);
  if (!source || !target) return 'UNKNOWN_NODE';
  if (source.id === target.id) return 'SELF';
  if (roleOf(target) === 'trigger') return 'INTO_TRIGGER';
  if (roleOf(source) === 'action') return 'FROM_ACTION';
  const handle = attempt.sourceHandle ?? null;
  if (roleOf(source) === 'condition' && handle !== 'true' && handle !== 'false') return 'HANDLE_REQUIRED';
  const duplicate = flow.edges.some(
    (edge) => edge.source === source.id && edge.target === target.id && (edge.sourceHandle ?? null) === handle,
  );
  if (duplicate) return 'DUPLICATE';
  // The new edge closes a cycle exactly when the source is already reachable from the target.
  if (reachableFrom(buildGraph(flow), [target.id]).has(source.id)) return 'CYCLE';
  return undefined;
}

/** The nodes the source may connect to from this handle, in document order. */
export function validTargets(flow: Flow, sourceId: string, sourceHandle?: string | null): FlowNode[] {
  const source = nodeById(flow, sourceId);
  if (!source || roleOf(source) === 'action') return [];
  const handle = sourceHandle ?? null;
  if (roleOf(source) === 'condition' && handle !== 'true' && handle !== 'false') return [];
  const upstream = ancestorsOf(flow, source.id);
  const linked = new Set(
    flow.edges
      .filter((edge) => edge.source === source.id && (edge.sourceHandle ?? null) === handle)
      .map((edge) => edge.target),
  );
  return flow.nodes.filter(
    (target) =>
      target.id !== source.id && roleOf(target) !== 'trigger' && !linked.has(target.id) && !upstream.has(target.id),
  );
}

/** Nodes from which `id` can be reached: connecting `id` to any of them would close a cycle. */
function ancestorsOf(flow: Flow, id: string): Set<string> {
  const incoming = new Map<string, string[]>();
  for (const edge of flow.edges) {
    const list = incoming.get(edge.target) ?? [];
    list.push(edge.source);
    incoming.set(edge.target, list);
  }
  const seen = new Set<string>();
  const queue = [id];
  while (queue.length > 0) {
    const next = queue.pop() as string;
    for (const from of incoming.get(next) ?? []) {
      if (!seen.has(from)) {
        seen.add(from);
        queue.push(from);
      }
    }
  }
  return seen;
}

/** The output handles a node offers: a condition has true and false, triggers one, actions none. */
export function outputHandlesOf(node: FlowNode): (string | null)[] {
  const role = roleOf(node);
  if (role === 'condition') return ['true', 'false'];
  if (role === 'trigger') return [null];
  return [];
}
