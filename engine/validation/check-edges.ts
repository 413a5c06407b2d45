// Each edge on its own: both ends exist, it leaves a condition by 'true' or 'false' (and nothing
// else by a branch handle), it does not lead into a trigger, and it does not leave an action.
import type { Diagnostic, FlowEdge, FlowNode } from '../../schemas/index.ts';
import { nodeKinds, roleOf } from '../flow/node-kinds.ts';
import { error } from './diagnostic.ts';
import type { FlowUnderCheck } from './flow-under-check.ts';
import { didYouMean } from './message-text.ts';

const isBranch = (handle: FlowEdge['sourceHandle']): boolean => handle === 'true' || handle === 'false';

function missingEnd(subject: FlowUnderCheck, edge: FlowEdge, index: number, end: 'source' | 'target'): Diagnostic {
  const known = [...subject.graph.nodes.keys()];
  const verb = end === 'source' ? 'starts at' : 'leads to';
  const message =
    `Edge "${edge.id}" ${verb} node "${edge[end]}", which is not in the flow.` +
    `${didYouMean(edge[end], known)} Connect it to an existing node or delete it.`;
  const code = end === 'source' ? 'EDGE_SOURCE_MISSING' : 'EDGE_TARGET_MISSING';
  return error(code, message, { edgeId: edge.id, pointer: `/edges/${index}/${end}` });
}

function checkSource(source: FlowNode, edge: FlowEdge, index: number): Diagnostic | undefined {
  const place = { nodeId: source.id, edgeId: edge.id };
  const role = roleOf(source);
  if (role === 'action') {
    const message =
      `Edge "${edge.id}" leaves action "${source.id}", but actions have no outputs; delete the edge. ` +
      'To do something after a document is signed or declined, start from a "Document completed" or ' +
      '"Document declined" trigger.';
    return error('EDGE_FROM_ACTION', message, { ...place, pointer: `/edges/${index}` });
  }
  if (role === 'condition' && !isBranch(edge.sourceHandle)) {
    const message =
      `Edge "${edge.id}" leaves condition "${source.id}" without saying which branch it takes; ` +
      'set its sourceHandle to "true" or "false".';
    return error('EDGE_HANDLE_INVALID', message, { ...place, pointer: `/edges/${index}` });
  }
  if (role === 'trigger' && isBranch(edge.sourceHandle)) {
    const message =
      `Edge "${edge.id}" leaves trigger "${source.id}" by the "${edge.sourceHandle}" handle, but only conditions ` +
      'have true/false outputs; remove the sourceHandle.';
    return error('EDGE_HANDLE_INVALID', message, { ...place, pointer: `/edges/${index}/sourceHandle` });
  }
  return undefined;
}

function checkTarget(target: FlowNode, edge: FlowEdge, index: number): Diagnostic | undefined {
  if (roleOf(target) !== 'trigger') return undefined;
  const message =
    `Edge "${edge.id}" leads into trigger "${target.id}" (${nodeKinds[target.type].title}), but triggers start ` +
    'a flow and take no input; delete the edge or point it at a condition or an action.';
  return error('EDGE_INTO_TRIGGER', message, { nodeId: target.id, edgeId: edge.id, pointer: `/edges/${index}/target` });
}

export function checkEdges(subject: FlowUnderCheck): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  subject.flow.edges.forEach((edge, index) => {
    const source = subject.graph.nodes.get(edge.source);
    const target = subject.graph.nodes.get(edge.target);
    const found = [
      source ? checkSource(source, edge, index) : missingEnd(subject, edge, index, 'source'),
      target ? checkTarget(target, edge, index) : missingEnd(subject, edge, index, 'target'),
    ];
    for (const diagnostic of found) if (diagnostic) diagnostics.push(diagnostic);
  });
  return diagnostics;
}
