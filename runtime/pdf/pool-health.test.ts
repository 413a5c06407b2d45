import { describe, expect, it } from 'vitest';
import type { OfficeInstance } from './office-instance.ts';
import { type PoolView, poolHealth, type SlotView } from './pool-health.ts';

function instance(answers: { ping?: boolean; stopped?: boolean } = {}): OfficeInstance {
  return {
    profileDirectory: '/tmp/p',
    sofficeGroup: 1,
    ended: new Promise(() => {}),
    convert: async () => ({ ok: true }),
    ping: async () => answers.ping ?? true,
    isStopped: () => answers.stopped ?? false,
    residentMemoryMb: () => 0,
    kill: async () => {},
  };
}

const now = 1_000_000;
const idle = (answers?: { ping?: boolean; stopped?: boolean }): SlotView => ({
  state: 'idle',
  instance: instance(answers),
  busySince: 0,
});
const pool = (slots: SlotView[], extra: Partial<PoolView> = {}): PoolView => ({
  slots,
  timeoutMs: 30_000,
  queued: 0,
  oldestQueuedAt: undefined,
  lastFinishedAt: now - 1_000,
  lastStartError: '',
  ...extra,
});

describe('poolHealth', () => {
  it('is ok while one instance can convert', async () => {
    expect(await poolHealth(pool([idle(), idle({ ping: false })]), now)).toEqual({
      ok: true,
      detail: '1 of 2 LibreOffice instances ready, 0 queued',
    });
  });

  it('fails when every instance is frozen, stopped or busy past the timeout', async () => {
    const stuck: SlotView = { state: 'busy', instance: instance(), busySince: now - 45_000 };
    const health = await poolHealth(pool([idle({ ping: false }), idle({ stopped: true }), stuck]), now);
    expect(health.ok).toBe(false);
    expect(health.detail).toMatch(
      /^0 of 3 .*instance 0 did not answer.*instance 1 is stopped.*instance 2 busy for 45 s/,
    );
  });

  it('fails when queued work waited past the timeout with nothing finishing', async () => {
    const waiting = pool([idle()], { queued: 4, oldestQueuedAt: now - 40_000, lastFinishedAt: now - 60_000 });
    expect(await poolHealth(waiting, now)).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/no conversion finished for 40 s/),
    });
    const moving = pool([idle()], { queued: 4, oldestQueuedAt: now - 40_000, lastFinishedAt: now - 2_000 });
    expect((await poolHealth(moving, now)).ok).toBe(true);
  });

  it('names the last start failure when nothing could start', async () => {
    const starting: SlotView = { state: 'starting', instance: undefined, busySince: 0 };
    const health = await poolHealth(pool([starting], { lastStartError: 'soffice: not found' }), now);
    expect(health).toMatchObject({
      ok: false,
      detail: expect.stringContaining('last start failed: soffice: not found'),
    });
  });
});
