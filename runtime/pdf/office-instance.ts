// One warm LibreOffice: a `soffice --headless --accept=socket…` with a profile of its own (two
// instances sharing a profile silently lose conversions), driven by uno-bridge.py over JSON lines.
// soffice and the bridge each lead a process group, so one kill also takes soffice's children
// (the soffice script execs oosplash, which runs soffice.bin).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freePort } from './free-port.ts';
import { killGroup, processesInGroup, processesStopped, residentMemoryMb } from './process-table.ts';

export type BridgeAnswer = { ok: true } | { ok: false; reason: 'load' | 'store' | 'connection'; error: string };

export interface OfficeInstanceOptions {
  /** Owned by this instance (its profile lives inside); removed by kill(). */
  directory: string;
  sofficePath: string;
  pythonPath: string;
  startTimeoutMs: number;
  signal?: AbortSignal;
}

export interface OfficeInstance {
  readonly profileDirectory: string;
  readonly sofficeGroup: number;
  /** Settles when soffice or the bridge exits (never rejects), saying which and how. */
  readonly ended: Promise<string>;
  convert(input: string, output: string): Promise<BridgeAnswer>;
  /** Does soffice answer a UNO round trip within timeoutMs? (A frozen one does not.) */
  ping(timeoutMs: number): Promise<boolean>;
  /** Is a process of this instance stopped (SIGSTOP, a debugger)? */
  isStopped(): boolean;
  residentMemoryMb(): number;
  kill(): Promise<void>;
}

const bridgeScript = fileURLToPath(new URL('./uno-bridge.py', import.meta.url));

function exitOf(child: ChildProcess, name: string): Promise<string> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(`${name} exited`);
    child.once('exit', (code, signal) => resolve(`${name} exited (${signal ?? `code ${code}`})`));
    child.once('error', (error) => resolve(`${name} failed: ${error.message}`));
  });
}

function keepTail(child: ChildProcess): () => string {
  let tail = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-2000);
  });
  return () => tail.trim();
}

class WarmOffice implements OfficeInstance {
  readonly profileDirectory: string;
  readonly sofficeGroup: number;
  readonly ended: Promise<string>;
  private readonly bridge: ChildProcess;
  private readonly exits: Promise<unknown>;
  private readonly bridgeStderr: () => string;
  private readonly answers = new Map<number, (answer: BridgeAnswer) => void>();
  private readonly events: ((event: { event: string; error?: string }) => void)[] = [];
  private nextId = 1;
  private memberPids: number[] = [];
  private pinging: Promise<boolean> | undefined;
  private killing: Promise<void> | undefined;
  private endReason: string | undefined;

