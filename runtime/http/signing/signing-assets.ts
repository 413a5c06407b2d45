// /sign-assets/*: our CSS and script, and signature_pad from node_modules (no CDN), served by name only.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const signaturePadDir = join(dirname(createRequire(import.meta.url).resolve('signature_pad')), '.');
export const assets: Record<string, { file: string; type: string }> = {
  'signing.css': { file: join(here, '../../signing/assets/signing.css'), type: 'text/css; charset=utf-8' },
  'signer.js': { file: join(here, '../../signing/assets/signer.js'), type: 'text/javascript; charset=utf-8' },
  'signature_pad.umd.min.js': {
    file: join(signaturePadDir, 'signature_pad.umd.min.js'),
    type: 'text/javascript; charset=utf-8',
  },
};
