import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Flow } from '../../../../schemas/index.ts';
import { diffFlowNodes } from './node-diff.ts';

const flow: Flow = JSON.parse(
  readFileSync(new URL('../../../../schemas/examples/flow.sales.json', import.meta.url), 'utf8'),
);
const clone = (): Flow => structuredClone(flow);

describe('diffFlowNodes', () => {
  it('finds nothing between a version and itself, nor when nodes only moved', () => {
    const moved = clone();
    for (const node of moved.nodes) node.position = { x: node.position.x + 40, y: node.position.y };
    expect(diffFlowNodes(flow, moved)).toEqual({ before: {}, after: {}, changes: [] });
  });

  it('marks added, removed and changed nodes on the side where they can be seen', () => {
    const next = clone();
    const large = next.nodes.find((node) => node.id === 'send-contract-large');
    if (large?.type !== 'sendDocument') throw new Error('fixture changed');
    large.data.templateId = 'contract-premium';
    next.nodes = next.nodes.filter((node) => node.id !== 'send-invoice');
    next.edges = next.edges.filter((edge) => edge.target !== 'send-invoice');
    next.nodes.push({
      id: 'send-nda',
      type: 'sendDocument',
      position: { x: 0, y: 0 },
      data: { ...large.data, documentType: 'nda' },
    });
    const diff = diffFlowNodes(flow, next);
    // enter-invoice lost its edge to the removed node: its rule is gone, so it changed too.
    expect(diff.after).toEqual({ 'send-contract-large': 'changed', 'send-nda': 'added', 'enter-invoice': 'changed' });
    expect(diff.before).toMatchObject({ 'send-contract-large': 'changed', 'send-invoice': 'removed' });
    expect(diff.changes.map((change) => change.change)).toContain('removed');
  });

  it('counts a rewired edge as a change of the node it leaves', () => {
    const next = clone();
    const edge = next.edges.find((candidate) => candidate.sourceHandle === 'true');
    if (!edge) throw new Error('fixture changed');
    edge.sourceHandle = 'false';
    const diff = diffFlowNodes(flow, next);
    expect(diff.after).toEqual({ [edge.source]: 'changed' });
  });
});
