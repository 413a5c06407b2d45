// Vite build of the designer: root designer/, output designer/dist (served by the runtime at /).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { precompileValidators } from './build/precompile-validators.ts';

const here = dirname(fileURLToPath(import.meta.url));

// schemas/validators.ts reads the schema files with node:fs; in the browser the same names resolve
// to small shims that serve the bundled JSON, so the engine's validation runs unchanged.
// ajv compiles validators with `new Function`, which the runtime's Content-Security-Policy
// (script-src 'self') forbids: the browser gets them precompiled at build time instead.
const nodeShims: Record<string, string> = {
  'node:fs': resolve(here, 'src/shims/node-fs.ts'),
  'node:path': resolve(here, 'src/shims/node-path.ts'),
  'node:url': resolve(here, 'src/shims/node-url.ts'),
  ajv: resolve(here, 'build/ajv-browser.ts'),
  'ajv-formats': resolve(here, 'build/ajv-formats-browser.ts'),
};
const validatorsModule = 'virtual:inkflow-validators';

function browserShims(): Plugin {
  return {
    name: 'inkflow-node-shims',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === validatorsModule) return `\0${validatorsModule}`;
      // The precompiled code imports ajv's own runtime helpers: those stay the real package.
      if (importer?.includes(validatorsModule)) return null;
      return nodeShims[source] ?? null;
    },
    load(id) {
      return id === `\0${validatorsModule}` ? precompileValidators() : null;
    },
  };
}

// The API the dev server and `vite preview` forward to (a runtime started separately).
const apiTarget = process.env.INKFLOW_API ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: here,
  base: '/',
  plugins: [browserShims(), react()],
  build: {
    outDir: resolve(here, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: { fs: { allow: [resolve(here, '..')] }, proxy: { '/api': apiTarget } },
  preview: { proxy: { '/api': apiTarget } },
});
