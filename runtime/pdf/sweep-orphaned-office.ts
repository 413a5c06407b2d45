// At start, LibreOffice instances left behind by a runtime that was killed (kill -9) before its
// UNO bridges could take them down are ended. Only orphans are touched: an instance whose runtime
// still lives (another process sharing the data dir) has that runtime as its parent.
import { readdirSync, readFileSync } from 'node:fs';

interface Candidate {
  pid: number;
  parent: number;
  group: number;
}

function readCandidate(pid: number, marker: string): Candidate | undefined {
  try {
    const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (!commandLine.includes(marker)) return undefined;
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { pid, parent: Number(fields[1]), group: Number(fields[2]) };
  } catch {
    return undefined;
  }
}

function isRuntimeProcess(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('node');
  } catch {
    return false;
  }
}

/** Kills the process groups of orphaned instances whose profiles live under workDir; returns them. */
export function sweepOrphanedOffice(workDir: string): number[] {
  const marker = `file://${workDir}`;
  const swept = new Set<number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    const candidate = readCandidate(Number(name), marker);
    // Leaders (oosplash, the bridge) are children of their runtime; soffice.bin of oosplash.
    if (!candidate || isRuntimeProcess(candidate.parent) || candidate.parent !== 1) continue;
    try {
      process.kill(-candidate.group, 'SIGKILL');
      swept.add(candidate.group);
    } catch {
      // already gone
    }
  }
  return [...swept];
}