  constructor(
    private readonly options: OfficeInstanceOptions,
    soffice: ChildProcess,
    port: number,
    profileUrl: string,
  ) {
    this.profileDirectory = join(options.directory, 'profile');
    this.sofficeGroup = soffice.pid ?? 0;
    const connectSeconds = String(options.startTimeoutMs / 1000);
    const args = [bridgeScript, '--port', String(port), '--connect-timeout', connectSeconds];
    args.push('--soffice-group', String(this.sofficeGroup), '--profile-url', profileUrl);
    this.bridge = spawn(options.pythonPath, args, { detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
    this.bridge.stdin?.on('error', () => {}); // EPIPE after a crash: `ended` reports it
    this.bridgeStderr = keepTail(this.bridge);
    this.ended = Promise.race([exitOf(soffice, 'soffice'), exitOf(this.bridge, 'UNO bridge')]);
    this.exits = Promise.all([exitOf(soffice, 'soffice'), exitOf(this.bridge, 'UNO bridge')]);
    this.ended.then((reason) => {
      this.endReason = reason;
      for (const settle of [...this.answers.values()]) settle({ ok: false, reason: 'connection', error: reason });
    });
    if (this.bridge.stdout) createInterface({ input: this.bridge.stdout }).on('line', (line) => this.receive(line));
  }

  private receive(line: string): void {
    let message: { id?: number; event?: string } & Record<string, unknown>;
    try {
      message = JSON.parse(line);
    } catch {
      return; // not ours: pyuno may print warnings
    }
    if (typeof message.event === 'string') {
      for (const listener of this.events) listener({ event: message.event, error: String(message.error ?? '') });
    } else if (typeof message.id === 'number') {
      this.answers.get(message.id)?.(message as unknown as BridgeAnswer);
    }
  }

  async waitUntilReady(sofficeStderr: () => string): Promise<void> {
    const { startTimeoutMs, signal } = this.options;
    // The bridge gives up connecting after startTimeoutMs; the margin covers python's own start.
    const timer = delay(startTimeoutMs + 5000, 'timeout', { signal, ref: false }).catch(() => 'aborted');
    const ready = new Promise<{ event: string; error?: string }>((resolve) => this.events.push(resolve));
    const outcome = await Promise.race([ready, this.ended, timer]);
    if (typeof outcome === 'object' && outcome.event === 'ready') {
      this.memberPids = processesInGroup(this.sofficeGroup);
      return;
    }
    const why = typeof outcome === 'object' ? (outcome.error ?? outcome.event) : outcome;
    const stderr = [this.bridgeStderr(), sofficeStderr()].filter(Boolean).join(' | ');
    throw new Error(`LibreOffice did not start: ${why}${stderr ? ` (${stderr.slice(-500)})` : ''}`);
  }

  convert(input: string, output: string): Promise<BridgeAnswer> {
    return this.request({ input, output });
  }

  ping(timeoutMs: number): Promise<boolean> {
    // One ping at a time: health checks that overlap share it instead of queueing in the bridge.
    this.pinging ??= (async () => {
      const answer = this.request({ ping: true }).then((reply) => reply.ok);
      const timeout = delay(timeoutMs, false, { ref: false });
      try {
        return await Promise.race([answer, timeout]);
      } finally {
        // A frozen soffice answers late, if ever: the next ping starts only after it did.
        void answer.finally(() => {
          this.pinging = undefined;
        });
      }
    })();
    return this.pinging;
  }

  isStopped(): boolean {
    return processesStopped(this.memberPids);
  }

  private request(body: Record<string, unknown>): Promise<BridgeAnswer> {
    const id = this.nextId++;
    if (this.endReason !== undefined)
      return Promise.resolve({ ok: false, reason: 'connection', error: this.endReason });
    return new Promise<BridgeAnswer>((resolve) => {
      this.answers.set(id, (answer) => {
        this.answers.delete(id);
        resolve(answer);
      });
      this.bridge.stdin?.write(`${JSON.stringify({ id, ...body })}\n`);
    });
  }

  residentMemoryMb(): number {
    return residentMemoryMb(this.memberPids);
  }

  kill(): Promise<void> {
    this.killing ??= this.terminate();
    return this.killing;
  }

  private async terminate(): Promise<void> {
    if (this.sofficeGroup > 0) killGroup(this.sofficeGroup);
    if (this.bridge.pid) killGroup(this.bridge.pid);
    await Promise.race([this.exits, delay(5000, undefined, { ref: false })]);
    // soffice.bin may outlive oosplash by a moment: wait until the group is empty.
    for (let attempt = 0; attempt < 40 && this.sofficeGroup > 0; attempt++) {
      if (processesInGroup(this.sofficeGroup).length === 0) break;
      killGroup(this.sofficeGroup);
      await delay(50);
    }
    await rm(this.options.directory, { recursive: true, force: true });
  }
}

export async function startOfficeInstance(options: OfficeInstanceOptions): Promise<OfficeInstance> {
  const profileDirectory = join(options.directory, 'profile');
  await mkdir(profileDirectory, { recursive: true });
  const port = await freePort();
  const profileUrl = pathToFileURL(profileDirectory).href;
  const args = ['--headless', '--invisible', '--nologo', '--norestore'];
  args.push(`--accept=socket,host=127.0.0.1,port=${port};urp;`, `-env:UserInstallation=${profileUrl}`);
  const soffice = spawn(options.sofficePath, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  const sofficeStderr = keepTail(soffice);
  if (soffice.pid === undefined) {
    const failure = await exitOf(soffice, options.sofficePath);
    await rm(options.directory, { recursive: true, force: true });
    throw new Error(`LibreOffice did not start: ${failure}`);
  }
  const instance = new WarmOffice(options, soffice, port, profileUrl);
  try {
    await instance.waitUntilReady(sofficeStderr);
    return instance;
  } catch (error) {
    await instance.kill();
    throw error;
  }
}
