// Where ELK runs. In the page: a Web Worker running elkjs's own worker build (elk-worker.min.js,
// emitted by Vite as a file of its own on the same origin, which the CSP's worker-src 'self'
// allows), so laying out 500 nodes never blocks a frame. In Node (unit tests), or when the worker
// cannot start, and as the bench's baseline: the bundled build, in-process on the calling thread.
import type { ELK, ELKConstructorArguments, ElkNode } from 'elkjs/lib/elk-api.js';

export type ElkPlace = 'worker' | 'inProcess';

/** The one call layout.ts makes. */
export interface ElkLayouter {
  layout(graph: ElkNode): Promise<ElkNode>;
}

type ElkConstructor = new (options?: ELKConstructorArguments) => ELK;

// elkjs is CommonJS: its constructor arrives as `.default` (Vite, Node) or doubly wrapped.
function constructorOf(module: unknown): ElkConstructor {
  const wrapped = module as { default: ElkConstructor | { default: ElkConstructor } };
  return typeof wrapped.default === 'function' ? wrapped.default : wrapped.default.default;
}

async function inProcess(): Promise<ElkLayouter> {
  const Elk = constructorOf(await import('elkjs/lib/elk.bundled.js'));
  return new Elk();
}

// A worker that fails to load only says so in an error event: without this race, the layout's
// promise would wait for an answer forever.
async function inWorker(): Promise<ElkLayouter> {
  const [api, script] = await Promise.all([import('elkjs/lib/elk-api.js'), import('elkjs/lib/elk-worker.min.js?url')]);
  let fail: (error: Error) => void = () => undefined;
  const failed = new Promise<never>((_resolve, reject) => {
    fail = reject;
  });
  failed.catch(() => undefined);
  const Elk = constructorOf(api);
  const elk = new Elk({
    workerUrl: script.default,
    workerFactory: (url) => {
      const worker = new Worker(url as string);
      worker.addEventListener('error', (event) => fail(new Error(`the layout worker failed: ${event.message}`)));
      return worker;
    },
  });
  return { layout: (graph) => Promise.race([elk.layout(graph), failed]) };
}

const canUseWorker = (): boolean => typeof Worker === 'function' && typeof window !== 'undefined';
const instances = new Map<ElkPlace, Promise<ElkLayouter>>();

/** The ELK of a place, created once; `worker` falls back to in-process where there is no Worker. */
export function elkAt(place: ElkPlace = 'worker'): Promise<ElkLayouter> {
  const where: ElkPlace = place === 'worker' && canUseWorker() ? 'worker' : 'inProcess';
  let instance = instances.get(where);
  if (!instance) {
    instance = where === 'worker' ? inWorker() : inProcess();
    instances.set(where, instance);
  }
  return instance;
}

/** Forgets a worker that failed, so the next layout runs in-process instead. */
export function dropWorker(): void {
  instances.delete('worker');
}
