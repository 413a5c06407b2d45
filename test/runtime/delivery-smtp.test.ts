// Delivery over SMTP against a real smtp-server on loopback, with the runtime's real job workers:
// the mail's words and language, the final PDF attached, the Message-ID, one mail per dedupe key,
// a server that is down and comes back, a permanent 550, and the crash window between the
// server's accept and our commit (same Message-ID, delivered once in the trail).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSmtpTransports } from '../../runtime/delivery/smtp-transport.ts';
import { enqueueJob } from '../../runtime/jobs/enqueue-job.ts';
import type { WorkerPool } from '../../runtime/jobs/start-workers.ts';
import {
  type DeliveryServices,
  deliveryServices,
  deliveryWorkers,
  insertEnvelope,
  invitation,
  outboxRow,
  queue,
  trailEntries,
  waitForStatus,
} from '../support/delivery-fixtures.ts';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.ts';
import { waitFor } from '../support/wait-for.ts';

let sink: SmtpSink;
let services: DeliveryServices;
let workers: WorkerPool;

beforeAll(async () => {
  sink = await startSmtpSink();
  services = await deliveryServices('sqlite', { smtpUrl: sink.url });
  workers = deliveryWorkers(services);
});

afterAll(async () => {
  await workers?.stop(2_000);
  closeSmtpTransports();
  await sink?.stop();
  await services?.dispose();
});

async function jobOf(dedupeKey: string) {
  return services.database.db
    .selectFrom('jobs')
    .selectAll()
    .where('dedupe_key', '=', `deliver-message:${dedupeKey}`)
    .executeTakeFirstOrThrow();
}

