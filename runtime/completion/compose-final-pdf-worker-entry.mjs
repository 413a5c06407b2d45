// A worker thread's entry: tsx compiles the TypeScript worker on the fly, as the template workers'
// entry does, so composeFinalPdf can start it from the sources under vitest and `npm start` alike.
import { register } from 'tsx/esm/api';

register();
await import('./compose-final-pdf-worker.ts');
