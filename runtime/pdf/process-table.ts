// The processes of one LibreOffice instance, read from /proc (Linux): who is still alive in a
// process group, what a command line mentions, and how much memory they hold.
import { readdirSync, readFileSync } from 'node:fs';

interface ProcessEntry {
  pid: number;
  group: number;
  zombie: boolean;
  stopped: boolean;
}

function readEntry(pid: number): ProcessEntry | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name sits in parentheses and may contain spaces: fields start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { pid, zombie: fields[0] === 'Z', stopped: fields[0] === 'T', group: Number(fields[2]) };
  } catch {
    return undefined; // it exited while we looked
  }
}

function allPids(): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
}

/** Live (non-zombie) processes whose process group is `group`. */
export function processesInGroup(group: number): number[] {
  return allPids()
    .map(readEntry)
    .filter((entry): entry is ProcessEntry => entry !== undefined && entry.group === group && !entry.zombie)
    .map((entry) => entry.pid);
}

/** Live processes whose command line contains `text` (e.g. a profile directory). */
export function processesMentioning(text: string): number[] {
  return allPids().filter((pid) => {
    if (pid === process.pid) return false;
    try {
      const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      return commandLine.includes(text) && readEntry(pid)?.zombie === false;
    } catch {
      return false;
    }
  });
}

/** Is one of the given processes stopped (SIGSTOP)? Gone processes are not. */
export function processesStopped(pids: readonly number[]): boolean {
  return pids.some((pid) => readEntry(pid)?.stopped === true);
}

/** Resident memory (VmRSS) of the given processes together, in MB; gone processes count 0. */
export function residentMemoryMb(pids: readonly number[]): number {
  let kilobytes = 0;
  for (const pid of pids) {
    try {
      const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      kilobytes += match ? Number(match[1]) : 0;
    } catch {
      // exited
    }
  }
  return kilobytes / 1024;
}

/** SIGKILL a whole process group (SIGKILL also ends a SIGSTOPped process); a gone group is fine. */
export function killGroup(group: number): void {
  try {
    process.kill(-group, 'SIGKILL');
  } catch {
    // ESRCH: nothing left in the group
  }
}

export function killProcesses(pids: readonly number[]): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
