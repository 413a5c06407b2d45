// The canvas: any flow, editable (with handlers) or read-only, with diagnostics and an overlay
// (test path, notes, diff). Nodes and edges are derived from the flow by the cached mappers of
// designer/src/graph/, so an edit re-renders only the nodes it touched.
import {
  Background,
  type Connection,
  Controls,
  type EdgeChange,
  MiniMap,
  type NodeChange,
  ReactFlow,
  type ReactFlowInstance,
  ReactFlowProvider,
} from '@xyflow/react';
import { type DragEvent, type MouseEvent as ReactMouseEvent, useMemo, useRef } from 'react';
import type { Diagnostic, Flow } from '../../../schemas/types.generated.ts';
import { indexDiagnostics, nodeDecorations } from '../graph/diagnostics-index.ts';
import {
  type CanvasEdge,
  type CanvasNode,
  createCanvasMapper,
  createEdgeMapper,
  type NodeDecoration,
} from '../graph/flow-mapping.ts';
import { summarizeNode } from '../graph/node-summary.ts';
import { useLanguage, useT } from '../i18n/i18n.ts';
import type { Overlay } from '../state/overlay.ts';
import { CompactZoom } from './CompactZoom.tsx';
import { CanvasPipelineContext } from './canvas-context.ts';
import { edgeTypes } from './FlowEdge.tsx';
import { kindTitle } from './kind-title.ts';
import { nodeTypes } from './nodes/node-types.ts';

export interface CanvasHandlers {
  onNodesChange: (changes: NodeChange<CanvasNode>[]) => void;
  onEdgesChange: (changes: EdgeChange<CanvasEdge>[]) => void;
  onConnect: (connection: Connection) => void;
  isValidConnection: (connection: Connection | CanvasEdge) => boolean;
  onDrop: (event: DragEvent) => void;
  onNodeMenu: (nodeId: string, at: { x: number; y: number }) => void;
}

export interface FlowCanvasProps {
  flow: Flow;
  readOnly?: boolean;
  overlay?: Overlay | null;
  diagnostics?: readonly Diagnostic[];
  /** Canvas ids of the selected nodes/notes and edges (the editor's store); read-only canvases keep their own. */
  selection?: { nodes: readonly string[]; edges: readonly string[] };
  handlers?: CanvasHandlers;
  onInit?: (instance: ReactFlowInstance<CanvasNode, CanvasEdge>) => void;
  /** Sizes React Flow measured, kept by the owner across node object changes. */
  measured?: Map<string, { width: number; height: number }>;
  /** Changes when `measured` gained sizes, so the nodes are mapped again. */
  measuredVersion?: number;
  ariaLabel?: string;
}

// Rendering only the visible elements mounts and measures nodes as they scroll into view: with 500
// nodes at fit view, panning ran at 40-44 fps that way against 51-53 with every node kept mounted
// (the pane then only moves). Past this size the DOM itself is the larger cost.
const renderAllUpTo = 1000;

function overlayDecorations(
  base: Map<string, NodeDecoration>,
  flow: Flow,
  overlay: Overlay | null | undefined,
): Map<string, NodeDecoration> {
  if (!overlay) return base;
  const reached = new Set(overlay.reached ?? []);
  const result = new Map(base);
  for (const node of flow.nodes) {
    const diff = overlay.diff?.[node.id];
    const state = diff ?? (reached.has(node.id) ? 'reached' : overlay.dimUnreached ? 'dimmed' : undefined);
    const note = overlay.nodeNotes?.[node.id];
    if (!state && !note) continue;
    const current = result.get(node.id) ?? { issues: [], issuesKey: '' };
    result.set(node.id, { ...current, ...(state ? { state } : {}), ...(note ? { note } : {}) });
  }
  return result;
}

