// The shape of the whole graph: no cycles, at least one trigger, every node reachable from a
// trigger, and every trigger and condition leading somewhere.
import type { Diagnostic } from '../../schemas/index.ts';
import { findCycles, reachableFromTriggers } from '../flow/flow-graph.ts';
import { nodeKinds, roleOf } from '../flow/node-kinds.ts';
import { error, warning } from './diagnostic.ts';
import { type FlowUnderCheck, nodePointer, uniqueNodes } from './flow-under-check.ts';
import { nodeName } from './message-text.ts';

/** Each cycle once, starting at its node that comes first in the document. */
function distinctCycles(subject: FlowUnderCheck): string[][] {
  const seen = new Set<string>();
  const cycles: string[][] = [];
  const position = (id: string): number => subject.nodeIndex.get(id) ?? Number.MAX_SAFE_INTEGER;
  for (const cycle of findCycles(subject.graph)) {
    const key = [...cycle].sort().join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    const start = cycle.reduce((best, id, index) => (position(id) < position(cycle[best] as string) ? index : best), 0);
    cycles.push([...cycle.slice(start), ...cycle.slice(0, start)]);
  }
  return cycles;
}

function checkCycles(subject: FlowUnderCheck): Diagnostic[] {
  return distinctCycles(subject).map((cycle) => {
    const first = cycle[0] as string;
    const loop = [...cycle, first].map((id) => `"${id}"`).join(' → ');
    const message =
      `The flow loops back on itself: ${loop}. A flow must run from triggers to actions without cycles; ` +
      'remove one of the edges of this loop.';
    return error('FLOW_CYCLE', message, {
      nodeId: first,
      pointer: nodePointer(subject, first),
      relatedNodeIds: cycle,
    });
  });
}

function checkReach(subject: FlowUnderCheck): Diagnostic[] {
  if (subject.graph.triggers.length === 0) {
    const kinds = ['stageEntered', 'documentCompleted', 'documentDeclined'] as const;
    const titles = kinds.map((kind) => `"${nodeKinds[kind].title}"`).join(', ');
    const message = `The flow has no trigger, so nothing in it ever runs; add a trigger (${titles}) and connect it.`;
    return [warning('FLOW_NO_TRIGGER', message, { pointer: '/nodes' })];
  }
  const reached = reachableFromTriggers(subject.graph);
  return uniqueNodes(subject)
    .filter((node) => !reached.has(node.id))
    .map((node) => {
      const message =
        `${nodeName(node)} cannot be reached from any trigger, so it never runs; ` +
        'connect it from a trigger or a condition, or delete it.';
      return warning('NODE_UNREACHABLE', message, { nodeId: node.id, pointer: nodePointer(subject, node.id) });
    });
}

function checkOutputs(subject: FlowUnderCheck): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const node of uniqueNodes(subject)) {
    const role = roleOf(node);
    if (role === 'action' || (subject.graph.outgoing.get(node.id) ?? []).length > 0) continue;
    const message =
      role === 'trigger'
        ? `Trigger "${node.id}" has no outgoing edge, so it does nothing; connect it to a condition or an action.`
        : `Condition "${node.id}" has no outgoing edge, so its result is never used; connect its "true" or ` +
          '"false" output to an action or another condition.';
    diagnostics.push(warning('NODE_NO_OUTPUT', message, { nodeId: node.id, pointer: nodePointer(subject, node.id) }));
  }
  return diagnostics;
}

export function checkGraph(subject: FlowUnderCheck): Diagnostic[] {
  return [...checkCycles(subject), ...checkReach(subject), ...checkOutputs(subject)];
}
