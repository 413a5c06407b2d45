// Envelopes from made documents to the sealed final PDF, over real HTTP, real LibreOffice and
// both stores: created with the document, sent in turn (company first), links that never reach
// the API, resend and contact changes that replace links, drafts, cancel, expiry by its job, the
// seal job (pdfsig valid and whole) and the hash-chained trail that detects an altered row.
// Signing itself is the signer's page's (test/runtime/signing-*.test.ts); here a signature is
// written to the signer's row as the page's use case does, to drive the envelope through its turns.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { advanceEnvelope } from '../../runtime/envelopes/advance-envelope.ts';
import type { Deal, DocumentInfo, Envelope, EnvelopeDetail, EnvelopeList } from '../../schemas/index.ts';
import { eventPathClient, pdfText } from '../support/event-path-client.ts';
import { type EventPathHarness, openEventPathHarness } from '../support/event-path-harness.ts';
import { createRealPdf } from '../support/real-pdf.ts';
import { seedDemoSales } from '../support/seed-event-path.ts';
import { waitFor } from '../support/wait-for.ts';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const deal: Deal = {
  id: 'D-7000',
  title: 'Fleet leasing',
  stageId: 'contract',
  amount: 42_000,
  currency: 'EUR',
  locale: 'pt-BR',
  responsibleUserId: 'u-7',
  company: { id: 'C-70', name: 'Umbrella SA' },
  contacts: [
    { id: 'P-70', name: 'Zoe Prado', email: 'zoe@umbrella.example', language: 'pt-BR' },
    { id: 'P-71', name: 'Yuri Costa', phone: '+55 11 98765 4321' },
  ],
};

function signaturePng(): Uint8Array {
  const png = new PNG({ width: 120, height: 40 });
  for (let i = 0; i < png.data.length; i += 4) {
    const ink = (i / 4) % 120 > 20 && (i / 4) % 120 < 100 && Math.floor(i / 4 / 120) % 10 < 3;
    png.data[i] = ink ? 20 : 255;
    png.data[i + 1] = ink ? 30 : 255;
    png.data[i + 2] = ink ? 120 : 255;
    png.data[i + 3] = 255;
  }
  return PNG.sync.write(png);
}

