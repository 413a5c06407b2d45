// The 'warm' provider: a pool of long-running LibreOffice instances, one profile and port each,
// behind one queue. Measured: a cold soffice costs 1.1-5.6 CPU-s per document, a warm one ~0.08.
// An instance is killed and restarted when a conversion times out or it crashes; it is replaced
// after `restartAfter` conversions or above `maxMemoryMb`, so a leak never grows without bound.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { convertOnInstance } from './convert-on-instance.ts';
import type { PdfConverter, ResolvedPdfConfig } from './convert-to-pdf.ts';
import { type OfficeInstance, startOfficeInstance } from './office-instance.ts';
import { assertDocxBytes, PdfConversionError } from './pdf-conversion-error.ts';
import { poolHealth } from './pool-health.ts';

interface Job {
  docx: Uint8Array;
  timeoutMs: number;
  queuedAt: number;
  settled: boolean;
  resolve(pdf: Uint8Array): void;
  reject(error: PdfConversionError): void;
}

interface Slot {
  index: number;
  generation: number;
  state: 'starting' | 'idle' | 'busy';
  /** The last start attempt failed: it waits before trying again. */
  failing: boolean;
  instance: OfficeInstance | undefined;
  /** A planned replacement is starting (or ready) while `instance` keeps serving. */
  replacing: boolean;
  /** The started replacement, waiting for the slot's current job to end. */
  replacement: OfficeInstance | undefined;
  conversions: number;
  job: Job | undefined;
  busySince: number;
}

type LogLevel = 'info' | 'warn' | 'error';

const backoffMs = (attempt: number) => Math.min(30_000, 1000 * 2 ** attempt);

class WarmPool implements PdfConverter {
  private readonly root: string;
  private readonly jobsDirectory: string;
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private readonly lifetime = new AbortController();
  private readonly tasks = new Set<Promise<void>>();
  private readonly counts = { converted: 0, failed: 0, restarts: 0 };
  private closed = false;
  private closing: Promise<void> | undefined;
  private lastStartError = '';
  private lastFinishedAt = Date.now();

  constructor(private readonly config: ResolvedPdfConfig) {
    mkdirSync(config.workDir, { recursive: true });
    this.root = mkdtempSync(join(config.workDir, 'inkflow-pdf-'));
    this.jobsDirectory = join(this.root, 'jobs');
    mkdirSync(this.jobsDirectory);
    this.slots = Array.from({ length: config.instances }, (_, index) => ({
      index,
      generation: 0,
      state: 'starting' as const,
      failing: false,
      instance: undefined,
      replacing: false,
      replacement: undefined,
      conversions: 0,
      job: undefined,
      busySince: 0,
    }));
    for (const slot of this.slots) this.track(this.startSlot(slot));
  }

  convert(docx: Uint8Array, options: { timeoutMs?: number } = {}): Promise<Uint8Array> {
    return new Promise<Uint8Array>((resolve, reject) => {
      const timeoutMs = options.timeoutMs ?? this.config.timeoutMs;
      const job: Job = { docx, timeoutMs, queuedAt: Date.now(), settled: false, resolve, reject };
      if (this.closed) return this.fail(job, new PdfConversionError('PDF_CLOSED', 'the PDF converter is closed'));
      try {
        assertDocxBytes(docx);
      } catch (error) {
        return this.fail(job, error as PdfConversionError);
      }
      this.queue.push(job);
      this.dispatch();
    });
  }

  /** Whether conversions can make progress (see pool-health.ts). */
  async health(): Promise<{ ok: boolean; detail: string }> {
    if (this.closed) return { ok: false, detail: 'the PDF converter is closed' };
    return poolHealth({
      slots: this.slots,
      timeoutMs: this.config.timeoutMs,
      oldestQueuedAt: this.queue[0]?.queuedAt,
      queued: this.queue.length,
      lastFinishedAt: this.lastFinishedAt,
      lastStartError: this.lastStartError,
    });
  }

  stats() {
    return { provider: 'warm' as const, instances: this.slots.length, ...this.counts };
  }

