// DUPLICATE_ID: edges, the designer and every diagnostic address nodes and edges by id, so an id
// used twice makes the second item unreachable by name (the graph keeps the first one).
import type { Diagnostic, Flow } from '../../schemas/index.ts';
import { error } from './diagnostic.ts';

function duplicates(items: readonly { id: string }[]): { id: string; first: number; index: number }[] {
  const firstIndex = new Map<string, number>();
  const found: { id: string; first: number; index: number }[] = [];
  items.forEach((item, index) => {
    const first = firstIndex.get(item.id);
    if (first === undefined) firstIndex.set(item.id, index);
    else found.push({ id: item.id, first, index });
  });
  return found;
}

export function checkIds(flow: Flow): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const { id, first, index } of duplicates(flow.nodes)) {
    const message =
      `Node id "${id}" is used by more than one node (/nodes/${first} and /nodes/${index}); ` +
      'give each node its own id, since edges connect nodes by id.';
    diagnostics.push(error('DUPLICATE_ID', message, { nodeId: id, pointer: `/nodes/${index}/id` }));
  }
  for (const { id, first, index } of duplicates(flow.edges)) {
    const message =
      `Edge id "${id}" is used by more than one edge (/edges/${first} and /edges/${index}); ` +
      'give each edge its own id.';
    diagnostics.push(error('DUPLICATE_ID', message, { edgeId: id, pointer: `/edges/${index}/id` }));
  }
  return diagnostics;
}