function run(command: string, args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(command, args, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, out: `${stdout}${stderr}` }),
    );
  });
}

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`envelopes (${dialect}, real LibreOffice)`, () => {
    const pdf = createRealPdf();
    let harness: EventPathHarness;
    let client: ReturnType<typeof eventPathClient>;

    const outbox = (envelopeId: string) =>
      harness.services.database.db
        .selectFrom('outbox')
        .selectAll()
        .where('envelope_id', '=', envelopeId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();

    async function makeContract(extra: Record<string, unknown> = {}): Promise<Envelope> {
      const made = await client.postJson<DocumentInfo>(`/deals/${deal.id}/documents`, {
        documentType: 'contract',
        templateId: 'contract-standard',
        deal,
        ...extra,
      });
      expect(made.status).toBe(201);
      const list = await client.getJson<EnvelopeList>(`/envelopes?documentId=${made.body.id}`);
      expect(list.body.items).toHaveLength(1);
      return list.body.items[0] as Envelope;
    }

    async function signAs(envelopeId: string, signerId: string): Promise<string> {
      const { services } = harness;
      return services.database.db.transaction().execute(async (trx) => {
        const now = services.now();
        await trx
          .updateTable('envelope_signers')
          .set({
            status: 'signed',
            signed_at: now.toISOString(),
            signature_png: signaturePng(),
            signature_method: 'drawn',
          })
          .where('id', '=', signerId)
          .execute();
        return advanceEnvelope(trx, services, envelopeId, now);
      });
    }

    beforeAll(async () => {
      harness = await openEventPathHarness({ dialect, pdf });
      await seedDemoSales(harness.services);
      harness.startWorkers({ concurrency: 2 });
      client = eventPathClient(harness);
    });
    afterAll(async () => {
      await harness?.close();
      await pdf.close();
    });

    it('gives every made document an envelope sent to the company signer first; no link in the API', async () => {
      const envelope = await makeContract();
      expect(envelope.status).toBe('sent');
      expect(envelope.title).toBe('Contract — Fleet leasing');
      expect(envelope.signers.map((s) => [s.side, s.partyIndex, s.turn, s.status, s.language])).toEqual([
        ['company', 1, 1, 'sent', 'en'],
        ['counterparty', 1, 2, 'waiting', 'pt-BR'],
        ['counterparty', 2, 2, 'waiting', 'en'],
      ]);
      const messages = await outbox(envelope.id);
      expect(messages).toHaveLength(1);
      const link = /\/sign\/([A-Za-z0-9_-]{43})/.exec(messages[0]?.text ?? '');
      expect(link, 'the invitation carries the link').not.toBeNull();
      const detail = await client.getJson<EnvelopeDetail>(`/envelopes/${envelope.id}`);
      expect(JSON.stringify(detail.body)).not.toContain(link?.[1]);
      expect(detail.body.trail.intact).toBe(true);
      // 'delivered' entries come from the delivery job, in their own time.
      const kinds = detail.body.trail.entries.map((entry) => entry.kind).filter((kind) => kind !== 'delivered');
      expect(kinds).toEqual(['created', 'sent', 'sent']);
      expect(JSON.stringify(detail.body.trail)).not.toContain(link?.[1]);
    });

    it('resends a link: the old one is replaced, a new message is queued; not for a signer out of turn', async () => {
      const envelope = await makeContract();
      const company = envelope.signers[0]?.id as string;
      const before = await harness.services.database.db
        .selectFrom('envelope_signers')
        .select('token_hash')
        .where('id', '=', company)
        .executeTakeFirstOrThrow();
      const resent = await client.postJson<Envelope>(`/envelopes/${envelope.id}/signers/${company}/resend`, {});
      expect(resent.status).toBe(200);
      const replaced = await harness.services.database.db
        .selectFrom('replaced_signer_tokens')
        .selectAll()
        .where('token_hash', '=', before.token_hash as string)
        .execute();
      expect(replaced).toHaveLength(1);
      expect(await outbox(envelope.id)).toHaveLength(2);
      const waiting = envelope.signers[1]?.id as string;
      const refused = await client.postJson<{ error: { code: string } }>(
        `/envelopes/${envelope.id}/signers/${waiting}/resend`,
        {},
      );
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('SIGNER_NOT_IN_TURN');
    });

    it('changes a contact before signing (new link to the new address) and refuses a bad one', async () => {
      const envelope = await makeContract();
      const company = envelope.signers[0]?.id as string;
      const url = `${harness.baseUrl}/envelopes/${envelope.id}/signers/${company}/contact`;
      const put = (body: unknown) =>
        fetch(url, {
          method: 'PUT',
          headers: { authorization: `Bearer ${harness.tokens.client}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      const bad = await put({ email: 'not an email' });
      expect(bad.status).toBe(400);
      const empty = await put({});
      expect(empty.status).toBe(400);
      const changed = await put({ email: 'carla.new@initech.example' });
      expect(changed.status).toBe(200);
      expect(((await changed.json()) as Envelope).signers[0]?.email).toBe('carla.new@initech.example');
      const messages = await outbox(envelope.id);
      expect(messages.at(-1)?.to_address).toBe('carla.new@initech.example');
    });

    it('keeps "send": false as a draft, sends it later, cancels it once', async () => {
      const envelope = await makeContract({ send: false });
      expect(envelope.status).toBe('draft');
      expect(await outbox(envelope.id)).toHaveLength(0);
      const sent = await client.postJson<Envelope>(`/envelopes/${envelope.id}/send`, {});
      expect(sent.status).toBe(200);
      expect(sent.body.status).toBe('sent');
      expect(sent.body.expiresAt).not.toBeNull();
      const again = await client.postJson<{ error: { code: string } }>(`/envelopes/${envelope.id}/send`, {});
      expect(again.body.error.code).toBe('ENVELOPE_NOT_DRAFT');
      const cancelled = await client.postJson<Envelope>(`/envelopes/${envelope.id}/cancel`, { reason: 'wrong price' });
      expect(cancelled.body.status).toBe('cancelled');
      const twice = await client.postJson<{ error: { code: string } }>(`/envelopes/${envelope.id}/cancel`, {});
      expect(twice.status).toBe(409);
      const purposes = (await outbox(envelope.id)).map((message) => message.purpose);
      expect(purposes).toEqual(['invitation', 'cancelled']);
    });

    it('answers unknown envelopes with 404 and bad filters with 400', async () => {
      expect((await client.getJson(`/envelopes/env_${'0'.repeat(32)}`)).status).toBe(404);
      expect((await client.getJson('/envelopes?status=signed')).status).toBe(400);
      expect((await client.getJson('/envelopes?cursor=zzz')).status).toBe(400);
      expect((await client.getJson('/envelopes?limit=0')).status).toBe(400);
    });

    it('expires an envelope by its scheduled job', async () => {
      const envelope = await makeContract();
      const { db } = harness.services.database;
      const past = new Date(Date.now() - 1000).toISOString();
      await db.updateTable('envelopes').set({ expires_at: past }).where('id', '=', envelope.id).execute();
      await db
        .updateTable('jobs')
        .set({ run_at: Date.now() })
        .where('kind', '=', 'expire-envelope')
        .where('payload', 'like', `%${envelope.id}%`)
        .execute();
      await waitFor(
        async () =>
          (await client.getJson<EnvelopeDetail>(`/envelopes/${envelope.id}`)).body.envelope.status === 'expired',
        30_000,
        'the envelope to expire',
      );
      const detail = await client.getJson<EnvelopeDetail>(`/envelopes/${envelope.id}`);
      expect(detail.body.trail.entries.map((entry) => entry.kind)).toContain('expired');
    });

    it('reminds the signers in turn reminderDays before expiry, with a fresh link', async () => {
      const envelope = await makeContract({ reminderDays: 3, linkExpiryDays: 10 });
      expect(envelope.reminderDays).toBe(3);
      const { db } = harness.services.database;
      const job = await db
        .selectFrom('jobs')
        .select(['id', 'run_at'])
        .where('kind', '=', 'remind-envelope')
        .where('payload', 'like', `%${envelope.id}%`)
        .executeTakeFirstOrThrow();
      // Scheduled 7 days from now: 10 days of links, 3 days before their end.
      const expires = Date.parse(envelope.expiresAt as string);
      expect(Number(job.run_at)).toBe(expires - 3 * 86_400_000);
      await db.updateTable('jobs').set({ run_at: Date.now() }).where('id', '=', job.id).execute();
      await waitFor(
        async () => (await outbox(envelope.id)).some((message) => message.purpose === 'reminder'),
        30_000,
        'the reminder',
      );
      const reminder = (await outbox(envelope.id)).find((message) => message.purpose === 'reminder');
      expect(reminder?.to_address).toBe('sam.rivera@initech.example');
      const invitation = (await outbox(envelope.id)).find((message) => message.purpose === 'invitation');
      const link = (text: string | undefined) => /\/sign\/([A-Za-z0-9_-]{43})/.exec(text ?? '')?.[1];
      expect(link(reminder?.text)).toBeDefined();
      expect(link(reminder?.text)).not.toBe(link(invitation?.text));
      const detail = await client.getJson<EnvelopeDetail>(`/envelopes/${envelope.id}`);
      expect(detail.body.trail.entries.map((entry) => entry.kind)).toContain('reminded');
    });

    it('goes through its turns to a sealed final PDF that pdfsig validates; the trail detects tampering', async () => {
      const envelope = await makeContract();
      const [company, first, second] = envelope.signers.map((signer) => signer.id) as [string, string, string];
      expect(await signAs(envelope.id, company)).toBe('partially_signed');
      const afterCompany = await client.getJson<EnvelopeDetail>(`/envelopes/${envelope.id}`);
      expect(afterCompany.body.envelope.signers.map((s) => s.status)).toEqual(['signed', 'sent', 'sent']);
      const invitations = (await outbox(envelope.id)).map((message) => `${message.channel}:${message.to_address}`);
      expect(invitations.sort()).toEqual([
        'email:sam.rivera@initech.example',
        'email:zoe@umbrella.example',
        'sms:+55 11 98765 4321',
      ]);
      expect(await signAs(envelope.id, first)).toBe('partially_signed');
      expect(await signAs(envelope.id, second)).toBe('sealing');
      await waitFor(
        async () =>
          (await client.getJson<EnvelopeDetail>(`/envelopes/${envelope.id}`)).body.envelope.status === 'completed',
        90_000,
        'the envelope to be sealed',
        200,
      );
      const final = await client.getBytes(`/envelopes/${envelope.id}/final.pdf`);
      expect(final.status).toBe(200);
      const file = join(tmpdir(), `inkflow-final-${envelope.id}.pdf`);
      writeFileSync(file, final.bytes);
      const sig = await run('pdfsig', [file]);
      expect(sig.out).toContain('Signature is Valid.');
      expect(sig.out).toContain('Total document signed');
      const text = await pdfText(final.bytes);
      expect(text).toContain(envelope.id);
      expect(text).toContain('Fleet leasing');
      const completed = (await outbox(envelope.id)).filter((message) => message.purpose === 'completed');
      expect(completed).toHaveLength(3);
      const detail = await client.getJson<EnvelopeDetail>(`/envelopes/${envelope.id}`);
      expect(detail.body.envelope.finalSha256).toMatch(/^[0-9a-f]{64}$/);
      expect(detail.body.envelope.links.finalPdf).toBe(`/api/v1/envelopes/${envelope.id}/final.pdf`);
      const kinds = detail.body.trail.entries.map((entry) => entry.kind).filter((kind) => kind !== 'delivered');
      expect(kinds.slice(-3)).toEqual(['sealed', 'completed', 'downloaded']);
      expect(detail.body.trail.intact).toBe(true);
      await harness.services.database.db
        .updateTable('envelope_trail')
        .set({ details: '{"reason":"nothing happened"}' })
        .where('envelope_id', '=', envelope.id)
        .where('seq', '=', 2)
        .execute();
      const tampered = await client.getJson<EnvelopeDetail>(`/envelopes/${envelope.id}`);
      expect(tampered.body.trail.intact).toBe(false);
      expect(tampered.body.trail.brokenAt).toBe(2);
    });
  });
}
