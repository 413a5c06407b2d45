// SIGTERM in the middle of a burst of keep-alive clients: every request that was sent gets an HTTP
// answer (those after the signal with Connection: close); a client only ever sees its next
// connection refused before it sends anything. Before, Node's server.close() destroyed idle
// keep-alive sockets while requests were on their way (16 of 200 clients got "socket hang up").

import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { killProcessGroup, type RuntimeProcess, startRuntimeProcess } from '../support/runtime-process.ts';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 60_000 });

const adminToken = 'ink_shutdown-drain-admin-token-0123456789abcdefghijkl';
const dataDir = mkdtempSync(join(tmpdir(), 'inkflow-drain-'));
let runtime: RuntimeProcess | undefined;

type Outcome = { kind: 'answered'; close: boolean } | { kind: 'refused' } | { kind: 'broken'; error: string };

function get(agent: Agent, port: number): Promise<Outcome> {
  return new Promise((resolve) => {
    const outgoing = request(
      { agent, host: '127.0.0.1', port, path: '/api/v1/pipelines', headers: { authorization: `Bearer ${adminToken}` } },
      (response) => {
        response.resume();
        response.once('end', () => resolve({ kind: 'answered', close: response.headers.connection === 'close' }));
        response.once('error', (error) => resolve({ kind: 'broken', error: error.message }));
      },
    );
    outgoing.once('error', (error: NodeJS.ErrnoException) =>
      resolve(
        error.code === 'ECONNREFUSED'
          ? { kind: 'refused' }
          : { kind: 'broken', error: `${error.code} ${error.message}` },
      ),
    );
    outgoing.end();
  });
}

describe('SIGTERM during a keep-alive burst (real runtime process)', () => {
  afterAll(() => {
    if (runtime) killProcessGroup(runtime.pid);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers every request it read and refuses only new connections', async () => {
    runtime = await startRuntimeProcess({
      INKFLOW_DATA_DIR: dataDir,
      INKFLOW_ADMIN_TOKEN: adminToken,
      INKFLOW_WORKERS: '0',
      INKFLOW_PDF_PROVIDER: 'cold',
    });
    const { port } = runtime;
    const clients = Array.from({ length: 200 }, () => new Agent({ keepAlive: true, maxSockets: 1 }));
    // Every client holds an established keep-alive connection before the signal.
    const warm = await Promise.all(clients.map((agent) => get(agent, port)));
    expect(warm.every((outcome) => outcome.kind === 'answered')).toBe(true);

    const outcomes: Outcome[] = [];
    let signalled = false;
    const loops = clients.map(async (agent) => {
      for (let n = 0; n < 1_000; n++) {
        const outcome = await get(agent, port);
        outcomes.push(outcome);
        if (outcome.kind !== 'answered') return;
      }
    });
    setTimeout(() => {
      signalled = true;
      runtime?.child.kill('SIGTERM');
    }, 500);
    await Promise.all(loops);
    for (const agent of clients) agent.destroy();

    expect(signalled).toBe(true);
    expect(outcomes.filter((outcome) => outcome.kind === 'broken')).toEqual([]);
    expect(outcomes.filter((outcome) => outcome.kind === 'refused')).toHaveLength(clients.length);
    expect(outcomes.filter((outcome) => outcome.kind === 'answered' && outcome.close).length).toBeGreaterThan(0);
    expect(await runtime.exited).toBe(0);
  });
});
