import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Flow } from '../../schemas/types.generated.ts';
import { positionsMissing } from './positions-missing.ts';

const demoFlow = (): Flow =>
  JSON.parse(readFileSync(new URL('../../schemas/examples/flow.sales.json', import.meta.url), 'utf8')) as Flow;

const stacked = (flow: Flow): Flow => ({
  ...flow,
  nodes: flow.nodes.map((node) => ({ ...node, position: { x: 0, y: 0 } })),
});

describe('positionsMissing', () => {
  it('is true when every node of the flow sits on one spot', () => {
    expect(positionsMissing(stacked(demoFlow()))).toBe(true);
  });

  it('is false for a drawn flow, for one node alone and for an empty flow', () => {
    const flow = demoFlow();
    expect(positionsMissing(flow)).toBe(false);
    expect(positionsMissing({ ...flow, nodes: flow.nodes.slice(0, 1) })).toBe(false);
    expect(positionsMissing({ ...flow, nodes: [], edges: [] })).toBe(false);
  });

  it('is false when a single node was moved away from the others', () => {
    const flow = stacked(demoFlow());
    const [first, ...rest] = flow.nodes;
    if (!first) throw new Error('the demo flow has nodes');
    expect(positionsMissing({ ...flow, nodes: [{ ...first, position: { x: 300, y: 0 } }, ...rest] })).toBe(false);
  });
});
