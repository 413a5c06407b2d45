// Big never-positioned flows are stored laid out (with the editor's ELK graph, in the flow-check
// worker), so the designer opens them placed; every other flow is stored exactly as it was sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeLayout } from '../../designer/src/graph/layout.ts';
import { positionsMissing } from '../../engine/layout/positions-missing.ts';
import { createFlow } from '../../runtime/flows/create-flow.ts';
import { loadDraft } from '../../runtime/flows/load-draft.ts';
import { maxNodes, needsPlacing, placeUnpositionedFlow } from '../../runtime/flows/place-unpositioned-flow.ts';
import { saveFlowDraft } from '../../runtime/flows/save-flow-draft.ts';
import type { Flow } from '../../schemas/index.ts';
import { bigFlow } from '../support/big-flow.ts';
import { demoFlow } from '../support/examples.ts';
import { createTestServices } from '../support/test-services.ts';

const stacked = (flow: Flow): Flow => ({
  ...flow,
  nodes: flow.nodes.map((node) => ({ ...node, position: { x: 0, y: 0 } })),
});
const spots = (flow: Flow) => new Set(flow.nodes.map((node) => `${node.position.x},${node.position.y}`)).size;

describe('placing never-positioned flows', () => {
  let services: Awaited<ReturnType<typeof createTestServices>>;
  beforeAll(async () => {
    services = await createTestServices();
  });
  afterAll(async () => services?.dispose());

  it('lays out a 500-node flow stacked on (0,0) as the editor would, off the event loop', async () => {
    const flow = stacked(bigFlow());
    let ticks = 0;
    const ticker = setInterval(() => {
      ticks += 1;
    }, 5);
    const placed = await placeUnpositionedFlow(flow);
    clearInterval(ticker);
    expect(ticks).toBeGreaterThan(0);
    expect(positionsMissing(placed)).toBe(false);
    expect(spots(placed)).toBe(flow.nodes.length);
    const editor = await computeLayout(flow, 'inProcess');
    for (const node of placed.nodes) expect(node.position).toEqual(editor.get(node.id));
    // Only positions change.
    const withoutPositions = (of: Flow) => of.nodes.map(({ position: _position, ...rest }) => rest);
    expect(withoutPositions(placed)).toEqual(withoutPositions(flow));
    expect(placed.edges).toEqual(flow.edges);
  }, 60_000);

  it('leaves positioned, small and very large flows as they are', async () => {
    const positioned = bigFlow();
    expect(await placeUnpositionedFlow(positioned)).toBe(positioned);
    const small = stacked(demoFlow());
    expect(await placeUnpositionedFlow(small)).toBe(small);
    expect(needsPlacing(stacked(bigFlow(Math.ceil((maxNodes + 1) / 5))))).toBe(false);
    expect(needsPlacing(stacked(bigFlow()))).toBe(true);
  });

  it('stores a stacked flow laid out on create and on save, and a positioned one unchanged', async () => {
    const flow = stacked(bigFlow());
    const created = await createFlow(services, { draft: flow });
    expect(spots(created.draft)).toBe(flow.nodes.length);
    expect(await loadDraft(services, flow.id)).toEqual(created.draft);
    const saved = await saveFlowDraft(services, flow.id, stacked(created.draft));
    expect(spots(saved.draft)).toBe(flow.nodes.length);
    expect(await loadDraft(services, flow.id)).toEqual(saved.draft);
    const positioned = bigFlow();
    await saveFlowDraft(services, flow.id, positioned);
    expect(await loadDraft(services, flow.id)).toEqual(positioned);
  }, 120_000);
});
