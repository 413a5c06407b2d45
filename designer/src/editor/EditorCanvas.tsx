// The editor's canvas: FlowCanvas bound to the flow store (moves, selection, connections, drops)
// and the node menu opened from a node (context menu, Enter, Shift+F10).
import type { Connection, EdgeChange, NodeChange } from '@xyflow/react';
import { type DragEvent, type KeyboardEvent, useCallback, useMemo, useRef, useState } from 'react';
import type { NodeKind } from '../../../engine/flow/node-kinds.ts';
import type { Diagnostic } from '../../../schemas/types.generated.ts';
import { refuseConnection } from '../graph/connection-rules.ts';
import { moveElements, type Position, updateNote } from '../graph/flow-edits.ts';
import { type CanvasEdge, type CanvasNode, isNoteId, noteIdOf } from '../graph/flow-mapping.ts';
import { historyGate, useFlowStore } from '../state/flow-store.ts';
import { addKind, addNoteAt, connectNodes, setCanvasInstance } from './commands.ts';
import { type CanvasHandlers, FlowCanvas } from './FlowCanvas.tsx';
import { NodeMenu } from './NodeMenu.tsx';
import { paletteDragType } from './Palette.tsx';

interface MenuState {
  nodeId: string;
  at: { x: number; y: number };
}

function applySelection(current: readonly string[], changes: { id: string; selected: boolean }[]): string[] | null {
  if (changes.length === 0) return null;
  const next = new Set(current);
  for (const change of changes) {
    if (change.selected) next.add(change.id);
    else next.delete(change.id);
  }
  return [...next];
}

export function EditorCanvas({ diagnostics, readOnly }: { diagnostics: readonly Diagnostic[]; readOnly: boolean }) {
  const flow = useFlowStore((state) => state.flow);
  const overlay = useFlowStore((state) => state.overlay);
  const selectedNodeIds = useFlowStore((state) => state.selectedNodeIds);
  const selectedEdgeIds = useFlowStore((state) => state.selectedEdgeIds);
  const measured = useRef(new Map<string, { width: number; height: number }>()).current;
  const instanceRef = useRef<Parameters<typeof setCanvasInstance>[0]>(null);
  const [menu, setMenu] = useState<MenuState | null>(null);
  const [measuredVersion, setMeasuredVersion] = useState(0);
  const measureFrame = useRef(0);

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      const positions = new Map<string, Position>();
      const selections: { id: string; selected: boolean }[] = [];
      let dragEnded = false;
      for (const change of changes) {
        if (change.type === 'position' && change.position) {
          positions.set(change.id, { x: Math.round(change.position.x), y: Math.round(change.position.y) });
          if (change.dragging === false) dragEnded = true;
        } else if (change.type === 'select') selections.push(change);
        else if (change.type === 'dimensions' && change.dimensions) {
          const previous = measured.get(change.id);
          measured.set(change.id, change.dimensions);
          if (previous?.width !== change.dimensions.width || previous?.height !== change.dimensions.height) {
            // One re-map per frame, whatever the number of nodes measured in it.
            cancelAnimationFrame(measureFrame.current);
            measureFrame.current = requestAnimationFrame(() => setMeasuredVersion((version) => version + 1));
          }
          if (change.resizing && isNoteId(change.id)) {
            const { width, height } = change.dimensions;
            useFlowStore
              .getState()
              .updateFlow(
                (current) =>
                  updateNote(current, noteIdOf(change.id), { width: Math.round(width), height: Math.round(height) }),
                `resize:${change.id}`,
              );
          }
        }
      }
      if (positions.size > 0) {
        useFlowStore
          .getState()
          .updateFlow((current) => moveElements(current, positions), `move:${[...positions.keys()].join(',')}`);
      }
      if (dragEnded) historyGate.cut();
      const state = useFlowStore.getState();
      const nodes = applySelection(state.selectedNodeIds, selections);
      if (nodes) state.select(nodes, state.selectedEdgeIds);
    },
    [measured],
  );

  const onEdgesChange = useCallback((changes: EdgeChange<CanvasEdge>[]) => {
    const selections = changes.filter((change) => change.type === 'select');
    const state = useFlowStore.getState();
    const edges = applySelection(state.selectedEdgeIds, selections);
    if (edges) state.select(state.selectedNodeIds, edges);
  }, []);

  const isValidConnection = useCallback((connection: Connection | CanvasEdge) => {
    const current = useFlowStore.getState().flow;
    return current !== null && refuseConnection(current, connection) === undefined;
  }, []);

  const onConnect = useCallback((connection: Connection) => {
    connectNodes(connection.source, connection.target, connection.sourceHandle ?? null);
  }, []);

  const onDrop = useCallback((event: DragEvent) => {
    event.preventDefault();
    const kind = event.dataTransfer.getData(paletteDragType);
    const instance = instanceRef.current;
    if (!kind || !instance) return;
    const at = instance.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    const position = { x: Math.round(at.x - 120), y: Math.round(at.y - 40) };
    if (kind === 'note') addNoteAt(position);
    else addKind(kind as NodeKind, position);
  }, []);

  const handlers: CanvasHandlers = useMemo(
    () => ({
      onNodesChange,
      onEdgesChange,
      onConnect,
      isValidConnection,
      onDrop,
      onNodeMenu: (nodeId, at) => {
        if (!isNoteId(nodeId)) setMenu({ nodeId, at });
      },
    }),
    [onNodesChange, onEdgesChange, onConnect, isValidConnection, onDrop],
  );

  // Enter, Shift+F10 or the context-menu key on a focused node opens its menu.
  const onKeyDown = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    const nodeElement = target.closest<HTMLElement>('.react-flow__node');
    const nodeId = nodeElement?.dataset.id;
    if (!nodeId || isNoteId(nodeId) || readOnly) return;
    if (event.key === 'Enter' || event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10')) {
      event.preventDefault();
      const rect = nodeElement.getBoundingClientRect();
      useFlowStore.getState().select([nodeId]);
      setMenu({ nodeId, at: { x: rect.right, y: rect.top } });
    }
  };

  // Tab onto a node selects it, so the arrow keys (React Flow moves selected nodes) work at once.
  const onFocus = (event: React.FocusEvent) => {
    const target = event.target as HTMLElement;
    const nodeId = target.classList.contains('react-flow__node') ? target.dataset.id : undefined;
    if (!nodeId || readOnly || !target.matches(':focus-visible')) return;
    const state = useFlowStore.getState();
    if (!state.selectedNodeIds.includes(nodeId)) state.select([nodeId]);
  };

  const selection = useMemo(
    () => ({ nodes: selectedNodeIds, edges: selectedEdgeIds }),
    [selectedNodeIds, selectedEdgeIds],
  );
  if (!flow) return null;
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: keyboard access to the focused node's menu
    <div className="editor-canvas" onKeyDown={onKeyDown} onFocus={onFocus}>
      <FlowCanvas
        flow={flow}
        readOnly={readOnly}
        overlay={overlay}
        diagnostics={diagnostics}
        selection={selection}
        handlers={readOnly ? undefined : handlers}
        measured={measured}
        measuredVersion={measuredVersion}
        onInit={(instance) => {
          instanceRef.current = instance;
          setCanvasInstance(instance);
        }}
      />
      {menu && <NodeMenu nodeId={menu.nodeId} at={menu.at} onClose={() => setMenu(null)} />}
    </div>
  );
}
