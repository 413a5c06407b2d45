// Editor commands shared by the toolbar, the palette, the node menu and the keyboard shortcuts.
// They edit the store's flow through the pure functions of designer/src/graph/.
import type { ReactFlowInstance } from '@xyflow/react';
import type { NodeKind } from '../../../engine/flow/node-kinds.ts';
import { type ClipboardContent, copySelection, parseClipboard, pasteContent } from '../graph/clipboard.ts';
import { refuseConnection } from '../graph/connection-rules.ts';
import type { ElkPlace } from '../graph/elk-engine.ts';
import { addEdge, addNode, addNote, moveElements, type Position, removeElements } from '../graph/flow-edits.ts';
import type { CanvasEdge, CanvasNode } from '../graph/flow-mapping.ts';
import { computeLayout, prepareLayout } from '../graph/layout.ts';
import { t } from '../i18n/i18n.ts';
import { historyGate, useFlowStore } from '../state/flow-store.ts';

let canvas: ReactFlowInstance<CanvasNode, CanvasEdge> | null = null;
let internalClipboard: ClipboardContent | null = null;
let pasteCount = 0;

export function setCanvasInstance(instance: ReactFlowInstance<CanvasNode, CanvasEdge> | null): void {
  canvas = instance;
}

/** The flow position at the centre of the visible canvas (new nodes go there). */
export function viewportCentre(): Position {
  const element = document.querySelector('.editor-canvas .react-flow');
  if (!canvas || !element) return { x: 0, y: 0 };
  const rect = element.getBoundingClientRect();
  const centre = canvas.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
  return { x: Math.round(centre.x - 120), y: Math.round(centre.y - 40) };
}

export function addKind(kind: NodeKind, at: Position = viewportCentre()): string | undefined {
  let added: string | undefined;
  useFlowStore.getState().updateFlow((flow) => {
    const result = addNode(flow, kind, at);
    added = result.id;
    return result.flow;
  });
  if (added) useFlowStore.getState().select([added]);
  return added;
}

export function addNoteAt(at: Position = viewportCentre()): void {
  let added: string | undefined;
  useFlowStore.getState().updateFlow((flow) => {
    const result = addNote(flow, at, t('note.placeholder'));
    added = result.id;
    return result.flow;
  });
  if (added) useFlowStore.getState().select([`note:${added}`]);
}

export function deleteSelection(): void {
  const { selectedNodeIds, selectedEdgeIds } = useFlowStore.getState();
  if (selectedNodeIds.length === 0 && selectedEdgeIds.length === 0) return;
  useFlowStore.getState().updateFlow((flow) => removeElements(flow, selectedNodeIds, selectedEdgeIds));
  useFlowStore.getState().select([]);
}

export function copySelected(): boolean {
  const { flow, selectedNodeIds } = useFlowStore.getState();
  if (!flow || selectedNodeIds.length === 0) return false;
  internalClipboard = copySelection(flow, selectedNodeIds);
  pasteCount = 0;
  // The system clipboard lets a selection travel to another tab; refused permission is fine.
  void navigator.clipboard?.writeText(JSON.stringify(internalClipboard)).catch(() => undefined);
  return true;
}

function pasteGiven(content: ClipboardContent): void {
  pasteCount += 1;
  let pasted: string[] = [];
  useFlowStore.getState().updateFlow((flow) => {
    const result = pasteContent(flow, content, { x: 40 * pasteCount, y: 40 * pasteCount });
    pasted = result.pastedIds;
    return result.flow;
  });
  useFlowStore.getState().select(pasted);
}

export async function pasteClipboard(): Promise<void> {
  const flow = useFlowStore.getState().flow;
  if (!flow) return;
  let content = internalClipboard;
  try {
    const text = await navigator.clipboard?.readText();
    const fromSystem = text ? parseClipboard(text, flow) : undefined;
    if (fromSystem) content = fromSystem;
  } catch {
    // No permission to read the clipboard: paste what this tab copied.
  }
  if (content) pasteGiven(content);
}

export function duplicateSelected(): void {
  const { flow, selectedNodeIds } = useFlowStore.getState();
  if (!flow || selectedNodeIds.length === 0) return;
  pasteCount = 0;
  pasteGiven(copySelection(flow, selectedNodeIds));
}

/** ELK runs in a Web Worker; `inProcess` (the bench's baseline) runs it on the page's thread. */
export async function autoLayout(place: ElkPlace = 'worker'): Promise<number> {
  const flow = useFlowStore.getState().flow;
  if (!flow) return 0;
  const started = performance.now();
  const positions = await computeLayout(flow, place);
  // ELK works off the page's thread, so the flow may have changed meanwhile: the new positions go
  // onto the flow as it is now (edits kept, nodes added since keep theirs), never another flow's.
  if (useFlowStore.getState().flow?.id !== flow.id) return performance.now() - started;
  historyGate.cut();
  useFlowStore.getState().updateFlow((current) => moveElements(current, positions));
  const elapsed = performance.now() - started;
  if (canvas) requestAnimationFrame(() => canvas?.fitView({ padding: 0.1 }));
  return elapsed;
}

/** Lays out the open flow in ELK's worker before anyone asks (FlowEditor, on idle). */
export function prepareAutoLayout(): Promise<void> {
  const flow = useFlowStore.getState().flow;
  return flow ? prepareLayout(flow).catch(() => undefined) : Promise.resolve();
}

export function fitView(): void {
  void canvas?.fitView({ padding: 0.1, duration: 200 });
}

export function focusNode(nodeId: string): void {
  const flow = useFlowStore.getState().flow;
  const node = flow?.nodes.find((candidate) => candidate.id === nodeId);
  useFlowStore.getState().select([nodeId]);
  if (node && canvas) void canvas.setCenter(node.position.x + 120, node.position.y + 40, { zoom: 1, duration: 200 });
  requestAnimationFrame(() => {
    const element = document.querySelector<HTMLElement>(
      `.editor-canvas .react-flow__node[data-id="${CSS.escape(nodeId)}"]`,
    );
    element?.focus();
  });
}

export function connectNodes(source: string, target: string, sourceHandle: string | null): boolean {
  const flow = useFlowStore.getState().flow;
  if (!flow || refuseConnection(flow, { source, target, sourceHandle })) return false;
  historyGate.cut();
  useFlowStore.getState().updateFlow((current) => addEdge(current, { source, target, sourceHandle }).flow);
  return true;
}
