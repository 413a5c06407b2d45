// npm run bench:designer — the designer in Debian's Chromium (playwright-core) against the real
// runtime, with a flow of 500 nodes and 600 edges (test/support/big-flow.ts):
//   open + layout: from navigating to the editor until every node is on the canvas, then elkjs
//     auto-layout until the laid-out nodes are painted;
//   fps while panning and zooming: requestAnimationFrame callbacks counted during scripted drags of
//     the pane and wheel zooms;
//   validation per edit: the engine's validateFlow as the editor runs it on each change (the
//     editor's own timing, read through its ?bench=1 hook), and edit → next painted frame.
// Printed against the targets: open + layout < 1 s, >= 50 fps, < 50 ms per edit.
import type { Page } from 'playwright-core';
import type { Flow } from '../../schemas/index.ts';
import { signIn, startBrowserSession } from '../browser/support/browser-session.ts';
import { bigFlow } from '../support/big-flow.ts';

const targets = { openAndLayoutMs: 1_000, fps: 50, validationMs: 50 };
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

async function countFrames(page: Page, drive: () => Promise<void>): Promise<number> {
  // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
  await page.evaluate(`(() => {
    const state = { frames: 0, running: true, started: performance.now() };
    window.__frames = state;
    function tick() {
      if (!state.running) return;
      state.frames += 1;
      requestAnimationFrame(tick);
    }
    requestAnimationFrame(tick);
  })()`);
  await drive();
  return page.evaluate(() => {
    const state = (window as unknown as { __frames: { frames: number; running: boolean; started: number } }).__frames;
    state.running = false;
    return (state.frames / (performance.now() - state.started)) * 1000;
  });
}

async function pan(page: Page, box: { x: number; y: number; width: number; height: number }) {
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  for (let round = 0; round < 6; round++) {
    await page.mouse.move(centre.x, centre.y);
    await page.mouse.down();
    for (let step = 1; step <= 30; step++) {
      const angle = (step / 30) * Math.PI * 2;
      await page.mouse.move(centre.x + Math.cos(angle) * 200, centre.y + Math.sin(angle) * 120);
    }
    await page.mouse.up();
  }
}

async function zoom(page: Page, box: { x: number; y: number; width: number; height: number }) {
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let step = 0; step < 60; step++) await page.mouse.wheel(0, step < 30 ? -120 : 120);
}

async function main() {
  const session = await startBrowserSession();
  try {
    const flow = bigFlow();
    const created = await session.api('POST', '/api/v1/flows', { draft: flow });
    if (created.status !== 201)
      throw new Error(`creating the bench flow: ${created.status} ${JSON.stringify(created.body)}`);
    await signIn(session);
    const { page } = session;
    const nodes = page.locator('.react-flow__node');

    const openStart = Date.now();
    await page.goto(`${session.baseUrl}/?bench=1#/editor/${flow.id}`);
    await page.waitForFunction((count) => document.querySelectorAll('.react-flow__node').length >= count, 500, {
      timeout: 60_000,
    });
    const openMs = Date.now() - openStart;
    const layoutStart = Date.now();
    const layoutInPage = await page.evaluate(async () => {
      const hook = window.__inkflowDesigner;
      if (!hook) throw new Error('no bench hook: the designer was not opened with ?bench=1');
      const ms = await hook.layout();
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      return ms;
    });
    const layoutMs = Date.now() - layoutStart;
    const rendered = await nodes.count();

    const pane = await page.locator('.react-flow__pane').first().boundingBox();
    if (!pane) throw new Error('no React Flow pane on the page');
    const panFps = await countFrames(page, () => pan(page, pane));
    const zoomFps = await countFrames(page, () => zoom(page, pane));

    const validation: number[] = [];
    const editToFrame: number[] = [];
    for (let edit = 0; edit < 15; edit++) {
      const changed: Flow = structuredClone(flow);
      const condition = changed.nodes.find((node) => node.id === `g${edit}-large`);
      if (condition?.type === 'condition') {
        condition.data.conditions = { all: [{ fact: 'amount', operator: 'greaterThan', value: 1000 * edit + 7 }] };
      }
      const timing = await page.evaluate(async (next) => {
        const hook = window.__inkflowDesigner as NonNullable<typeof window.__inkflowDesigner>;
        const started = performance.now();
        hook.loadFlow(next);
        await new Promise((resolve) => requestAnimationFrame(resolve));
        return { validateMs: hook.validateMs(), frameMs: performance.now() - started };
      }, changed);
      validation.push(timing.validateMs);
      editToFrame.push(timing.frameMs);
    }
    const fps = Math.min(panFps, zoomFps);
    const lines = [
      `designer bench: ${flow.nodes.length} nodes, ${flow.edges.length} edges, Chromium 1280x800 (software rendering)`,
      '',
      `open (navigate → ${rendered} nodes on the canvas)   ${openMs.toFixed(0).padStart(6)} ms`,
      `auto-layout (elkjs, layered; in page ${layoutInPage.toFixed(0)} ms)  ${layoutMs.toFixed(0).padStart(6)} ms`,
      `open + layout                                  ${(openMs + layoutMs).toFixed(0).padStart(6)} ms   target < ${targets.openAndLayoutMs} ms: ${openMs + layoutMs < targets.openAndLayoutMs ? 'met' : 'NOT met'}`,
      `fps while panning                              ${panFps.toFixed(1).padStart(6)}`,
      `fps while zooming                              ${zoomFps.toFixed(1).padStart(6)}      target >= ${targets.fps}: ${fps >= targets.fps ? 'met' : 'NOT met'}`,
      `validation per edit (validateFlow), median     ${median(validation).toFixed(1).padStart(6)} ms (max ${Math.max(...validation).toFixed(1)})   target < ${targets.validationMs} ms: ${median(validation) < targets.validationMs ? 'met' : 'NOT met'}`,
      `edit → next frame (validation + render), median ${median(editToFrame).toFixed(1).padStart(5)} ms`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await session.close();
  }
}

await main();
