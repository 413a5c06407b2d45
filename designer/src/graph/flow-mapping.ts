// Flow document <-> React Flow nodes and edges. The flow stays the source of truth: a React Flow
// node carries its flow node (or note) unchanged in `data`, so the way back is lossless, and a
// mapper caches per flow-node object so unchanged nodes keep their identity (no re-render).
import type { Flow, FlowEdge, FlowNode, FlowNote } from '../../../schemas/types.generated.ts';

/** Marks drawn on a node: its diagnostics and what an overlay says about it. */
export interface NodeDecoration {
  /** Stable text key of the node's diagnostics ('' when none); compared, not the array. */
  issuesKey: string;
  issues: readonly { severity: 'error' | 'warning'; code: string; message: string }[];
  state?: 'reached' | 'dimmed' | 'added' | 'removed' | 'changed';
  note?: string;
}

export interface FlowNodeData extends Record<string, unknown> {
  node: FlowNode;
  decoration: NodeDecoration | undefined;
  readOnly: boolean;
}

export interface NoteNodeData extends Record<string, unknown> {
  note: FlowNote;
  readOnly: boolean;
}

export interface CanvasNode {
  id: string;
  type: string;
  position: { x: number; y: number };
  data: FlowNodeData | NoteNodeData;
  selected?: boolean;
  width?: number;
  height?: number;
  draggable?: boolean;
  connectable?: boolean;
  deletable?: boolean;
  ariaLabel?: string;
  measured?: { width: number; height: number } | undefined;
}

export interface CanvasEdge {
  id: string;
  source: string;
  target: string;
  sourceHandle?: string | null;
  targetHandle?: string | null;
  data: { edge: FlowEdge; issue?: 'error' | 'warning'; taken?: boolean };
  selected?: boolean;
  label?: string;
  className?: string;
  ariaLabel?: string;
}

export function isNoteData(data: FlowNodeData | NoteNodeData): data is NoteNodeData {
  return 'note' in data && data.note !== undefined;
}

/** Note ids live in their own namespace on the canvas so they never collide with node ids. */
export const notePrefix = 'note:';
export const isNoteId = (canvasId: string): boolean => canvasId.startsWith(notePrefix);
export const noteCanvasId = (noteId: string): string => `${notePrefix}${noteId}`;
export const noteIdOf = (canvasId: string): string => canvasId.slice(notePrefix.length);

export interface MappingOptions {
  selected?: ReadonlySet<string>;
  decorations?: ReadonlyMap<string, NodeDecoration>;
  readOnly?: boolean;
  /** The node's accessible name ("<kind title>: <summary>"). */
  ariaLabel?: (node: FlowNode) => string;
  /** Sizes React Flow measured, carried onto new node objects so they are not measured again. */
  measured?: ReadonlyMap<string, { width: number; height: number }>;
  /** Changes when something every node shows changed (language, pipeline): the cache is bypassed. */
  generation?: unknown;
}

export function toCanvasNode(node: FlowNode, options: MappingOptions = {}): CanvasNode {
  const readOnly = options.readOnly ?? false;
  return {
    id: node.id,
    type: node.type,
    position: node.position,
    data: { node, decoration: options.decorations?.get(node.id), readOnly },
    selected: options.selected?.has(node.id) ?? false,
    draggable: !readOnly,
    connectable: !readOnly,
    deletable: !readOnly,
    ...(options.ariaLabel ? { ariaLabel: options.ariaLabel(node) } : {}),
    ...(options.measured?.has(node.id) ? { measured: options.measured.get(node.id) } : {}),
  };
}

export function toCanvasNote(note: FlowNote, options: MappingOptions = {}): CanvasNode {
  const id = noteCanvasId(note.id);
  const readOnly = options.readOnly ?? false;
  return {
    id,
    type: 'note',
    position: note.position,
    data: { note, readOnly },
    selected: options.selected?.has(id) ?? false,
    draggable: !readOnly,
    connectable: false,
    deletable: !readOnly,
    ...(note.width !== undefined ? { width: note.width } : {}),
    ...(note.height !== undefined ? { height: note.height } : {}),
    ...(options.measured?.has(id) ? { measured: options.measured.get(id) } : {}),
  };
}

export function toCanvasEdge(edge: FlowEdge, selected = false): CanvasEdge {
  return {
    id: edge.id,
    source: edge.source,
    target: edge.target,
    sourceHandle: edge.sourceHandle ?? null,
    targetHandle: edge.targetHandle ?? null,
    data: { edge },
    selected,
    ...(edge.sourceHandle ? { label: edge.sourceHandle } : {}),
  };
}

export function toReactFlow(flow: Flow, options: MappingOptions = {}): { nodes: CanvasNode[]; edges: CanvasEdge[] } {
  return {
    nodes: [
      ...flow.nodes.map((node) => toCanvasNode(node, options)),
      ...(flow.notes ?? []).map((note) => toCanvasNote(note, options)),
    ],
    edges: flow.edges.map((edge) => toCanvasEdge(edge, options.selected?.has(edge.id) ?? false)),
  };
}

const samePosition = (a: { x: number; y: number }, b: { x: number; y: number }) => a.x === b.x && a.y === b.y;

/**
 * Back to the document: each flow node with the canvas position, edges in canvas order. `base`
 * supplies the fields the canvas does not hold (name, pipeline, …).
 */
