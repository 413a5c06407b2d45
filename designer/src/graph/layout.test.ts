import { describe, expect, it } from 'vitest';
import type { Flow } from '../../../schemas/types.generated.ts';
import { demoFlow, fixtureFlows } from './fixture-flows.test-support.ts';
import { computeLayout, layoutFlow, nodeWidth } from './layout.ts';

describe('auto-layout (elkjs layered, left to right)', () => {
  it('places every edge target to the right of its source and no two nodes on one spot', async () => {
    const flow = demoFlow();
    const positions = await computeLayout(flow);
    expect(positions.size).toBe(flow.nodes.length);
    for (const edge of flow.edges) {
      const source = positions.get(edge.source);
      const target = positions.get(edge.target);
      expect((target?.x ?? 0) >= (source?.x ?? 0) + nodeWidth).toBe(true);
    }
    const spots = new Set([...positions.values()].map((position) => `${position.x},${position.y}`));
    expect(spots.size).toBe(flow.nodes.length);
  });

  it('changes positions only: the laid-out flow equals the input apart from them', async () => {
    const flow = { ...demoFlow(), notes: [{ id: 'n', position: { x: 3, y: 4 }, text: 'stay' }] };
    const laid = await layoutFlow(flow);
    const strip = (value: Flow) => ({
      ...value,
      nodes: value.nodes.map(({ position: _position, ...rest }) => rest),
    });
    expect(strip(laid)).toEqual(strip(flow));
    expect(laid.notes).toEqual(flow.notes);
  });

  it('lays a condition true branch above its false branch', async () => {
    const flow = demoFlow();
    const positions = await computeLayout(flow);
    const condition = flow.nodes.find((node) => node.type === 'condition');
    const out = flow.edges.filter((edge) => edge.source === condition?.id);
    const trueY = positions.get(out.find((edge) => edge.sourceHandle === 'true')?.target as string)?.y ?? 0;
    const falseY = positions.get(out.find((edge) => edge.sourceHandle === 'false')?.target as string)?.y ?? 0;
    expect(trueY).toBeLessThan(falseY);
  });

  it('lays out every fixture, broken ones included (bad handles, duplicate ids, cycles)', async () => {
    for (const { file, flow } of fixtureFlows()) {
      const positions = await computeLayout(flow);
      expect(positions.size, file).toBe(new Set(flow.nodes.map((node) => node.id)).size);
    }
  });
});
