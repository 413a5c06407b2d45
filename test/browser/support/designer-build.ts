// The designer's build for browser tests: made once (npm run build) when designer/dist is missing or
// older than its sources, with a lock so that test files starting together do not build over each
// other. Nothing is skipped: without a build the tests build it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { staleReason } from '../../../runtime/setup/build-designer-if-stale.ts';

const repositoryRoot = new URL('../../../', import.meta.url).pathname;
const lock = join(tmpdir(), 'inkflow-designer-build.lock');

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function takeLock(timeoutMs: number): void {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      mkdirSync(lock);
      return;
    } catch {
      // A lock older than the timeout was left by a killed run.
      if (Date.now() - statSync(lock).mtimeMs > timeoutMs) rmdirSync(lock);
      if (Date.now() > until) throw new Error(`designer build lock ${lock} is held for too long`);
      sleep(200);
    }
  }
}

export function ensureDesignerBuild(): void {
  takeLock(180_000);
  try {
    const reason = staleReason(repositoryRoot);
    if (!reason) return;
    const built = spawnSync('npm', ['run', 'build', '--silent'], { cwd: repositoryRoot, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`npm run build failed (${reason}):\n${built.stdout}\n${built.stderr}`);
  } finally {
    rmdirSync(lock);
  }
}