describe('delivery over SMTP', () => {
  it('sends an English invitation with the link, the expiry date, HTML and the outbox Message-ID', async () => {
    const envelopeId = await insertEnvelope(services);
    const request = invitation(envelopeId, { email: 'dana@client.example' });
    const next = sink.nextMailTo('dana@client.example');
    const queued = await queue(services, request);
    expect(queued).toMatchObject({ queued: true, channel: 'email', destination: 'dana@client.example' });

    const { mail } = await next;
    expect(mail.subject).toBe('Acme Ltda asks you to sign Service contract');
    expect(mail.messageId).toBe(`<${queued.messageId}@inkflow>`);
    expect(mail.from?.text).toContain('no-reply@localhost');
    expect(mail.text).toContain(request.context.link);
    expect(mail.text).toContain('December 16, 2026');
    expect(mail.html).toContain(`href="${request.context.link}"`);
    expect(mail.html).not.toMatch(/<img|src=/i);
    expect(mail.attachments).toHaveLength(0);

    await waitForStatus(services, queued.messageId, 'sent');
    const row = await outboxRow(services, queued.messageId);
    expect(row).toMatchObject({ provider: 'smtp', last_error: null, channel: 'email' });
    expect(row.sent_at).not.toBeNull();

    const delivered = (await trailEntries(services, envelopeId)).filter((entry) => entry.kind === 'delivered');
    expect(delivered).toHaveLength(1);
    expect(delivered[0]?.details).toMatchObject({ channel: 'email', to: 'd•••@client.example', purpose: 'invitation' });
    const trailText = JSON.stringify(await trailEntries(services, envelopeId));
    expect(trailText).not.toContain(request.context.link);
    expect(trailText).not.toContain('dana@client.example');
  });

  it('writes in Brazilian Portuguese to a pt-BR recipient, date included', async () => {
    const request = invitation(null, { email: 'joao@cliente.example', language: 'pt-BR', name: 'João' });
    const next = sink.nextMailTo('joao@cliente.example');
    await queue(services, request);
    const { mail } = await next;
    expect(mail.subject).toBe('Acme Ltda pede sua assinatura em Service contract');
    expect(mail.text).toContain('Olá, João');
    expect(mail.text).toContain('16 de dezembro de 2026');
    expect(mail.text).toContain(request.context.link);
    expect(mail.headers.get('content-language')).toBe('pt-BR');
  });

  it('attaches the final PDF to the completed message, read at send time', async () => {
    const finalPdf = new TextEncoder().encode(`%PDF-1.7\n% signed by everyone ${Date.now()}\n%%EOF\n`);
    const envelopeId = await insertEnvelope(services, finalPdf);
    const next = sink.nextMailTo('ana@client.example');
    const queued = await queue(services, {
      envelopeId,
      signerId: null,
      purpose: 'completed',
      recipient: { name: 'Ana', email: 'ana@client.example', phone: null, language: 'en' },
      context: { documentTitle: 'Service contract', senderCompany: 'Acme Ltda', expiresAt: null },
      attachFinalPdf: true,
      dedupeKey: `completed:${envelopeId}:ana`,
    });
    const { mail } = await next;
    expect(mail.subject).toBe('Signed by everyone: Service contract');
    expect(mail.text).toContain('The signed PDF is attached.');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]?.contentType).toBe('application/pdf');
    expect(mail.attachments[0]?.filename).toMatch(/^Service contract.*\.pdf$/);
    expect(Buffer.compare(mail.attachments[0]!.content, Buffer.from(finalPdf))).toBe(0);
    await waitForStatus(services, queued.messageId, 'sent');
  });

  it('queues one message and sends one mail for a dedupe key used twice', async () => {
    const request = invitation(null, { email: 'twice@client.example' });
    const first = await queue(services, request);
    const second = await queue(services, { ...request, context: { ...request.context, link: 'http://other/link' } });
    expect(first.queued).toBe(true);
    expect(second).toEqual({ ...first, queued: false });
    await waitFor(async () => (await jobOf(request.dedupeKey)).status === 'done', 20_000, 'the delivery job');
    const rows = await services.database.db
      .selectFrom('outbox')
      .select('id')
      .where('dedupe_key', '=', request.dedupeKey)
      .execute();
    expect(rows).toHaveLength(1);
    // The job completes only after the server accepted the mail, so the sink has every mail it will get.
    expect(sink.mailsTo('twice@client.example')).toHaveLength(1);
    expect(sink.mailsTo('twice@client.example')[0]?.mail.text).not.toContain('http://other/link');
  });

  it('refuses a recipient with neither email nor phone, and an email channel without an email', async () => {
    await expect(queue(services, invitation(null, {}))).rejects.toMatchObject({
      kind: 'validation',
      code: 'SIGNER_UNREACHABLE',
    });
    await expect(
      queue(services, invitation(null, { phone: '+55 11 98765 4321' }, { channel: 'email' })),
    ).rejects.toMatchObject({ code: 'SIGNER_UNREACHABLE' });
  });

  it('marks a permanently refused mail (550) failed with last_error and a delivery_failed trail entry', async () => {
    sink.refuse('nobody@client.example');
    const envelopeId = await insertEnvelope(services);
    const request = invitation(envelopeId, { email: 'nobody@client.example' });
    const queued = await queue(services, request);
    await waitForStatus(services, queued.messageId, 'failed');
    const row = await outboxRow(services, queued.messageId);
    expect(row.last_error).toMatch(/550/);
    expect(row.sent_at).toBeNull();
    const job = await jobOf(request.dedupeKey);
    expect(job.status).toBe('failed');
    expect(job.attempts).toBe(1);
    const entries = await trailEntries(services, envelopeId);
    expect(entries.map((entry) => entry.kind)).toContain('delivery_failed');
    expect(entries.map((entry) => entry.kind)).not.toContain('delivered');
    expect(JSON.stringify(entries)).not.toContain(request.context.link);
    expect(sink.mailsTo('nobody@client.example')).toHaveLength(0);
  });
});

describe('delivery while the SMTP server is down', () => {
  it('retries and delivers once the server is back on its port', async () => {
    const down = await startSmtpSink();
    const own = await deliveryServices('sqlite', { smtpUrl: down.url });
    const pool = deliveryWorkers(own);
    try {
      await down.stop();
      const request = invitation(null, { email: 'later@client.example' });
      const queued = await queue(own, request);
      await waitFor(
        async () => (await outboxRow(own, queued.messageId)).last_error !== null,
        20_000,
        'a failed attempt recorded on the row',
      );
      expect((await outboxRow(own, queued.messageId)).status).toBe('queued');
      const next = down.nextMailTo('later@client.example');
      await down.start();
      const { mail } = await next;
      expect(mail.messageId).toBe(`<${queued.messageId}@inkflow>`);
      await waitForStatus(own, queued.messageId, 'sent');
      const job = await own.database.db
        .selectFrom('jobs')
        .selectAll()
        .where('dedupe_key', '=', `deliver-message:${request.dedupeKey}`)
        .executeTakeFirstOrThrow();
      expect(job.attempts).toBeGreaterThanOrEqual(2);
      expect(down.mailsTo('later@client.example')).toHaveLength(1);
    } finally {
      await pool.stop(2_000);
      closeSmtpTransports();
      await down.stop();
      await own.dispose();
    }
  });
});

