// The designer's static build (designer/dist) at `/`: files with their content type, index.html for
// any other page path (the designer routes by hash, but a reload of a deep link must still load),
// nothing under /api/ or /healthz. Without a build the runtime serves the API alone.
import { createReadStream, existsSync, type Stats, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type { Middleware } from 'koa';
import type { AppState } from './app-types.ts';

export const designerDistDirectory = resolve(new URL('../../designer/dist', import.meta.url).pathname);

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

// React Flow positions nodes with inline styles, and previews show PDFs from blob: URLs. No eval: the
// designer's build precompiles ajv's validators (designer/build/precompile-validators.ts).
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "frame-src 'self' blob:",
  "object-src 'self' blob:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The file a request path names inside root, or undefined when it would leave root or is malformed. */
export function fileInside(root: string, requestPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const file = resolve(root, `.${decoded.startsWith('/') ? '' : '/'}${decoded}`);
  return file === root || file.startsWith(root + sep) ? file : undefined;
}

function statFile(file: string): Stats | undefined {
  try {
    const stats = statSync(file);
    return stats.isFile() ? stats : undefined;
  } catch {
    return undefined;
  }
}

// The signer's and the verification pages are the runtime's own: a mistyped one is a 404 page of
// theirs, never the designer's sign-in screen.
const runtimeAreas = ['/api', '/sign', '/sign-assets', '/verify'];
const isApiPath = (path: string): boolean =>
  path === '/healthz' || runtimeAreas.some((area) => path === area || path.startsWith(`${area}/`));

export function serveDesigner(root: string = designerDistDirectory): Middleware<AppState> {
  const indexFile = join(root, 'index.html');
  return async (ctx, next) => {
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || isApiPath(ctx.path) || !existsSync(indexFile)) {
      return next();
    }
    const named = fileInside(root, ctx.path);
    if (named === undefined) return next();
    let file = named;
    let stats = statFile(named);
    // A missing asset is a 404, not the page: a stale index.html must not be parsed as script.
    if (!stats && extname(ctx.path) === '') {
      file = indexFile;
      stats = statFile(indexFile);
    }
    if (!stats) return next();
    const hashed = file.startsWith(join(root, 'assets') + sep);
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Referrer-Policy', 'no-referrer');
    ctx.set('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    ctx.set('ETag', `"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`);
    if (file === indexFile) ctx.set('Content-Security-Policy', contentSecurityPolicy);
    ctx.type = contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
    ctx.status = 200; // before ctx.fresh, which only holds for 2xx
    if (ctx.fresh) {
      ctx.status = 304;
      return;
    }
    if (ctx.method === 'GET') ctx.body = createReadStream(file);
    ctx.length = stats.size;
  };
}
