// The whole runtime as a child process, pushed at every limit while another client polls /healthz:
// every route with a body over its size limit and one nested past the depth limit, template uploads
// cut short, and 5,000-node flows of each shape (chain, ladder, fan-out, deep nesting) through
// POST /flows, validate and publish, with an event evaluated on each flow that publishes. Nothing
// may crash or answer 5xx, every /healthz poll must get an answer, and the process's memory stays
// under a generous bound. Figures (poll latency, peak RSS) are printed, not asserted: machines are noisy.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApiPath } from '../../runtime/http/openapi/api-path.ts';
import { apiPaths } from '../../runtime/http/openapi/api-paths.ts';
import type { EventAccepted, Flow, FlowDetail, Run } from '../../schemas/index.ts';
import {
  chainFlow,
  contractEvent,
  deepChainFlow,
  fanOutFlow,
  ladderFlow,
  sendContract,
} from '../support/large-flows.ts';
import { killProcessGroup, type RuntimeProcess, startRuntimeProcess } from '../support/runtime-process.ts';
import { taggedDocx } from '../support/tagged-docx.ts';
import {
  dropMidBody,
  type HealthPoll,
  type MemorySampler,
  nestedJson,
  oversizedJson,
  pollHealth,
  rawExchange,
  sampleMemory,
} from './robustness-probes.ts';

vi.setConfig({ testTimeout: 300_000, hookTimeout: 120_000 });

const adminToken = 'ink_robustness-admin-token-0123456789abcdefghijklmnopq';
const memoryBound = 1.5 * 1024 ** 3;
const dataDir = mkdtempSync(join(tmpdir(), 'inkflow-robustness-'));
const boundary = 'inkflowrobustboundary7';

/**
 * 5,000 nodes that publish: the trigger → 2,499 conditions that no deal passes, each to an action of
 * its own document type, and one contract sent directly. Every event evaluates 2,500 rules.
 */
function guardedFanOutFlow(): Flow {
  const base = chainFlow(3);
  const nodes: Flow['nodes'] = [base.nodes[0] as Flow['nodes'][number]];
  const edges: Flow['edges'] = [];
  for (let at = 0; at < 2_499; at++) {
    const conditions = { all: [{ fact: 'amount', operator: 'greaterThan', value: 1e12 + at }] };
    nodes.push({
      id: `guard${at}`,
      type: 'condition',
      position: { x: 0, y: 0 },
      data: { conditions },
    } as Flow['nodes'][number]);
    const send = sendContract(`send${at}`);
    nodes.push({ ...send, data: { ...send.data, documentType: `d${at}` } } as Flow['nodes'][number]);
    edges.push({ id: `a${at}`, source: 'start', target: `guard${at}` });
    edges.push({ id: `b${at}`, source: `guard${at}`, target: `send${at}`, sourceHandle: 'true' });
  }
  nodes.push(sendContract('send-contract'));
  edges.push({ id: 'direct', source: 'start', target: 'send-contract' });
  return { ...base, id: 'guarded', nodes, edges };
}

