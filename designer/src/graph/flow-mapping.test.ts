import { describe, expect, it } from 'vitest';
import { demoFlow, fixtureFlows } from './fixture-flows.test-support.ts';
import { createCanvasMapper, fromReactFlow, noteCanvasId, toReactFlow } from './flow-mapping.ts';

describe('flow <-> React Flow mapping', () => {
  const fixtures = fixtureFlows();

  it('reads every fixture of the folder', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(25);
  });

  it.each(fixtures.map(({ file, flow }) => [file, flow] as const))('round-trips %s byte for byte', (_file, flow) => {
    const { nodes, edges } = toReactFlow(flow);
    expect(nodes).toHaveLength(flow.nodes.length);
    expect(edges).toHaveLength(flow.edges.length);
    expect(JSON.stringify(fromReactFlow(flow, nodes, edges))).toBe(JSON.stringify(flow));
  });

  it('maps ids, kinds, positions and handles onto React Flow fields', () => {
    const flow = demoFlow();
    const { nodes, edges } = toReactFlow(flow);
    expect(nodes.map((node) => [node.id, node.type, node.position])).toEqual(
      flow.nodes.map((node) => [node.id, node.type, node.position]),
    );
    const trueEdge = flow.edges.find((edge) => edge.sourceHandle === 'true');
    expect(trueEdge).toBeDefined();
    expect(edges.find((edge) => edge.id === trueEdge?.id)?.sourceHandle).toBe('true');
  });

  it('carries a moved position back and keeps notes apart from nodes', () => {
    const flow = { ...demoFlow(), notes: [{ id: 'n1', position: { x: 1, y: 2 }, text: 'why' }] };
    const { nodes, edges } = toReactFlow(flow);
    const moved = nodes.map((node) => (node.id === flow.nodes[0]?.id ? { ...node, position: { x: 9, y: 9 } } : node));
    const back = fromReactFlow(flow, moved, edges);
    expect(back.nodes[0]?.position).toEqual({ x: 9, y: 9 });
    expect(back.nodes.slice(1)).toEqual(flow.nodes.slice(1));
    expect(back.notes).toEqual(flow.notes);
    expect(nodes.some((node) => node.id === noteCanvasId('n1') && node.type === 'note')).toBe(true);
  });

  it('reuses canvas nodes whose flow node, selection and decoration did not change', () => {
    const flow = demoFlow();
    const map = createCanvasMapper();
    const first = map(flow);
    const changedId = flow.nodes[1]?.id as string;
    const edited = {
      ...flow,
      nodes: flow.nodes.map((node) => (node.id === changedId ? { ...node, position: { x: 5, y: 5 } } : node)),
    };
    const second = map(edited, { selected: new Set([flow.nodes[2]?.id as string]) });
    second.forEach((node, index) => {
      const same = node.id !== changedId && node.id !== flow.nodes[2]?.id;
      expect(node === first[index]).toBe(same);
    });
  });
});
