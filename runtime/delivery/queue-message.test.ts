// queueMessage and the deliver-message job without SMTP (the outbox is the mailbox) and with the
// test SMS gateway, on real SQLite and PostgreSQL, run by the runtime's real workers. The SMTP
// path (a real server on loopback) is tested in test/runtime/delivery-*.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/support/database-places.ts';
import { createTestServices } from '../../test/support/test-services.ts';
import { insertSealedEnvelope } from '../../test/support/verify-fixtures.ts';
import { waitFor } from '../../test/support/wait-for.ts';
import { AppError } from '../errors/app-error.ts';
import { startWorkers, type WorkerPool } from '../jobs/start-workers.ts';
import type { RuntimeServices } from '../services.ts';
import { deliverMessageHandler } from './deliver-message.ts';
import { maskDestination } from './mask-destination.ts';
import { deliverMessageJob, type QueueMessageRequest, queueMessage } from './queue-message.ts';
import { testSmsTo } from './sms-gateway.ts';

const secretLink = 'http://127.0.0.1:9/sign/tok_SECRET_abcdefghijklmnop';

function request(overrides: Partial<QueueMessageRequest> & { dedupeKey: string }): QueueMessageRequest {
  return {
    envelopeId: null,
    signerId: null,
    purpose: 'invitation',
    recipient: { name: 'Dora', email: 'dora@acme.com', phone: null, language: 'en' },
    context: {
      documentTitle: 'Service contract',
      senderCompany: 'Acme',
      expiresAt: '2026-12-20T12:00:00.000Z',
      link: secretLink,
    },
    ...overrides,
  };
}

