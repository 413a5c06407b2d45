// A worker thread's entry: tsx compiles the TypeScript worker on the fly, as runtime/cli/inkflow.mjs
// does for the CLI, so the pool can start workers from the sources under vitest and `npm start` alike.
import { register } from 'tsx/esm/api';

register();
await import('./template-worker.ts');
