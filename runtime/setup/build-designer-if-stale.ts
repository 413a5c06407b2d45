// `npm start` runs this first: builds the designer (vite) when designer/dist is missing or older
// than any of its sources, which include the pure engine and the schemas it imports. A failed build
// is reported and start goes on: the runtime serves the API without the designer.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const repositoryRoot = resolve(new URL('../..', import.meta.url).pathname);

/** What goes into the build: designer sources (not its build, docs or tests), engine/ and schemas/. */
export const buildInputs = ['designer', 'engine', 'schemas'];
const skipped = new Set(['dist', 'node_modules', 'docs', 'screenshots']);
const isSource = (name: string): boolean => !/\.test\.tsx?$/.test(name) && !name.endsWith('.md');

function newestIn(directory: string): { file: string; mtimeMs: number } | undefined {
  if (!existsSync(directory)) return undefined;
  let newest: { file: string; mtimeMs: number } | undefined;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    const found = entry.isDirectory()
      ? skipped.has(entry.name)
        ? undefined
        : newestIn(path)
      : entry.isFile() && isSource(entry.name)
        ? { file: path, mtimeMs: statSync(path).mtimeMs }
        : undefined;
    if (found && (!newest || found.mtimeMs > newest.mtimeMs)) newest = found;
  }
  return newest;
}

/** Why the build must be made again, or undefined when designer/dist is up to date. */
export function staleReason(root: string = repositoryRoot): string | undefined {
  const built = join(root, 'designer', 'dist', 'index.html');
  if (!existsSync(built)) return 'designer/dist is missing';
  const builtAt = statSync(built).mtimeMs;
  for (const input of buildInputs) {
    const newest = newestIn(join(root, input));
    if (newest && newest.mtimeMs > builtAt) return `${relative(root, newest.file)} is newer than designer/dist`;
  }
  return undefined;
}

function main(): void {
  if (!existsSync(join(repositoryRoot, 'designer', 'vite.config.ts'))) {
    process.stderr.write('designer: no designer/vite.config.ts, serving the API only\n');
    return;
  }
  const reason = staleReason();
  if (!reason) return;
  process.stderr.write(`designer: ${reason}; building it (npm run build)\n`);
  const built = spawnSync('npm', ['run', 'build', '--silent'], { cwd: repositoryRoot, stdio: 'inherit' });
  if (built.status !== 0) {
    process.stderr.write('designer: the build failed (see above); the runtime will serve the API only\n');
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) main();
