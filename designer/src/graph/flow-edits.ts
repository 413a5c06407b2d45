// Edits of the flow document as pure functions (the store applies them and records undo steps).
import { defaultDataOf } from '../../../engine/flow/node-defaults.ts';
import type { NodeKind } from '../../../engine/flow/node-kinds.ts';
import type { Flow, FlowEdge, FlowNode, FlowNote } from '../../../schemas/types.generated.ts';
import { isNoteId, noteIdOf } from './flow-mapping.ts';

export type Position = { x: number; y: number };

/** Every id in use: node, edge and note ids share one namespace so a fresh id is fresh everywhere. */
export function idsInUse(flow: Flow): Set<string> {
  const ids = new Set<string>();
  for (const node of flow.nodes) ids.add(node.id);
  for (const edge of flow.edges) ids.add(edge.id);
  for (const note of flow.notes ?? []) ids.add(note.id);
  return ids;
}

/** `<prefix>-<n>` with the smallest n not taken; the prefix is trimmed to a valid identifier. */
export function freshId(prefix: string, taken: Set<string>): string {
  const base = prefix.replace(/[^A-Za-z0-9_.:-]/g, '-').replace(/^[^A-Za-z0-9]+/, '') || 'node';
  const stem = base.slice(0, 100);
  for (let n = 1; ; n += 1) {
    const id = `${stem}-${n}`;
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

export function addNode(flow: Flow, kind: NodeKind, position: Position): { flow: Flow; id: string } {
  const id = freshId(kind, idsInUse(flow));
  const node = { id, type: kind, position, data: defaultDataOf(kind, flow.pipeline) } as FlowNode;
  return { flow: { ...flow, nodes: [...flow.nodes, node] }, id };
}

export function addNote(flow: Flow, position: Position, text: string): { flow: Flow; id: string } {
  const id = freshId('note', idsInUse(flow));
  const note: FlowNote = { id, position, text };
  return { flow: { ...flow, notes: [...(flow.notes ?? []), note] }, id };
}

export function updateNote(flow: Flow, noteId: string, patch: Partial<Omit<FlowNote, 'id'>>): Flow {
  return { ...flow, notes: (flow.notes ?? []).map((note) => (note.id === noteId ? { ...note, ...patch } : note)) };
}

export function updateNodeData(flow: Flow, nodeId: string, data: FlowNode['data']): Flow {
  return { ...flow, nodes: flow.nodes.map((node) => (node.id === nodeId ? ({ ...node, data } as FlowNode) : node)) };
}

/** Moves nodes and notes by canvas id; untouched ones keep their object (and their rendering). */
export function moveElements(flow: Flow, positions: ReadonlyMap<string, Position>): Flow {
  if (positions.size === 0) return flow;
  const nodes = flow.nodes.map((node) => {
    const position = positions.get(node.id);
    return position ? ({ ...node, position } as FlowNode) : node;
  });
  const notes = flow.notes?.map((note) => {
    const position = positions.get(`note:${note.id}`);
    return position ? { ...note, position } : note;
  });
  return notes ? { ...flow, nodes, notes } : { ...flow, nodes };
}

/** Removes nodes and notes (canvas ids) and edges; edges touching a removed node go with it. */
export function removeElements(flow: Flow, canvasIds: Iterable<string>, edgeIds: Iterable<string> = []): Flow {
  const nodeIds = new Set<string>();
  const noteIds = new Set<string>();
  for (const id of canvasIds) (isNoteId(id) ? noteIds : nodeIds).add(isNoteId(id) ? noteIdOf(id) : id);
  const edges = new Set(edgeIds);
  if (nodeIds.size === 0 && noteIds.size === 0 && edges.size === 0) return flow;
  const next: Flow = {
    ...flow,
    nodes: flow.nodes.filter((node) => !nodeIds.has(node.id)),
    edges: flow.edges.filter((edge) => !edges.has(edge.id) && !nodeIds.has(edge.source) && !nodeIds.has(edge.target)),
  };
  if (flow.notes) next.notes = flow.notes.filter((note) => !noteIds.has(note.id));
  return next;
}

export interface NewConnection {
  source: string;
  target: string;
  sourceHandle?: string | null;
}

export function addEdge(flow: Flow, connection: NewConnection): { flow: Flow; id: string } {
  const id = freshId(`${connection.source}-${connection.target}`, idsInUse(flow));
  const edge: FlowEdge = { id, source: connection.source, target: connection.target };
  if (connection.sourceHandle === 'true' || connection.sourceHandle === 'false') {
    edge.sourceHandle = connection.sourceHandle;
  }
  return { flow: { ...flow, edges: [...flow.edges, edge] }, id };
}