  close(): Promise<void> {
    this.closed = true;
    this.closing ??= this.shutdown();
    return this.closing;
  }

  private async shutdown(): Promise<void> {
    this.lifetime.abort();
    const closedError = () => new PdfConversionError('PDF_CLOSED', 'the PDF converter was closed');
    for (const job of this.queue.splice(0)) this.fail(job, closedError());
    for (const slot of this.slots) if (slot.job) this.fail(slot.job, closedError());
    await Promise.all(this.slots.flatMap((slot) => [slot.instance?.kill(), slot.replacement?.kill()]));
    // Starts in progress see the abort, kill what they started and return.
    while (this.tasks.size > 0) await Promise.all([...this.tasks]);
    await rm(this.root, { recursive: true, force: true });
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0 || this.closed) return;
      if (slot.state === 'idle') void this.run(slot, this.queue.shift()!);
    }
  }

  private async run(slot: Slot, job: Job): Promise<void> {
    const instance = slot.instance!;
    slot.state = 'busy';
    slot.job = job;
    slot.busySince = Date.now();
    const outcome = await convertOnInstance(instance, job.docx, this.jobsDirectory, job.timeoutMs);
    slot.job = undefined;
    this.lastFinishedAt = Date.now();
    slot.conversions++;
    if (outcome.ok) this.succeed(job, outcome.pdf);
    else this.fail(job, outcome.error);
    if (this.closed) return;
    if (!outcome.ok && outcome.instanceBroken) {
      this.log('warn', { instance: slot.index, code: outcome.error.code }, outcome.error.message);
      this.track(this.restartSlot(slot, outcome.error.message));
      return;
    }
    slot.state = 'idle';
    if (slot.replacement) this.swapInReplacement(slot);
    else {
      const reason = this.recycleReason(slot, instance);
      if (reason) this.track(this.replaceSlot(slot, reason));
    }
    this.dispatch();
  }

  /** Why to replace a healthy instance, checked in between jobs; undefined to keep it. */
  private recycleReason(slot: Slot, instance: OfficeInstance): string | undefined {
    if (slot.replacing) return undefined;
    const { restartAfter, maxMemoryMb } = this.config;
    const memoryMb = maxMemoryMb > 0 ? instance.residentMemoryMb() : 0;
    if (memoryMb > maxMemoryMb) return `soffice holds ${Math.round(memoryMb)} MB (limit ${maxMemoryMb} MB)`;
    if (restartAfter === 0 || slot.conversions < restartAfter) return undefined;
    // One planned start at a time: a starting soffice takes a core for seconds.
    const othersStarting = this.slots.some(
      (other) => other !== slot && (other.replacing || other.state === 'starting'),
    );
    return othersStarting ? undefined : `${slot.conversions} conversions (restartAfter ${restartAfter})`;
  }

  /**
   * A planned restart starts the replacement while the old instance keeps serving, and swaps them
   * in between jobs: a start takes 6-18 s (measured), too long to leave the slot empty.
   */
  private async replaceSlot(slot: Slot, reason: string): Promise<void> {
    const current = slot.instance;
    slot.replacing = true;
    this.log('info', { instance: slot.index, reason, conversions: slot.conversions }, 'replacing LibreOffice instance');
    let fresh: OfficeInstance;
    try {
      fresh = await this.startInstance(slot);
    } catch (error) {
      if (this.closed || slot.instance !== current) return;
      slot.replacing = false; // tried again after the next job
      this.log('warn', { instance: slot.index, error: (error as Error).message }, 'replacement did not start');
      return;
    }
    // Closed, or the instance crashed meanwhile and was restarted without us: not needed any more.
    if (this.closed || slot.instance !== current) return await fresh.kill();
    slot.replacement = fresh;
    if (slot.state === 'idle') this.swapInReplacement(slot);
  }

  private swapInReplacement(slot: Slot): void {
    const old = slot.instance;
    const fresh = slot.replacement!;
    Object.assign(slot, { instance: fresh, replacement: undefined, replacing: false, conversions: 0 });
    this.counts.restarts++;
    this.watchWhileIdle(slot, fresh);
    this.log('info', { instance: slot.index }, 'LibreOffice instance replaced');
    if (old) this.track(old.kill());
  }

  /** A broken instance is killed at once; its replacement is the spare if one is ready. */
  private async restartSlot(slot: Slot, reason: string): Promise<void> {
    this.counts.restarts++;
    this.log(
      'info',
      { instance: slot.index, reason, conversions: slot.conversions },
      'restarting LibreOffice instance',
    );
    const { instance: old, replacement: spare } = slot;
    Object.assign(slot, { instance: undefined, replacement: undefined, replacing: false, state: 'starting' });
    await old?.kill();
    if (spare && !this.closed) return this.install(slot, spare);
    await this.startSlot(slot);
  }

  private async startSlot(slot: Slot): Promise<void> {
    slot.state = 'starting';
    for (let attempt = 0; !this.closed; attempt++) {
      const startedAt = Date.now();
      try {
        const instance = await this.startInstance(slot);
        if (this.closed) return await instance.kill();
        this.log('info', { instance: slot.index, startMs: Date.now() - startedAt }, 'LibreOffice instance ready');
        return this.install(slot, instance);
      } catch (error) {
        if (this.closed) return;
        slot.failing = true;
        this.lastStartError = (error as Error).message;
        this.log('error', { instance: slot.index, attempt }, this.lastStartError);
        this.rejectQueueIfNothingCanServe();
        await delay(backoffMs(attempt), undefined, { signal: this.lifetime.signal }).catch(() => {});
      }
    }
  }

  private install(slot: Slot, instance: OfficeInstance): void {
    Object.assign(slot, { instance, conversions: 0, failing: false, state: 'idle' });
    this.watchWhileIdle(slot, instance);
    this.dispatch();
  }

  private startInstance(slot: Slot): Promise<OfficeInstance> {
    slot.generation++;
    const { sofficePath, pythonPath, startTimeoutMs } = this.config;
    const directory = join(this.root, `instance-${slot.index}-${slot.generation}`);
    return startOfficeInstance({ directory, sofficePath, pythonPath, startTimeoutMs, signal: this.lifetime.signal });
  }

  /** A crash while busy is reported by the conversion itself; one while idle is caught here. */
  private watchWhileIdle(slot: Slot, instance: OfficeInstance): void {
    void instance.ended.then((reason) => {
      if (this.closed || slot.instance !== instance || slot.state !== 'idle') return;
      this.log('warn', { instance: slot.index, reason }, 'LibreOffice instance exited while idle');
      this.track(this.restartSlot(slot, reason));
    });
  }

  private rejectQueueIfNothingCanServe(): void {
    if (!this.slots.every((slot) => slot.failing)) return;
    const message = `no LibreOffice instance can start: ${this.lastStartError}`;
    for (const job of this.queue.splice(0)) this.fail(job, new PdfConversionError('PDF_UNAVAILABLE', message));
  }

  private succeed(job: Job, pdf: Uint8Array): void {
    if (job.settled) return;
    job.settled = true;
    this.counts.converted++;
    job.resolve(pdf);
  }

  private fail(job: Job, error: PdfConversionError): void {
    if (job.settled) return;
    job.settled = true;
    this.counts.failed++;
    job.reject(error);
  }

  private track(task: Promise<void>): void {
    const tracked = task
      .catch((error: Error) => this.log('error', { error: error.message }, 'LibreOffice instance management failed'))
      .finally(() => this.tasks.delete(tracked));
    this.tasks.add(tracked);
  }

  // The runtime hands in a child logger already tagged `component: 'pdf'`: tagging again here
  // wrote the key twice into every line.
  private log(level: LogLevel, details: object, message: string): void {
    this.config.logger[level](details, message);
  }
}

export function createWarmPool(config: ResolvedPdfConfig): PdfConverter {
  return new WarmPool(config);
}
