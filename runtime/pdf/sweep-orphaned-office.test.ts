import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sweepOrphanedOffice } from './sweep-orphaned-office.ts';

const alive = (pid: number): boolean => {
  try {
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
  } catch {
    return false;
  }
};

function pidsMentioning(text: string): number[] {
  const out = execFileSync('pgrep', ['-f', text], { encoding: 'utf8' }).trim();
  return out === '' ? [] : out.split('\n').map(Number);
}

describe('sweepOrphanedOffice', () => {
  it('ends orphaned processes that name a profile under the data dir, and nothing else', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'inkflow-sweep-'));
    const otherDir = mkdtempSync(join(tmpdir(), 'inkflow-sweep-other-'));
    // The outer shell exits at once, so each inner bash is an orphan (parent 1) in a group of its own.
    execFileSync('setsid', ['sh', '-c', `bash -c 'sleep 300; : file://${dataDir}/profile' >/dev/null 2>&1 &`]);
    execFileSync('setsid', ['sh', '-c', `bash -c 'sleep 300; : file://${otherDir}/profile' >/dev/null 2>&1 &`]);
    // A live child of this (node) process is not an orphan and must survive.
    const child = spawn('bash', ['-c', `sleep 300; : file://${dataDir}/mine`], { detached: true, stdio: 'ignore' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const [orphan] = pidsMentioning(`file://${dataDir}/profile`);
    const [other] = pidsMentioning(`file://${otherDir}/profile`);
    expect(orphan).toBeGreaterThan(0);
    try {
      const swept = sweepOrphanedOffice(dataDir);
      expect(swept.length).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(alive(orphan as number)).toBe(false);
      expect(alive(other as number)).toBe(true);
      expect(alive(child.pid as number)).toBe(true);
    } finally {
      for (const pid of [other, child.pid]) {
        try {
          if (pid) process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
  });
});