describe('the runtime under every limit at once (real process)', () => {
  let runtime: RuntimeProcess;
  let baseUrl: string;
  let health: HealthPoll;
  let memory: MemorySampler;
  const answers: { what: string; status: number }[] = [];

  beforeAll(async () => {
    runtime = await startRuntimeProcess({
      INKFLOW_DATA_DIR: dataDir,
      INKFLOW_ADMIN_TOKEN: adminToken,
      INKFLOW_SEED_DEMO: '1',
      INKFLOW_WORKERS: '1',
      INKFLOW_PDF_PROVIDER: 'cold',
      LOG_LEVEL: 'info',
    });
    baseUrl = `http://127.0.0.1:${runtime.port}`;
    health = pollHealth(baseUrl);
    memory = sampleMemory(runtime.pid);
  });
  afterAll(async () => {
    await health?.stop();
    memory?.stop();
    if (runtime) killProcessGroup(runtime.pid);
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function call(method: string, path: string, body?: string, type = 'application/json') {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${adminToken}`, ...(body !== undefined ? { 'content-type': type } : {}) },
      ...(body !== undefined ? { body } : {}),
      signal: AbortSignal.timeout(240_000),
    });
    const text = await response.text();
    answers.push({ what: `${method} ${path}`, status: response.status });
    return { status: response.status, text };
  }

  const concrete = (entry: ApiPath) =>
    entry.path.replace(/:(\w+)/g, (_match, name: string) =>
      name === 'version' ? '1' : name === 'pipelineId' ? 'sales' : 'unknown-id',
    );
  const jsonRoutes = apiPaths.filter((entry) => entry.request?.contentType === 'application/json');

  it('refuses a body over the size limit on every JSON route (413), declared or streamed', async () => {
    expect(jsonRoutes.length).toBeGreaterThan(10);
    const huge = oversizedJson(9 * 1024 * 1024);
    const statuses = new Map<string, number>();
    for (const entry of jsonRoutes) {
      const { status } = await call(entry.method.toUpperCase(), concrete(entry), huge);
      statuses.set(`${entry.method} ${entry.path}`, status);
    }
    expect([...statuses].filter(([, status]) => status !== 413)).toEqual([]);
    // Chunked, without a Content-Length: the limit counts the bytes as they arrive.
    const stream = new ReadableStream({
      start(controller) {
        for (let at = 0; at < 12; at++) controller.enqueue(new TextEncoder().encode('x'.repeat(1024 * 1024)));
        controller.close();
      },
    });
    const streamed = await fetch(`${baseUrl}/api/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it('refuses a body nested past the depth limit on every JSON route with a 4xx', async () => {
    const deep = nestedJson(50_000);
    for (const entry of jsonRoutes) {
      const { status, text } = await call(entry.method.toUpperCase(), concrete(entry), deep);
      expect({
        route: `${entry.method} ${entry.path}`,
        clientError: status >= 400 && status < 500,
        text: text.slice(0, 200),
      }).toMatchObject({
        clientError: true,
      });
    }
    const events = await call('POST', '/api/v1/events', deep);
    expect(events.text).toContain('JSON_TOO_DEEP');
  });

  it('refuses a template over 10 MB (413) and answers uploads cut short with 400', async () => {
    const form = new FormData();
    form.append('documentType', 'contract');
    form.append('file', new Blob([new Uint8Array(10 * 1024 * 1024 + 1)]), 'big.docx');
    const big = await fetch(`${baseUrl}/api/v1/templates`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}` },
      body: form,
    });
    await big.arrayBuffer();
    expect(big.status).toBe(413);
    const file = Buffer.from(taggedDocx(['{deal.title}']));
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="documentType"\r\n\r\ncontract\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cut.docx"\r\n\r\n`,
    );
    const whole = Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const cuts = [head.indexOf('filename='), head.length + Math.floor(file.length / 2), head.length + file.length];
    const requestHead = (length: number) =>
      `POST /api/v1/templates HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${adminToken}\r\n` +
      `Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${length}\r\nConnection: close\r\n\r\n`;
    for (const cut of cuts) {
      const body = whole.subarray(0, cut);
      const answer = await rawExchange(runtime.port, requestHead(body.length), body);
      answers.push({ what: `upload cut at ${cut}`, status: answer.status });
      expect({ cut, status: answer.status }).toEqual({ cut, status: 400 });
    }
    await dropMidBody(runtime.port, requestHead(whole.length), whole.subarray(0, cuts[1]));
    expect((await call('GET', '/api/v1/templates')).status).toBe(200);
  });

  it('refuses a flow over 5,000 nodes with 400 naming the limit', async () => {
    const flow = chainFlow(5_001);
    const { status, text } = await call('POST', '/api/v1/flows', JSON.stringify({ draft: { ...flow, id: 'too-big' } }));
    expect(status).toBe(400);
    expect(text).toContain('/draft/nodes');
  });

  const shapes: [string, () => Flow][] = [
    // Chains once compiled to an `all` of 5,001 members and were refused (FLOW_TOO_LARGE): now nested groups.
    ['chain (publishable)', () => chainFlow()],
    ['ladder', () => ladderFlow()],
    ['fan-out', () => fanOutFlow()],
    ['deep nesting (publishable)', () => deepChainFlow()],
    ['fan-out of guarded actions (publishable)', () => guardedFanOutFlow()],
  ];

  it.each(shapes)('takes a 5,000-node %s through create, validate and publish without a 5xx', async (name, build) => {
    const pipelineId = `robust-${name.replace(/\W+/g, '-')}`;
    const base = build();
    const flow: Flow = { ...base, id: pipelineId, pipeline: { ...base.pipeline, id: pipelineId } };
    expect(flow.nodes).toHaveLength(5_000);
    const created = await call('POST', '/api/v1/flows', JSON.stringify({ draft: flow }));
    expect({
      name,
      status: created.status,
      text: created.status === 201 ? '' : created.text.slice(0, 300),
    }).toMatchObject({ status: 201 });
    const detail = JSON.parse(created.text) as FlowDetail;
    expect(detail.diagnostics.length).toBeLessThanOrEqual(50);
    const validated = await call('POST', `/api/v1/flows/${pipelineId}/validate`);
    expect(validated.status).toBe(200);
    expect(validated.text.length).toBeLessThan(200_000);
    const published = await call('POST', `/api/v1/flows/${pipelineId}/publish`);
    expect({ name, status: published.status }).toMatchObject({ status: expect.any(Number) });
    expect([201, 400]).toContain(published.status);
    if (name.includes('publishable')) expect(published.status).toBe(201);
    expect((await call('GET', `/api/v1/flows/${pipelineId}`)).status).toBe(200);
    if (published.status !== 201) return;
    // A published flow must be evaluable: an event on its pipeline gets a plan.
    const event = { ...contractEvent(1_000_000), eventId: `robust-${name}`, pipelineId };
    const accepted = await call('POST', '/api/v1/events', JSON.stringify(event));
    expect(accepted.status).toBe(202);
    const { runId } = JSON.parse(accepted.text) as EventAccepted;
    let run: Run | undefined;
    for (let attempt = 0; attempt < 240 && !run?.plan; attempt++) {
      run = JSON.parse((await call('GET', `/api/v1/runs/${runId}`)).text) as Run;
      if (!run.plan && run.status !== 'failed') await new Promise((resolve) => setTimeout(resolve, 250));
      if (run.status === 'failed') break;
    }
    expect(run?.plan, `${name}: ${run?.status} ${JSON.stringify(run?.errors).slice(0, 600)}`).toBeTruthy();
  });

  it('stayed up: no 5xx, every /healthz poll answered, memory under 1.5 GB', async () => {
    await health.stop();
    memory.stop();
    expect(() => process.kill(runtime.pid, 0)).not.toThrow();
    const latencies = health.polls.map((poll) => poll.ms);
    console.log(
      `robustness: ${answers.length} requests, ${health.polls.length} /healthz polls, max poll latency ${Math.max(...latencies)} ms, ` +
        `peak RSS ${(memory.peakBytes / 1024 ** 2).toFixed(0)} MB; publish: ${answers
          .filter((answer) => answer.what.endsWith('/publish'))
          .map((answer) => `${answer.what.split('/')[4]} ${answer.status}`)
          .join(', ')}`,
    );
    expect(answers.filter((answer) => answer.status >= 500 || Number.isNaN(answer.status))).toEqual([]);
    expect(health.polls.length).toBeGreaterThan(10);
    expect(health.polls.filter((poll) => poll.status === 0)).toEqual([]);
    expect(memory.peakBytes).toBeGreaterThan(0);
    expect(memory.peakBytes).toBeLessThan(memoryBound);
  });
});
