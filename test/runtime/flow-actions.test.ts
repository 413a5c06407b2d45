// Document triggers run their actions, on both stores: an envelope signed through the signer's page
// completes (sealed by the real job) → the runtime raises document.completed with the deal as last
// seen → the pipeline's rule moves the deal (through the Bitrix24 connector against the fake portal,
// or as a deal.move_requested webhook when none is configured); a declined envelope → the flow's
// call-webhook action posts to a real receiver that verifies it with the standardwebhooks package
// and the flow's secret, retried after a 500. Each action is visible on its run, once per event.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { documentEventId, raiseDocumentEvent } from '../../runtime/actions/raise-document-event.ts';
import { defaultPipelines } from '../../runtime/crm/bitrix24/bitrix24-config.ts';
import { publishFlow } from '../../runtime/flows/publish-flow.ts';
import { saveFlowDraft } from '../../runtime/flows/save-flow-draft.ts';
import type { WorkerPool } from '../../runtime/jobs/start-workers.ts';
import { createSubscription } from '../../runtime/webhooks/create-subscription.ts';
import type { Deal, FlowWebhookCall, FlowWebhookSecret, Run } from '../../schemas/index.ts';
import { demoFlow } from '../support/examples.ts';
import { type FakeBitrix24, startFakeBitrix24 } from '../support/fake-bitrix24.ts';
import { seedDemoSales } from '../support/seed-event-path.ts';
import { createSigningFixture, latestCode, signerBrowser } from '../support/signing-fixtures.ts';
import { issueToken, startTestServer } from '../support/test-services.ts';
import { waitFor } from '../support/wait-for.ts';
import {
  type Receiver,
  startReceiver,
  type WebhookServices,
  webhookServices,
  webhookWorkers,
} from './webhooks-harness.ts';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const signatureDataUrl =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`document triggers run their actions (${dialect})`, () => {
    let services: WebhookServices;
    let server: { url: string; close(): Promise<void> };
    let workers: WorkerPool;
    let receiver: Receiver;
    let bitrix: FakeBitrix24;
    let adminToken: string;
    let flowId: string;

    beforeAll(async () => {
      services = await webhookServices(dialect);
      server = await startTestServer(services);
      services.config.publicUrl = server.url;
      receiver = await startReceiver();
      bitrix = await startFakeBitrix24();
      adminToken = await issueToken(services, 'admin');
      const flow = demoFlow();
      // The demo flow, its declined contract told to our receiver instead of crm.example.com.
      for (const node of flow.nodes) {
        if (node.type === 'callWebhook') node.data.url = `${receiver.url}/flow`;
      }
      await seedDemoSales(services);
      flowId = flow.id;
      await saveFlowDraft(services, flowId, flow);
      await publishFlow(services, flowId);
      workers = webhookWorkers(services);
    });
    afterAll(async () => {
      await workers?.stop(1_000);
      await server?.close();
      await receiver?.close();
      await bitrix?.close();
      await services?.dispose();
    });
    beforeEach(() => {
      services.config.crm = { bitrix24: undefined };
      receiver.requests.length = 0;
    });

    const api = async <T>(path: string, init: RequestInit = {}): Promise<{ status: number; body: T }> => {
      const response = await fetch(`${server.url}/api/v1${path}`, {
        ...init,
        headers: { authorization: `Bearer ${adminToken}`, ...(init.headers ?? {}) },
      });
      return { status: response.status, body: (await response.json()) as T };
    };

    async function envelopeFor(deal: Deal) {
      return createSigningFixture(services, {
        pipelineId: 'sales',
        deal,
        signers: [{ side: 'counterparty', name: 'Dana Client', email: 'dana@client.example' }],
        marks: [{ kind: 'sign', party: 'client', partyIndex: 1, tag: '{%sign client}' }],
      });
    }

    async function confirmedBrowser(signer: { id: string; token: string }) {
      const browser = signerBrowser(server.url, signer.token);
      expect((await browser.open()).status).toBe(200);
      expect((await browser.postForm('consent', { consent: 'yes' })).status).toBe(303);
      expect((await browser.postForm('confirm', { code: await latestCode(services, signer.id) })).status).toBe(303);
      return browser;
    }

    async function sign(signer: { id: string; token: string }): Promise<void> {
      const browser = await confirmedBrowser(signer);
      const form = new FormData();
      form.set('method', 'drawn');
      form.set('signatureData', signatureDataUrl);
      expect((await browser.postMultipart('submit', form)).status).toBe(303);
    }

    async function settledRunOf(eventId: string): Promise<Run> {
      let run: Run | undefined;
      await waitFor(async () => {
        const listed = await api<Run[]>(`/runs?eventId=${encodeURIComponent(eventId)}`);
        run = listed.body[0];
        return run?.status === 'completed' || run?.status === 'failed';
      }, 60_000);
      return run as Run;
    }

    it('moves the deal as a deal.move_requested webhook when no CRM is connected', async () => {
      const subscribed = await createSubscription(services, { url: receiver.url, eventTypes: ['deal.move_requested'] });
      receiver.secrets.splice(0, receiver.secrets.length, subscribed.secret);
      const deal: Deal = { id: `D-${dialect}-1`, title: 'Globex', stageId: 'contract', fields: {} };
      const made = await envelopeFor(deal);
      await sign(made.signers[0]!);

      const run = await settledRunOf(documentEventId(made.envelopeId, 'completed'));
      expect(run.status).toBe('completed');
      expect(run.actions).toHaveLength(1);
      const [action] = run.actions;
      expect(action).toMatchObject({ kind: 'moveDeal', actionNodeId: 'move-to-invoice', status: 'done', attempts: 1 });
      expect(action?.outcome).toMatchObject({ via: 'webhook', stageId: 'invoice' });
      const eventId = action?.outcome && 'webhookEventId' in action.outcome ? action.outcome.webhookEventId : null;
      expect(eventId).toMatch(/^msg_/);

      await waitFor(() => receiver.requests.some((request) => request.webhookId === eventId), 20_000);
      const delivered = receiver.requests.find((request) => request.webhookId === eventId);
      expect(delivered?.verified).toEqual([true]);
      expect(delivered?.event).toMatchObject({
        type: 'deal.move_requested',
        data: {
          dealId: deal.id,
          pipelineId: 'sales',
          stageId: 'invoice',
          reason: { envelopeId: made.envelopeId, documentType: 'contract', ruleName: action?.ruleName },
        },
      });

      // Raised again (a rerun of the completing transaction): the same run, no second action.
      const again = await services.database.db
        .transaction()
        .execute((trx) => raiseDocumentEvent(trx, made.envelopeId, 'completed', services.now()));
      expect(again).toBe(run.id);
      const jobs = await services.database.db
        .selectFrom('jobs')
        .select('dedupe_key')
        .where('run_id', '=', run.id)
        .where('kind', '=', 'run-action')
        .execute();
      expect(jobs.map((job) => job.dedupe_key)).toEqual([`act:${run.id}:move-to-invoice:1`]);
    });

    it('moves the deal in Bitrix24 once, with the final PDF on its timeline, when the connector is set', async () => {
      services.config.crm = {
        bitrix24: {
          webhookUrl: bitrix.webhookUrl,
          applicationToken: bitrix.applicationToken,
          pipelines: defaultPipelines,
          fields: {},
          timeoutMs: 5_000,
        },
      };
      const bitrixId = bitrix.addDeal({ TITLE: 'Initech', STAGE_ID: 'CONTRACT' });
      const deal: Deal = { id: bitrixId, title: 'Initech', stageId: 'contract', fields: {} };
      const made = await envelopeFor(deal);
      await sign(made.signers[0]!);

      const run = await settledRunOf(documentEventId(made.envelopeId, 'completed'));
      expect(run.actions[0]).toMatchObject({
        kind: 'moveDeal',
        status: 'done',
        outcome: { via: 'crm', connector: 'bitrix24', stageId: 'invoice' },
      });
      const updates = bitrix.calls('crm.deal.update').filter((call) => String(call.params.id) === bitrixId);
      expect(updates).toHaveLength(1);
      expect(updates[0]?.params).toMatchObject({ fields: { STAGE_ID: 'INVOICE' } });
      expect(bitrix.deal(bitrixId)?.STAGE_ID).toBe('INVOICE');
      const [comment] = bitrix.comments(bitrixId);
      expect(comment).toContain(`/api/v1/envelopes/${made.envelopeId}/final.pdf`);
    });

    it("posts a declined contract to the flow's webhook, signed with the flow's secret, retried after a 500", async () => {
      const secret = await api<FlowWebhookSecret>(`/flows/${flowId}/webhook-secret`);
      expect(secret.status).toBe(200);
      expect(secret.body.secret).toMatch(/^whsec_/);
      receiver.secrets.splice(0, receiver.secrets.length, secret.body.secret);
      receiver.script(500);
      const deal: Deal = { id: `D-${dialect}-3`, title: 'Umbrella', stageId: 'contract', fields: {} };
      const made = await envelopeFor(deal);
      const browser = await confirmedBrowser(made.signers[0]!);
      expect((await browser.postForm('decline', { reason: 'The price is <b>wrong</b>' })).status).toBeLessThan(400);

      const run = await settledRunOf(documentEventId(made.envelopeId, 'declined'));
      expect(run.status).toBe('completed');
      expect(run.actions[0]).toMatchObject({
        kind: 'callWebhook',
        actionNodeId: 'notify-crm-declined',
        status: 'done',
        attempts: 2,
        outcome: { via: 'call', status: 200 },
      });
      expect(run.warnings.map((warning) => warning.code)).toContain('HTTP_STATUS');
      const calls = receiver.requests.filter((request) => request.body.includes('flow.webhook_called'));
      expect(calls.map((call) => call.answer)).toEqual([500, 200]);
      // One id for every attempt, so the receiver can tell a retry from a new call.
      expect(new Set(calls.map((call) => call.webhookId)).size).toBe(1);
      expect(calls.every((call) => call.verified[0] === true)).toBe(true);
      const body = JSON.parse(calls[1]?.body ?? '{}') as FlowWebhookCall;
      expect(body.data).toMatchObject({
        trigger: 'document.declined',
        flowId,
        deal: { id: deal.id, stageId: 'contract' },
        document: { type: 'contract', envelopeId: made.envelopeId, status: 'declined', finalPdfUrl: null },
      });
      expect(body.data.document.declinedReason).toBe('The price is <b>wrong</b>');

      // Rotated: the old secret no longer verifies what the flow signs next.
      const rotated = await api<FlowWebhookSecret>(`/flows/${flowId}/webhook-secret/rotate`, { method: 'POST' });
      expect(rotated.body.secret).not.toBe(secret.body.secret);
      expect((await api<FlowWebhookSecret>(`/flows/${flowId}/webhook-secret`)).body.secret).toBe(rotated.body.secret);
    });

    it('answers the flow secret routes with 404 for an unknown flow and 403 for a non-admin', async () => {
      expect((await api(`/flows/no-such-flow/webhook-secret`)).status).toBe(404);
      const analyst = await issueToken(services, 'analyst');
      const refused = await fetch(`${server.url}/api/v1/flows/${flowId}/webhook-secret`, {
        headers: { authorization: `Bearer ${analyst}` },
      });
      expect(refused.status).toBe(403);
    });
  });
}
