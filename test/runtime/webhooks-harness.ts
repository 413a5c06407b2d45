// Shared set-up of the webhook tests: runtime services whose outgoing calls may reach loopback
// (as INKFLOW_WEBHOOK_ALLOW_PRIVATE=127.0.0.1 allows), a short retry schedule, the real workers,
// and a REAL receiver on loopback that verifies each request with the standardwebhooks package
// (not our code) and answers as the test scripts it: a status, or a hang past the timeout.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import type { RuntimeConfig } from '../../runtime/config.ts';
import { createJobHandlers } from '../../runtime/jobs/job-handlers.ts';
import { startWorkers, type WorkerPool } from '../../runtime/jobs/start-workers.ts';
import type { RuntimeServices } from '../../runtime/services.ts';
import type { Dialect } from '../../runtime/storage/open-database.ts';
import { emitWebhookEvent } from '../../runtime/webhooks/emit-webhook-event.ts';
import { checkAgainst, type WebhookEvent, type WebhookEventDataMap } from '../../schemas/index.ts';
import { createTestServices, issueToken, startTestServer } from '../support/test-services.ts';
import { waitFor } from '../support/wait-for.ts';

export type WebhookServices = RuntimeServices & { dispose(): Promise<void> };

export async function webhookServices(
  dialect: Dialect,
  webhooks: Partial<RuntimeConfig['webhooks']> = {},
): Promise<WebhookServices> {
  const services = await createTestServices({ dialect });
  services.config = {
    ...services.config,
    outbound: { allowPrivate: ['127.0.0.1'], allowHttp: [] },
    webhooks: {
      ...services.config.webhooks,
      retryScheduleMs: [20, 20, 20, 20, 20],
      timeoutMs: 400,
      disableAfterFailures: 50,
      disableAfterMs: 0,
      ...webhooks,
    },
  };
  return services;
}

export function webhookWorkers(services: RuntimeServices): WorkerPool {
  return startWorkers(services, createJobHandlers(services), { concurrency: 2, retryBaseMs: 50 });
}

export type ReceiverAnswer = number | 'hang' | { redirect: string };

export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  body: string;
  webhookId: string;
  /** The status this request was answered with ('hang' when it was left without an answer). */
  answer: ReceiverAnswer;
  /** What verifying with each of the receiver's secrets gave: the parsed body or the error's message. */
  verified: boolean[];
  event: WebhookEvent | undefined;
}

export interface Receiver {
  url: string;
  requests: ReceivedRequest[];
  /** Answers for the next requests, in order; afterwards every request gets 200. */
  script(...answers: ReceiverAnswer[]): void;
  secrets: string[];
  close(): Promise<void>;
}

function verify(secret: string, body: string, headers: IncomingHttpHeaders): boolean {
  try {
    new Webhook(secret).verify(body, {
      'webhook-id': String(headers['webhook-id']),
      'webhook-timestamp': String(headers['webhook-timestamp']),
      'webhook-signature': String(headers['webhook-signature']),
    });
    return true;
  } catch {
    return false;
  }
}

export async function startReceiver(): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const answers: ReceiverAnswer[] = [];
  const secrets: string[] = [];
  const hanging = new Set<() => void>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const answer = answers.shift() ?? 200;
      let event: WebhookEvent | undefined;
      try {
        event = JSON.parse(body) as WebhookEvent;
      } catch {
        event = undefined;
      }
      requests.push({
        headers: request.headers,
        body,
        webhookId: String(request.headers['webhook-id']),
        answer,
        verified: secrets.map((secret) => verify(secret, body, request.headers)),
        event,
      });
      if (answer === 'hang') {
        hanging.add(() => response.destroy());
        return;
      }
      if (typeof answer === 'object') {
        response.writeHead(302, { location: answer.redirect }).end();
        return;
      }
      response.writeHead(answer, { 'content-type': 'text/plain' }).end(answer === 200 ? 'ok' : `status ${answer}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    requests,
    secrets,
    script: (...next) => answers.push(...next),
    close: () =>
      new Promise<void>((resolve) => {
        for (const end of hanging) end();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function emitTestEvent<T extends keyof WebhookEventDataMap>(
  services: RuntimeServices,
  type: T,
  data: WebhookEventDataMap[T],
  orderingKey: string,
): Promise<string | undefined> {
  return services.database.db
    .transaction()
    .execute((trx) => emitWebhookEvent(trx, services, { type, data, orderingKey }, services.now()));
}

export const runFailed = (runId: string): WebhookEventDataMap['run.failed'] => ({
  runId,
  eventId: `evt-${runId}`,
  dealId: 'D-1',
  pipelineId: 'sales',
  errors: [{ code: 'TEMPLATE_MISSING', message: 'no template' }],
  at: new Date().toISOString(),
});

/** Every deliver-webhook job has run to its end (nothing queued or running). */
export async function waitForQuietQueue(services: RuntimeServices, timeoutMs = 20_000): Promise<void> {
  await waitFor(
    async () => {
      const open = await services.database.db
        .selectFrom('jobs')
        .select('id')
        .where('kind', '=', 'deliver-webhook')
        .where('status', 'in', ['queued', 'running'])
        .execute();
      return open.length === 0;
    },
    timeoutMs,
    'the webhook jobs to finish',
  );
}

export function checkWebhookEvent(body: string): WebhookEvent {
  const result = checkAgainst<WebhookEvent>('webhook-event.schema.json#/definitions/webhookEvent', JSON.parse(body));
  if (!result.ok) throw new Error(`not a WebhookEvent: ${JSON.stringify(result.violations)}`);
  return result.value;
}

/** Services, workers, the HTTP app (the forms' origin is its own), an admin token and a receiver. */
export interface WebhookRig {
  services: WebhookServices;
  workers: WorkerPool;
  server: { url: string; close(): Promise<void> };
  admin: string;
  receiver: Receiver;
  close(): Promise<void>;
}

export async function startWebhookRig(
  dialect: Dialect,
  webhooks: Partial<RuntimeConfig['webhooks']> = {},
): Promise<WebhookRig> {
  const services = await webhookServices(dialect, webhooks);
  const workers = webhookWorkers(services);
  const server = await startTestServer(services);
  services.config.publicUrl = server.url;
  const admin = await issueToken(services, 'admin');
  const receiver = await startReceiver();
  const rig: WebhookRig = {
    services,
    workers,
    server,
    admin,
    receiver,
    async close() {
      // The rig's current pool: a test may have stopped the first and started another.
      await rig.workers.stop(2_000);
      await server.close();
      await receiver.close();
      await services.dispose();
    },
  };
  return rig;
}
