// The warm pool's answer to /healthz: whether conversions can make progress, not only whether
// instances exist. An instance counts when it is idle and answers a UNO round trip (a frozen
// soffice does not), or busy for less than the conversion timeout and not stopped; and queued
// work must not have waited longer than the timeout with no conversion finishing meanwhile.
import type { OfficeInstance } from './office-instance.ts';

/** How long an idle instance may take to answer the health check's UNO round trip. */
const pingTimeoutMs = 2_000;

export interface SlotView {
  state: 'starting' | 'idle' | 'busy';
  instance: OfficeInstance | undefined;
  busySince: number;
}

export interface PoolView {
  slots: readonly SlotView[];
  timeoutMs: number;
  queued: number;
  oldestQueuedAt: number | undefined;
  lastFinishedAt: number;
  lastStartError: string;
}

/** Why a slot cannot convert now, or undefined when it can. */
async function problemOf(slot: SlotView, now: number, timeoutMs: number): Promise<string | undefined> {
  const instance = slot.instance;
  if (slot.state === 'starting' || !instance) return 'starting';
  if (instance.isStopped()) return 'is stopped (SIGSTOP)';
  if (slot.state === 'busy') {
    const busyMs = now - slot.busySince;
    return busyMs > timeoutMs ? `busy for ${Math.round(busyMs / 1000)} s, past the timeout` : undefined;
  }
  return (await instance.ping(pingTimeoutMs)) ? undefined : `did not answer within ${pingTimeoutMs} ms (frozen?)`;
}

export async function poolHealth(pool: PoolView, now = Date.now()): Promise<{ ok: boolean; detail: string }> {
  const problems = await Promise.all(pool.slots.map((slot) => problemOf(slot, now, pool.timeoutMs)));
  const ready = problems.filter((problem) => problem === undefined).length;
  const summary = `${ready} of ${pool.slots.length} LibreOffice instances ready, ${pool.queued} queued`;
  const why = problems.flatMap((problem, index) => (problem ? [`instance ${index} ${problem}`] : []));
  const waitingSince = pool.oldestQueuedAt === undefined ? now : Math.max(pool.oldestQueuedAt, pool.lastFinishedAt);
  const stalledMs = now - waitingSince;
  if (stalledMs > pool.timeoutMs) {
    why.unshift(`no conversion finished for ${Math.round(stalledMs / 1000)} s while work waits`);
  } else if (ready > 0) {
    return { ok: true, detail: summary };
  }
  if (ready === 0 && pool.lastStartError && problems.every((problem) => problem === 'starting')) {
    why.push(`last start failed: ${pool.lastStartError}`);
  }
  return { ok: false, detail: `${summary}: ${why.join('; ')}` };
}