describe.each(dialects)('queueMessage and deliver-message without SMTP on %s', (dialect) => {
  let services: RuntimeServices & { dispose(): Promise<void> };
  let workers: WorkerPool;
  const envelopeId = `env_q_${dialect}`;

  beforeAll(async () => {
    const base = await createTestServices({ dialect });
    services = {
      ...base,
      config: { ...base.config, delivery: { smtpUrl: undefined, smtpFrom: 'x <x@localhost>', smsGateway: 'test' } },
    };
    await insertSealedEnvelope(services, envelopeId, new Uint8Array([37, 80, 68, 70]));
    workers = startWorkers(
      services,
      { [deliverMessageJob]: deliverMessageHandler(services) },
      { concurrency: 1, retryBaseMs: 20 },
    );
  });

  afterAll(async () => {
    await workers?.stop(2_000);
    await services?.dispose();
  });

  const outboxRow = (id: string) =>
    services.database.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('records an email in the outbox with the link, and the trail says delivered to a masked address without it', async () => {
    const queued = await services.database.db
      .transaction()
      .execute((trx) =>
        queueMessage(trx, services.config, request({ envelopeId, dedupeKey: `inv:${dialect}` }), services.now()),
      );
    expect(queued).toMatchObject({ queued: true, channel: 'email', destination: 'dora@acme.com' });
    await waitFor(async () => (await outboxRow(queued.messageId)).status !== 'queued', 10_000, 'delivery');
    const row = await outboxRow(queued.messageId);
    expect(row).toMatchObject({
      status: 'recorded',
      provider: 'outbox',
      channel: 'email',
      language: 'en',
      attempts: 1,
    });
    expect(row.subject).toBe('Acme asks you to sign Service contract');
    expect(row.text).toContain(secretLink);
    expect(row.html).toContain(`href="${secretLink}"`);
    expect(row.sent_at).not.toBeNull();

    const trail = await services.database.db
      .selectFrom('envelope_trail')
      .selectAll()
      .where('envelope_id', '=', envelopeId)
      .where('kind', '=', 'delivered')
      .execute();
    expect(trail).toHaveLength(1);
    expect(JSON.parse(trail[0]!.details)).toMatchObject({
      channel: 'outbox',
      to: 'd•••@acme.com',
      purpose: 'invitation',
    });
    expect(trail[0]!.details).not.toContain('SECRET');
    expect(trail[0]!.details).not.toContain('dora@');
  });

  it('queues one message and one job for one dedupe key, however often it is asked', async () => {
    const key = `twice:${dialect}`;
    const first = await services.database.db
      .transaction()
      .execute((trx) => queueMessage(trx, services.config, request({ dedupeKey: key }), services.now()));
    const second = await services.database.db
      .transaction()
      .execute((trx) =>
        queueMessage(trx, services.config, request({ dedupeKey: key, purpose: 'reminder' }), services.now()),
      );
    expect(second).toEqual({ ...first, queued: false });
    const rows = await services.database.db
      .selectFrom('outbox')
      .select('purpose')
      .where('dedupe_key', '=', key)
      .execute();
    expect(rows).toEqual([{ purpose: 'invitation' }]);
    const jobs = await services.database.db
      .selectFrom('jobs')
      .select('id')
      .where('dedupe_key', '=', `${deliverMessageJob}:${key}`)
      .execute();
    expect(jobs).toHaveLength(1);
  });

  it('rolls back with the caller: no row and no job when the transaction fails', async () => {
    const key = `rollback:${dialect}`;
    await expect(
      services.database.db.transaction().execute(async (trx) => {
        await queueMessage(trx, services.config, request({ dedupeKey: key }), services.now());
        throw new Error('the caller failed');
      }),
    ).rejects.toThrow('the caller failed');
    const rows = await services.database.db.selectFrom('outbox').select('id').where('dedupe_key', '=', key).execute();
    expect(rows).toHaveLength(0);
  });

  it('refuses a recipient with neither email nor phone, and a channel the recipient lacks', async () => {
    const unreachable = request({
      dedupeKey: `none:${dialect}`,
      recipient: { name: 'N', email: null, phone: '  ', language: 'en' },
    });
    const error = await services.database.db
      .transaction()
      .execute((trx) => queueMessage(trx, services.config, unreachable, services.now()))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ kind: 'validation', code: 'SIGNER_UNREACHABLE' });
    const smsWithoutPhone = request({ dedupeKey: `nophone:${dialect}`, channel: 'sms' });
    await expect(
      services.database.db
        .transaction()
        .execute((trx) => queueMessage(trx, services.config, smsWithoutPhone, services.now())),
    ).rejects.toMatchObject({ code: 'SIGNER_UNREACHABLE' });
    const badKey = request({ dedupeKey: '' });
    await expect(
      services.database.db.transaction().execute((trx) => queueMessage(trx, services.config, badKey, services.now())),
    ).rejects.toMatchObject({ code: 'DEDUPE_KEY_INVALID' });
  });

  it('sends a signer with only a phone the code by SMS through the test gateway, in Portuguese', async () => {
    const phone = dialect === 'sqlite' ? '+55 11 98765-4321' : '+55 21 91234-5678';
    const queued = await services.database.db.transaction().execute((trx) =>
      queueMessage(
        trx,
        services.config,
        request({
          envelopeId,
          purpose: 'code',
          dedupeKey: `code:${dialect}`,
          recipient: { name: 'João', email: null, phone, language: 'pt-BR' },
          context: { documentTitle: 'Contrato', senderCompany: 'Acme', expiresAt: null, code: '482913' },
        }),
        services.now(),
      ),
    );
    expect(queued.channel).toBe('sms');
    await waitFor(async () => (await outboxRow(queued.messageId)).status !== 'queued', 10_000, 'sms delivery');
    const row = await outboxRow(queued.messageId);
    expect(row).toMatchObject({ status: 'sent', provider: 'test', channel: 'sms', html: null });
    expect(row.provider_id).toMatch(/^test-/);
    const sent = testSmsTo(phone);
    expect(sent.at(-1)?.text).toBe('Seu código para Contrato: 482913. Vale por 5 minutos.');
    const trail = await services.database.db
      .selectFrom('envelope_trail')
      .select('details')
      .where('envelope_id', '=', envelopeId)
      .where('signer_id', 'is', null)
      .execute();
    for (const entry of trail) expect(entry.details).not.toContain('482913');
    expect(trail.map((entry) => JSON.parse(entry.details).to)).toContain(maskDestination(phone));
  });

  it('attaches the final PDF only to an email, as a reference resolved at send time', async () => {
    const emailed = await services.database.db
      .transaction()
      .execute((trx) =>
        queueMessage(
          trx,
          services.config,
          request({ envelopeId, purpose: 'completed', attachFinalPdf: true, dedupeKey: `done:${dialect}` }),
          services.now(),
        ),
      );
    const texted = await services.database.db.transaction().execute((trx) =>
      queueMessage(
        trx,
        services.config,
        request({
          envelopeId,
          purpose: 'completed',
          attachFinalPdf: true,
          dedupeKey: `done-sms:${dialect}`,
          recipient: { name: 'J', email: null, phone: '+55 11 90000-1111', language: 'en' },
          context: {
            documentTitle: 'Service contract',
            senderCompany: 'Acme',
            expiresAt: null,
            finalPdfLink: 'https://x/final',
          },
        }),
        services.now(),
      ),
    );
    const emailRow = await outboxRow(emailed.messageId);
    expect(JSON.parse(emailRow.attachments)).toEqual([
      { kind: 'final_pdf', envelopeId, filename: 'Service contract (signed).pdf' },
    ]);
    expect(emailRow.text).toContain('The signed PDF is attached.');
    const smsRow = await outboxRow(texted.messageId);
    expect(JSON.parse(smsRow.attachments)).toEqual([]);
    expect(smsRow.text).toBe('Service contract is signed by everyone. Download: https://x/final');
  });
});