describe('delivery when the SMTP server stays down', () => {
  it('gives up after the last attempt: failed with last_error and a delivery_failed trail entry', async () => {
    const down = await startSmtpSink();
    const own = await deliveryServices('sqlite', { smtpUrl: down.url });
    await down.stop();
    try {
      const envelopeId = await insertEnvelope(own);
      const request = invitation(envelopeId, { email: 'never@client.example' });
      // Queued before any worker runs, so the job can be given two attempts only.
      const queued = await queue(own, request);
      const jobKey = `deliver-message:${request.dedupeKey}`;
      await own.database.db.updateTable('jobs').set({ max_attempts: 2 }).where('dedupe_key', '=', jobKey).execute();
      const pool = deliveryWorkers(own, 20);
      try {
        await waitForStatus(own, queued.messageId, 'failed');
      } finally {
        await pool.stop(2_000);
      }
      const row = await outboxRow(own, queued.messageId);
      expect(row.attempts).toBe(2);
      expect(row.last_error).toMatch(/ECONNREFUSED|ECONNECTION|connect/i);
      const job = await own.database.db
        .selectFrom('jobs')
        .selectAll()
        .where('dedupe_key', '=', jobKey)
        .executeTakeFirstOrThrow();
      expect(job).toMatchObject({ status: 'failed', attempts: 2 });
      const kinds = (await trailEntries(own, envelopeId)).map((entry) => entry.kind);
      expect(kinds.filter((kind) => kind === 'delivery_failed')).toHaveLength(1);
      expect(kinds).not.toContain('delivered');
    } finally {
      closeSmtpTransports();
      await own.dispose();
    }
  });
});

describe('a crash between the SMTP accept and the commit', () => {
  it('resends with the same Message-ID, records delivered once, and sends nothing after the commit', async () => {
    const own = await deliveryServices('sqlite', { smtpUrl: sink.url });
    // A long backoff, so the retry waits until the test has removed the fault and calls it in.
    const pool = deliveryWorkers(own, 600_000);
    const { db } = own.database;
    try {
      // The "crash": the transaction that marks the row sent aborts after the server accepted the mail.
      await sql`CREATE TRIGGER crash_after_accept BEFORE UPDATE OF status ON outbox WHEN NEW.status = 'sent'
        BEGIN SELECT RAISE(ABORT, 'crash after accept'); END`.execute(db);
      const envelopeId = await insertEnvelope(own);
      const request = invitation(envelopeId, { email: 'crash@client.example' });
      const first = sink.nextMailTo('crash@client.example', 0);
      const queued = await queue(own, request);
      const firstMail = (await first).mail;
      const jobKey = `deliver-message:${request.dedupeKey}`;
      const job = () => db.selectFrom('jobs').selectAll().where('dedupe_key', '=', jobKey).executeTakeFirstOrThrow();
      await waitFor(async () => (await job()).status === 'queued' && (await job()).attempts === 1, 20_000, 'retry');
      expect((await outboxRow(own, queued.messageId)).status).toBe('queued');
      expect((await trailEntries(own, envelopeId)).filter((entry) => entry.kind === 'delivered')).toHaveLength(0);

      await sql`DROP TRIGGER crash_after_accept`.execute(db);
      const second = sink.nextMailTo('crash@client.example', 1);
      await db.updateTable('jobs').set({ run_at: Date.now() }).where('dedupe_key', '=', jobKey).execute();
      const secondMail = (await second).mail;
      expect(secondMail.messageId).toBe(firstMail.messageId);
      expect(secondMail.messageId).toBe(`<${queued.messageId}@inkflow>`);
      await waitFor(async () => (await job()).status === 'done', 20_000, 'the job done');
      expect((await outboxRow(own, queued.messageId)).status).toBe('sent');

      // Another run of the job for the same message (a duplicate, a reclaimed lease) sends nothing.
      await enqueueJob(
        db,
        {
          kind: 'deliver-message',
          runId: null,
          payload: { messageId: queued.messageId },
          dedupeKey: `${jobKey}:again`,
        },
        new Date(),
      );
      await waitFor(
        async () =>
          (
            await db
              .selectFrom('jobs')
              .select('status')
              .where('dedupe_key', '=', `${jobKey}:again`)
              .executeTakeFirstOrThrow()
          ).status === 'done',
        20_000,
        'the second job done',
      );
      expect(sink.mailsTo('crash@client.example')).toHaveLength(2);
      expect((await trailEntries(own, envelopeId)).filter((entry) => entry.kind === 'delivered')).toHaveLength(1);
    } finally {
      await pool.stop(2_000);
      await own.dispose();
    }
  });
});
