// The whole journey, as issue 7 states it, in Debian's Chromium against the runtime in this
// process over real HTTP, real LibreOffice and a real SMTP server on loopback: a deal event →
// the contract → the director's email with the link → terms, the code from the next email, a
// drawn signature and the company stamp → the client's email → the client types their name on a
// 375×667 phone and fills the requested passport number → every party gets the final PDF as an
// attachment → pdfsig says valid and whole → POST /verify says intact, the same file with one
// byte changed says modified → the trail is intact, and one altered row makes it not intact.
// Then the same path with no SMTP_URL, the links and codes read from the outbox (GET /outbox).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createJobHandlers } from '../../runtime/jobs/job-handlers.ts';
import { startWorkers, type WorkerPool } from '../../runtime/jobs/start-workers.ts';
import type { RuntimeServices } from '../../runtime/services.ts';
import type { EnvelopeDetail, EnvelopeList, OutboxMessageList, VerificationResult } from '../../schemas/index.ts';
import { exampleEvent } from '../support/examples.ts';
import { createRealPdf } from '../support/real-pdf.ts';
import { seedDemoSales } from '../support/seed-event-path.ts';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.ts';
import { createTestServices, issueToken, startTestServer } from '../support/test-services.ts';
import { waitFor } from '../support/wait-for.ts';
import { launchChromium } from './support/browser-session.ts';
import { drawSignature, linkIn, signAndWait, stampPng, throughCode } from './support/signer-steps.ts';

vi.setConfig({ testTimeout: 300_000, hookTimeout: 180_000 });

const director = 'carla@initech.example';
const client = 'ana@globex.example';

interface Mailbox {
  /** The text of the next message of this purpose to this address. */
  next(address: string, purpose: 'invitation' | 'code' | 'completed'): Promise<string>;
}