export function fromReactFlow(base: Flow, nodes: readonly CanvasNode[], edges: readonly CanvasEdge[]): Flow {
  const flowNodes: FlowNode[] = [];
  const notes: FlowNote[] = [];
  for (const canvasNode of nodes) {
    if (isNoteData(canvasNode.data)) {
      const note = canvasNode.data.note;
      notes.push(samePosition(note.position, canvasNode.position) ? note : { ...note, position: canvasNode.position });
    } else {
      const node = (canvasNode.data as FlowNodeData).node;
      flowNodes.push(
        samePosition(node.position, canvasNode.position)
          ? node
          : ({ ...node, position: canvasNode.position } as FlowNode),
      );
    }
  }
  const flow: Flow = { ...base, nodes: flowNodes, edges: edges.map((edge) => edge.data.edge) };
  if (notes.length > 0 || base.notes !== undefined) flow.notes = notes;
  return flow;
}

/**
 * A mapper that reuses the previous canvas node when neither its flow node, its selection nor
 * its decoration changed: React Flow then skips it, which keeps a 500-node canvas fluid.
 */
export function createCanvasMapper() {
  interface Cached {
    source: FlowNode | FlowNote;
    selected: boolean;
    decoration: NodeDecoration | undefined;
    readOnly: boolean;
    generation: unknown;
    measuredKey: string;
    result: CanvasNode;
  }
  const cache = new Map<string, Cached>();
  const sameDecoration = (a: NodeDecoration | undefined, b: NodeDecoration | undefined) =>
    a === b ||
    (a !== undefined && b !== undefined && a.issuesKey === b.issuesKey && a.state === b.state && a.note === b.note);
  const reuse = (
    id: string,
    source: FlowNode | FlowNote,
    selected: boolean,
    decoration: NodeDecoration | undefined,
    readOnly: boolean,
    generation: unknown,
    measuredKey: string,
    make: () => CanvasNode,
  ) => {
    const hit = cache.get(id);
    if (
      hit &&
      hit.generation === generation &&
      hit.measuredKey === measuredKey &&
      hit.source === source &&
      hit.selected === selected &&
      hit.readOnly === readOnly &&
      sameDecoration(hit.decoration, decoration)
    ) {
      return hit.result;
    }
    const result = make();
    cache.set(id, { source, selected, decoration, readOnly, generation, measuredKey, result });
    return result;
  };
  // A node measured since its object was made gets a new object carrying the size (the minimap
  // and fitView read sizes from the user's nodes).
  const measuredKeyOf = (options: MappingOptions, id: string) => {
    const size = options.measured?.get(id);
    return size ? `${size.width}x${size.height}` : '';
  };
  return (flow: Flow, options: MappingOptions = {}): CanvasNode[] => {
    const readOnly = options.readOnly ?? false;
    const seen = new Set<string>();
    const result: CanvasNode[] = [];
    for (const node of flow.nodes) {
      const selected = options.selected?.has(node.id) ?? false;
      const decoration = options.decorations?.get(node.id);
      seen.add(node.id);
      result.push(
        reuse(node.id, node, selected, decoration, readOnly, options.generation, measuredKeyOf(options, node.id), () =>
          toCanvasNode(node, options),
        ),
      );
    }
    for (const note of flow.notes ?? []) {
      const id = noteCanvasId(note.id);
      const selected = options.selected?.has(id) ?? false;
      seen.add(id);
      result.push(
        reuse(id, note, selected, undefined, readOnly, options.generation, measuredKeyOf(options, id), () =>
          toCanvasNote(note, options),
        ),
      );
    }
    for (const id of cache.keys()) if (!seen.has(id)) cache.delete(id);
    return result;
  };
}

export interface EdgeMappingOptions {
  selected?: ReadonlySet<string>;
  issues?: ReadonlyMap<string, 'error' | 'warning'>;
  taken?: ReadonlySet<string>;
  /** Overlay dims edges not taken. */
  dimUntaken?: boolean;
  label?: (edge: FlowEdge) => string | undefined;
}

/** Same reuse rule as the node mapper, for edges. */
export function createEdgeMapper() {
  const cache = new Map<string, { edge: FlowEdge; key: string; result: CanvasEdge }>();
  return (flow: Flow, options: EdgeMappingOptions = {}): CanvasEdge[] => {
    const seen = new Set<string>();
    const result = flow.edges.map((edge) => {
      seen.add(edge.id);
      const selected = options.selected?.has(edge.id) ?? false;
      const issue = options.issues?.get(edge.id);
      const taken = options.taken?.has(edge.id) ?? false;
      const label = options.label?.(edge) ?? edge.sourceHandle ?? undefined;
      const dimmed = options.dimUntaken === true && !taken;
      const key = `${selected}|${issue ?? ''}|${taken}|${dimmed}|${label ?? ''}`;
      const hit = cache.get(edge.id);
      if (hit && hit.edge === edge && hit.key === key) return hit.result;
      const classes = [issue ? `edge-${issue}` : '', taken ? 'edge-taken' : '', dimmed ? 'edge-dimmed' : ''];
      const canvasEdge: CanvasEdge = {
        ...toCanvasEdge(edge, selected),
        data: issue ? { edge, issue, taken } : { edge, taken },
        className: classes.filter(Boolean).join(' '),
        ...(label
          ? { label: issue ? `${issue === 'error' ? '✖' : '⚠'} ${label}` : label }
          : issue
            ? { label: issue === 'error' ? '✖' : '⚠' }
            : {}),
      };
      cache.set(edge.id, { edge, key, result: canvasEdge });
      return canvasEdge;
    });
    for (const id of cache.keys()) if (!seen.has(id)) cache.delete(id);
    return result;
  };
}
