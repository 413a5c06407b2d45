import { afterEach, describe, expect, it, vi } from 'vitest';
import { demoFlow } from './fixture-flows.test-support.ts';

// A Worker that fails to load, as a blocked or missing elk-worker file does: an error event only.
class FailingWorker extends EventTarget {
  onmessage: ((event: MessageEvent) => void) | null = null;
  constructor(readonly url: string) {
    super();
    setTimeout(() => this.dispatchEvent(Object.assign(new Event('error'), { message: 'not found' })), 5);
  }
  postMessage(): void {}
  terminate(): void {}
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  vi.resetModules();
});

describe('where ELK runs', () => {
  it('lays out in-process where there is no Worker (Node), with the positions of the in-process path', async () => {
    const { computeLayout } = await import('./layout.ts');
    const flow = demoFlow();
    expect(await computeLayout(flow, 'worker')).toEqual(await computeLayout(flow, 'inProcess'));
  });

  it('falls back to the page thread when the layout worker fails to start, instead of waiting forever', async () => {
    vi.stubGlobal('window', {});
    vi.stubGlobal('Worker', FailingWorker);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { computeLayout } = await import('./layout.ts');
    const flow = demoFlow();
    const positions = await computeLayout(flow, 'worker');
    expect(logged).toHaveBeenCalledWith(expect.objectContaining({ message: expect.stringContaining('layout worker') }));
    expect(positions).toEqual(await computeLayout(flow, 'inProcess'));
  });
});