for (const mode of ['smtp', 'outbox'] as const) {
  describe(`signing end to end (${mode === 'smtp' ? 'real SMTP server' : 'no SMTP_URL: the outbox'})`, () => {
    const pdf = createRealPdf();
    let services: RuntimeServices & { dispose(): Promise<void> };
    let server: { url: string; close(): Promise<void> };
    let workers: WorkerPool;
    let sink: SmtpSink | undefined;
    let context: BrowserContext;
    let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
    let adminToken: string;
    let mailbox: Mailbox;

    const api = async <T>(path: string, init: RequestInit = {}): Promise<{ status: number; body: T }> => {
      const response = await fetch(`${server.url}/api/v1${path}`, {
        ...init,
        headers: { authorization: `Bearer ${adminToken}`, ...(init.headers ?? {}) },
      });
      const type = response.headers.get('content-type') ?? '';
      return { status: response.status, body: (type.includes('json') ? await response.json() : undefined) as T };
    };

    beforeAll(async () => {
      sink = mode === 'smtp' ? await startSmtpSink() : undefined;
      services = await createTestServices({ dialect: 'sqlite', pdf });
      server = await startTestServer(services);
      services.config.publicUrl = server.url;
      if (sink) services.config.delivery = { ...services.config.delivery, smtpUrl: sink.url };
      await seedDemoSales(services);
      adminToken = await issueToken(services, 'admin');
      workers = startWorkers(services, createJobHandlers(services), { concurrency: 2, retryBaseMs: 100 });
      const seen = new Map<string, number>();
      mailbox = sink
        ? {
            async next(address, purpose) {
              const subjects: Record<string, RegExp> = {
                invitation: /sign/i,
                code: /code/i,
                completed: /signed|complete/i,
              };
              for (;;) {
                const index = seen.get(address) ?? 0;
                const mail = await (sink as SmtpSink).nextMailTo(address, index);
                seen.set(address, index + 1);
                const text = mail.mail.text ?? '';
                const isCode = /\b\d{6}\b/.test(text) && !/\/sign\//.test(text);
                if (purpose === 'code' ? isCode : !isCode && subjects[purpose]?.test(mail.mail.subject ?? '')) {
                  return purpose === 'completed'
                    ? JSON.stringify({ text, attachments: mail.mail.attachments.length })
                    : text;
                }
              }
            },
          }
        : {
            async next(address, purpose) {
              const key = `${address}:${purpose}`;
              let text = '';
              await waitFor(
                async () => {
                  const list = await api<OutboxMessageList>(
                    `/outbox?to=${encodeURIComponent(address)}&purpose=${purpose}`,
                  );
                  const items = [...list.body.items].reverse();
                  const item = items[seen.get(key) ?? 0];
                  if (item) text = item.text;
                  return item !== undefined;
                },
                60_000,
                `${purpose} for ${address} in the outbox`,
                100,
              );
              seen.set(key, (seen.get(key) ?? 0) + 1);
              return text;
            },
          };
      browser = await launchChromium();
      context = browser.context;
    });
    afterAll(async () => {
      await browser?.close();
      await workers?.stop(5_000);
      await server?.close();
      await services?.dispose();
      await sink?.stop();
      await pdf.close();
    });

    it('signs a contract made from a deal event, company first, and everyone gets the sealed PDF', async () => {
      const event = { ...exampleEvent('contract'), eventId: `e2e-${mode}` };
      const accepted = await api<{ runId: string }>('/events', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(event),
      });
      expect(accepted.status).toBe(202);

      // The director: the link from the email, terms, the code from the next email, a drawing and the stamp.
      const directorPage = await context.newPage();
      const directorLink = linkIn(await mailbox.next(director, 'invitation'));
      await throughCode(directorPage, directorLink, () => mailbox.next(director, 'code'));
      await drawSignature(directorPage);
      await directorPage.setInputFiles('#stamp', { name: 'stamp.png', mimeType: 'image/png', buffer: stampPng() });
      await signAndWait(directorPage);
      await directorPage.close();

      // The client, on a phone: typed name and the requested passport number.
      const clientPage = await context.newPage();
      await clientPage.setViewportSize({ width: 375, height: 667 });
      const clientLink = linkIn(await mailbox.next(client, 'invitation'));
      await throughCode(clientPage, clientLink, () => mailbox.next(client, 'code'));
      await clientPage.getByLabel('Passport number').fill('BR-778899');
      await clientPage.locator('#typed-name').fill('Ana M. Souza');
      await signAndWait(clientPage);
      await clientPage.close();

      // Completion: one final PDF, sent to both parties.
      const list = await api<EnvelopeList>(`/envelopes?dealId=${event.deal.id}`);
      const envelopeId = list.body.items[0]?.id as string;
      await waitFor(
        async () => (await api<EnvelopeDetail>(`/envelopes/${envelopeId}`)).body.envelope.status === 'completed',
        120_000,
        'the envelope to be sealed',
        250,
      );
      for (const address of [director, client]) {
        const completed = await mailbox.next(address, 'completed');
        if (mode === 'smtp') expect(JSON.parse(completed).attachments).toBe(1);
        else expect(completed.length).toBeGreaterThan(0);
      }
      const final = await fetch(`${server.url}/api/v1/envelopes/${envelopeId}/final.pdf`, {
        headers: { authorization: `Bearer ${adminToken}` },
      });
      const bytes = new Uint8Array(await final.arrayBuffer());
      const directory = mkdtempSync(join(tmpdir(), 'inkflow-e2e-'));
      try {
        writeFileSync(join(directory, 'final.pdf'), bytes);
        const report = execFileSync('pdfsig', [join(directory, 'final.pdf')]).toString();
        expect(report).toContain('Signature is Valid.');
        expect(report).toContain('Total document signed');
        const text = execFileSync('pdftotext', [join(directory, 'final.pdf'), '-'])
          .toString()
          .replace(/\s+/g, ' ');
        expect(text).toContain('BR-778899');
        expect(text).toContain('Carla Mendes');
        expect(text).toContain('Ana Souza');
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
      const verify = async (file: Uint8Array) => {
        const form = new FormData();
        form.append('file', new Blob([Buffer.from(file)], { type: 'application/pdf' }), 'final.pdf');
        const response = await fetch(`${server.url}/api/v1/verify`, { method: 'POST', body: form });
        return (await response.json()) as VerificationResult;
      };
      const intact = await verify(bytes);
      expect(intact.result).toBe('intact');
      expect(intact.envelope?.envelopeId).toBe(envelopeId);
      const changed = new Uint8Array(bytes);
      const at = Math.floor(changed.length / 3);
      changed[at] = (changed[at] as number) ^ 0x01;
      expect((await verify(changed)).result).toBe('modified');

      const detail = await api<EnvelopeDetail>(`/envelopes/${envelopeId}`);
      expect(detail.body.trail.intact).toBe(true);
      const kinds = detail.body.trail.entries.map((entry) => entry.kind);
      for (const kind of [
        'created',
        'sent',
        'viewed',
        'consent',
        'code_sent',
        'code_confirmed',
        'signed',
        'sealed',
        'completed',
      ] as const) {
        expect(kinds, kind).toContain(kind);
      }
      await services.database.db
        .updateTable('envelope_trail')
        .set({ at: '2020-01-01T00:00:00.000Z' })
        .where('envelope_id', '=', envelopeId)
        .where('kind', '=', 'signed')
        .execute();
      expect((await api<EnvelopeDetail>(`/envelopes/${envelopeId}`)).body.trail.intact).toBe(false);
    });
  });
}
