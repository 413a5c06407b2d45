// A worker thread's entry: tsx compiles the TypeScript worker on the fly (as runtime/cli/inkflow.mjs
// does for the CLI), so the worker starts from the sources under vitest and `npm start` alike.
import { register } from 'tsx/esm/api';

register();
await import('./flow-check-worker.ts');