function CanvasInner(props: FlowCanvasProps) {
  const { flow, readOnly = false, overlay, diagnostics = [], selection, handlers, measured, measuredVersion } = props;
  const t = useT();
  const language = useLanguage();
  const nodeMapper = useRef(createCanvasMapper()).current;
  const edgeMapper = useRef(createEdgeMapper()).current;
  const index = useMemo(() => indexDiagnostics(diagnostics, flow), [diagnostics, flow]);
  const decorations = useMemo(() => overlayDecorations(nodeDecorations(index), flow, overlay), [index, flow, overlay]);
  const selectedNodes = useMemo(() => new Set(selection?.nodes ?? []), [selection?.nodes]);
  const selectedEdges = useMemo(() => new Set(selection?.edges ?? []), [selection?.edges]);
  const generation = useMemo(() => ({ language, pipeline: flow.pipeline }), [language, flow.pipeline]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: measuredVersion tells that `measured` changed
  const nodes = useMemo(
    () =>
      nodeMapper(flow, {
        selected: selectedNodes,
        decorations,
        readOnly,
        measured,
        generation,
        ariaLabel: (node) => `${kindTitle(node.type)}: ${summarizeNode(node, flow.pipeline)}`,
      }),
    [nodeMapper, flow, selectedNodes, decorations, readOnly, measured, measuredVersion, generation],
  );
  const edgeIssues = useMemo(() => {
    const issues = new Map<string, 'error' | 'warning'>();
    for (const [edgeId, list] of index.byEdge) {
      issues.set(edgeId, list.some((diagnostic) => diagnostic.severity === 'error') ? 'error' : 'warning');
    }
    return issues;
  }, [index]);
  const edges = useMemo(
    () =>
      edgeMapper(flow, {
        selected: selectedEdges,
        issues: edgeIssues,
        taken: new Set(overlay?.edgeTaken ?? []),
        dimUntaken: overlay?.dimUnreached === true && overlay.edgeTaken !== undefined,
        label: (edge) =>
          edge.sourceHandle === 'true'
            ? t('canvas.true')
            : edge.sourceHandle === 'false'
              ? t('canvas.false')
              : undefined,
      }),
    [edgeMapper, flow, selectedEdges, edgeIssues, overlay, t],
  );
  const editable = !readOnly && handlers !== undefined;
  // React Flow's own labels and screen-reader descriptions, in the UI language (t reads it).
  // biome-ignore lint/correctness/useExhaustiveDependencies: language is what t depends on
  const ariaLabelConfig = useMemo(
    () => ({
      'node.a11yDescription.default': t('canvas.a11yNode'),
      'node.a11yDescription.keyboardDisabled': t('canvas.a11yNode'),
      'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }: { direction: string; x: number; y: number }) =>
        t('canvas.a11yMoved', { direction, x, y }),
      'edge.a11yDescription.default': t('canvas.a11yEdge'),
      'controls.ariaLabel': t('canvas.controls'),
      'controls.zoomIn.ariaLabel': t('canvas.zoomIn'),
      'controls.zoomOut.ariaLabel': t('canvas.zoomOut'),
      'controls.fitView.ariaLabel': t('editor.fit'),
      'minimap.ariaLabel': t('canvas.minimap'),
      'handle.ariaLabel': t('canvas.handle'),
    }),
    [t, language],
  );
  return (
    <CanvasPipelineContext.Provider value={flow.pipeline}>
      <ReactFlow<CanvasNode, CanvasEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={editable ? handlers.onNodesChange : undefined}
        onEdgesChange={editable ? handlers.onEdgesChange : undefined}
        onConnect={editable ? handlers.onConnect : undefined}
        isValidConnection={editable ? handlers.isValidConnection : undefined}
        onDrop={editable ? handlers.onDrop : undefined}
        onDragOver={editable ? (event) => event.preventDefault() : undefined}
        onNodeContextMenu={
          editable
            ? (event: ReactMouseEvent, node: CanvasNode) => {
                event.preventDefault();
                handlers.onNodeMenu(node.id, { x: event.clientX, y: event.clientY });
              }
            : undefined
        }
        onInit={props.onInit}
        nodesDraggable={editable}
        nodesConnectable={editable}
        elementsSelectable
        deleteKeyCode={null}
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        selectionKeyCode="Shift"
        fitView
        minZoom={0.05}
        maxZoom={2}
        onlyRenderVisibleElements={flow.nodes.length > renderAllUpTo}
        aria-label={props.ariaLabel ?? t('canvas.label')}
        ariaLabelConfig={ariaLabelConfig}
        proOptions={{ hideAttribution: true }}
      >
        <CompactZoom />
        <Background />
        <MiniMap pannable zoomable ariaLabel={t('canvas.minimap')} style={{ width: 150, height: 100 }} />
        <Controls showInteractive={false} aria-label={t('canvas.controls')} />
      </ReactFlow>
    </CanvasPipelineContext.Provider>
  );
}

/** Each canvas has its own React Flow store, so several can be shown side by side. */
export function FlowCanvas(props: FlowCanvasProps) {
  return (
    <div className="flow-canvas">
      <ReactFlowProvider>
        <CanvasInner {...props} />
      </ReactFlowProvider>
    </div>
  );
}
