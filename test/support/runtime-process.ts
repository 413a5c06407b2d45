// The real runtime as a child process (node --import tsx runtime/main.ts), in a process group of
// its own so that a test can kill it with everything it started (LibreOffice included).
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface RuntimeProcess {
  child: ChildProcess;
  pid: number;
  port: number;
  /** Every line the process printed, stdout and stderr. */
  output: string[];
  /** stdout only: the structured (JSON) log. */
  logLines: string[];
  /** stderr only: what the terminal shows (the first admin token, the serving line). */
  terminalLines: string[];
  exited: Promise<number | null>;
}

const mainScript = new URL('../../runtime/main.ts', import.meta.url).pathname;
const repositoryRoot = new URL('../../', import.meta.url).pathname;

function portOf(line: string): number | undefined {
  try {
    const entry = JSON.parse(line) as { msg?: string; port?: number };
    return entry.msg === 'listening' && typeof entry.port === 'number' ? entry.port : undefined;
  } catch {
    return undefined;
  }
}

export function startRuntimeProcess(env: Record<string, string>, timeoutMs = 60_000): Promise<RuntimeProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', mainScript], {
    cwd: repositoryRoot,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const logLines: string[] = [];
  const terminalLines: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      killProcessGroup(child.pid as number);
      reject(new Error(`the runtime did not say "listening" within ${timeoutMs} ms:\n${output.slice(-20).join('\n')}`));
    }, timeoutMs);
    for (const [stream, lines] of [
      [child.stdout, logLines],
      [child.stderr, terminalLines],
    ] as const) {
      createInterface({ input: stream as NodeJS.ReadableStream }).on('line', (line) => {
        output.push(line);
        lines.push(line);
        const port = portOf(line);
        if (port !== undefined) {
          clearTimeout(timer);
          resolve({ child, pid: child.pid as number, port, output, logLines, terminalLines, exited });
        }
      });
    }
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the runtime exited (${code}) before listening:\n${output.slice(-20).join('\n')}`));
    });
  });
}

/** Runs the runtime until it exits by itself (a start that must fail); kills it after timeoutMs. */
export async function runRuntimeToExit(
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<{ code: number | null; stdout: string[]; stderr: string[] }> {
  const child = spawn(process.execPath, ['--import', 'tsx', mainScript], {
    cwd: repositoryRoot,
    env: { ...process.env, HOST: '127.0.0.1', ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => stdout.push(line));
  createInterface({ input: child.stderr as NodeJS.ReadableStream }).on('line', (line) => stderr.push(line));
  const timer = setTimeout(() => killProcessGroup(child.pid as number), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.once('close', (exitCode) => resolve(exitCode)));
  clearTimeout(timer);
  return { code, stdout, stderr };
}

/** SIGKILL to the whole process group: the runtime and whatever it spawned. */
export function killProcessGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

export function killProcess(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** A runtime that only answers HTTP: no job workers, no demo, no warm LibreOffice to wait for. */
export function startApiOnlyRuntime(dataDir: string, adminToken: string): Promise<RuntimeProcess> {
  return startRuntimeProcess({
    INKFLOW_DATA_DIR: dataDir,
    INKFLOW_ADMIN_TOKEN: adminToken,
    INKFLOW_WORKERS: '0',
    INKFLOW_PDF_PROVIDER: 'cold',
    INKFLOW_SEED_DEMO: '0',
    LOG_LEVEL: 'info',
  });
}
