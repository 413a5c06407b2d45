import { describe, expect, it, vi } from 'vitest';
import { demoFlow } from './fixture-flows.test-support.ts';
import { moveElements } from './flow-edits.ts';
import { computeLayout } from './layout.ts';

// Counts the graphs handed to ELK, wherever it runs.
const elkRuns = vi.hoisted(() => ({ count: 0 }));
vi.mock('./elk-engine.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('./elk-engine.ts')>();
  return {
    ...real,
    elkAt: async (place: Parameters<typeof real.elkAt>[0]) => {
      const elk = await real.elkAt(place);
      return {
        layout: (graph: Parameters<typeof elk.layout>[0]) => {
          elkRuns.count++;
          return elk.layout(graph);
        },
      };
    },
  };
});

describe('the last layout is reused while the graph is unchanged', () => {
  it('answers a second request, and one after moving nodes, without running ELK again', async () => {
    const flow = demoFlow();
    const before = elkRuns.count;
    const first = await computeLayout(flow);
    const moved = moveElements(flow, new Map(flow.nodes.map((node) => [node.id, { x: 7, y: 7 }])));
    expect(await computeLayout(flow)).toEqual(first);
    expect(await computeLayout(moved)).toEqual(first);
    expect(elkRuns.count - before).toBe(1);
  });

  it('runs ELK again once an edge is gone', async () => {
    const flow = demoFlow();
    await computeLayout(flow);
    const before = elkRuns.count;
    await computeLayout({ ...flow, edges: flow.edges.slice(1) });
    expect(elkRuns.count - before).toBe(1);
  });
});
