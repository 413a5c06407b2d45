// Bitrix24 → inkflow over real HTTP on loopback, on SQLite and PostgreSQL: the fake portal posts its
// ONCRMDEALUPDATE webhook as Bitrix24 does; the route checks the application token and queues a job;
// the job fetches the deal, company and contacts and stores a deal.stage_changed event with the
// mapped stage and the deal's facts, which the demo flow evaluates. Redeliveries and updates that
// leave the stage alone make no second run; bad tokens and bodies are refused and queue nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncBitrix24DealJob } from '../../runtime/crm/bitrix24/sync-bitrix24-deal-job.ts';
import { crmConnector } from '../../runtime/crm/crm-connector.ts';
import type { ActionPlan, CrmEventAccepted, DealEvent } from '../../schemas/index.ts';
import { dialects } from '../support/database-places.ts';
import { type Bitrix24Harness, startBitrix24Harness } from './bitrix24-harness.ts';

describe.each(dialects)('Bitrix24 webhooks into runs on %s', (dialect) => {
  let harness: Bitrix24Harness;
  let dealId: string;
  let anaId: string;

  beforeAll(async () => {
    harness = await startBitrix24Harness(dialect);
    const { fake } = harness;
    const companyId = fake.addCompany({
      TITLE: 'Globex Ltda',
      ADDRESS: 'Rua das Flores 100',
      ADDRESS_CITY: 'São Paulo',
      ADDRESS_COUNTRY: 'Brazil',
    });
    anaId = fake.addContact({
      NAME: 'Ana',
      LAST_NAME: 'Souza',
      EMAIL: [{ ID: '11', VALUE: 'ana@globex.example', VALUE_TYPE: 'WORK', TYPE_ID: 'EMAIL' }],
      PHONE: [{ ID: '12', VALUE: '+5511999990000', VALUE_TYPE: 'WORK', TYPE_ID: 'PHONE' }],
    });
    const brunoId = fake.addContact({
      NAME: 'Bruno',
      LAST_NAME: 'Lima',
      EMAIL: [
        { ID: '13', VALUE: 'not an address', VALUE_TYPE: 'HOME', TYPE_ID: 'EMAIL' },
        { ID: '14', VALUE: 'bruno@globex.example', VALUE_TYPE: 'WORK', TYPE_ID: 'EMAIL' },
      ],
    });
    dealId = fake.addDeal({
      TITLE: 'Annual support 2027',
      STAGE_ID: 'PREPARATION',
      OPPORTUNITY: '62500.00',
      CURRENCY_ID: 'EUR',
      ASSIGNED_BY_ID: '7',
      COMPANY_ID: companyId,
      contactIds: [anaId, brunoId],
      UF_CRM_1712000001: '12',
      UF_CRM_1712000002: 'EU',
      UF_CRM_1712000003: ['a', 'b'],
    });
  }, 60_000);
  afterAll(async () => {
    await harness?.close();
  });

  async function storedEvents(): Promise<DealEvent[]> {
    const rows = await harness.services.database.db
      .selectFrom('events')
      .select(['payload'])
      .orderBy('received_at')
      .orderBy('event_id')
      .execute();
    return rows.map((row) => JSON.parse(row.payload) as DealEvent).filter((event) => event.deal.id === dealId);
  }

  async function queuedSyncJobs(): Promise<number> {
    const rows = await harness.services.database.db
      .selectFrom('jobs')
      .select('id')
      .where('kind', '=', syncBitrix24DealJob)
      .execute();
    return rows.length;
  }

  it('answers the webhook at once, then the job turns the deal into an event with the mapped stage and its facts', async () => {
    const delivered = await harness.fake.moveDealAndNotify(dealId, 'PREPAYMENT_INVOICE');
    expect(delivered.status).toBe(200);
    expect(JSON.parse(delivered.body) as CrmEventAccepted).toEqual({ status: 'queued', dealId });
    // Nothing was fetched on the request path.
    expect(harness.fake.calls('crm.deal.get')).toEqual([]);

    expect(await harness.runJobs()).toBe(2); // the sync, then the run's evaluation
    expect(harness.fake.calls().map((call) => call.method)).toEqual([
      'crm.deal.get',
      'crm.company.get',
      'crm.deal.contact.items.get',
      'crm.contact.get',
      'crm.contact.get',
    ]);
    expect(harness.fake.calls('crm.deal.get')[0]?.params).toEqual({ id: dealId });

    const [event, ...more] = await storedEvents();
    expect(more).toEqual([]);
    expect(event).toMatchObject({
      eventId: `bitrix24-deal-${dealId}-change-1`,
      type: 'deal.stage_changed',
      pipelineId: 'sales',
      deal: {
        id: dealId,
        title: 'Annual support 2027',
        stageId: 'contract',
        previousStageId: null,
        amount: 62500,
        currency: 'EUR',
        responsibleUserId: '7',
        fields: { contractTermMonths: 12, region: 'EU' },
        company: { name: 'Globex Ltda', address: 'Rua das Flores 100, São Paulo, Brazil' },
        contacts: [
          { id: anaId, name: 'Ana Souza', email: 'ana@globex.example', phone: '+5511999990000', role: 'signer' },
          { name: 'Bruno Lima', email: 'bruno@globex.example', role: 'contact' },
        ],
      },
    });
    // A multiple field (a list) has no scalar value to test: left out.
    expect(Object.keys(event?.deal.fields ?? {})).toEqual(['contractTermMonths', 'region']);

    const run = await harness.services.database.db
      .selectFrom('runs')
      .selectAll()
      .where('event_id', '=', event?.eventId ?? '')
      .executeTakeFirstOrThrow();
    const plan = JSON.parse(run.plan ?? 'null') as ActionPlan;
    const send = plan.actions.find((action) => action.kind === 'sendDocument');
    // 62,500 is over the demo flow's 50,000: the large contract, signed by the director and Ana.
    expect(send).toMatchObject({ documentType: 'contract', templateId: 'contract-large' });
    expect(
      send && 'signers' in send ? send.signers.map((signer) => signer.contactId ?? signer.employeeId) : [],
    ).toEqual(['director', anaId]);
  });

  it('makes no second run for a redelivered webhook, nor for an update that leaves the stage alone', async () => {
    const jobsBefore = await queuedSyncJobs();
    const ts = String(Math.floor(Date.now() / 1000) + 10_000);
    const first = await harness.fake.notify(dealId, { ts });
    const again = await harness.fake.notify(dealId, { ts });
    expect(JSON.parse(first.body)).toEqual({ status: 'queued', dealId });
    expect(JSON.parse(again.body)).toEqual({ status: 'duplicate', dealId });
    expect(await queuedSyncJobs()).toBe(jobsBefore + 1);

    harness.fake.updateDeal(dealId, { TITLE: 'Annual support 2027 (revised)' });
    expect((await harness.fake.notify(dealId)).status).toBe(200);
    expect(await harness.runJobs()).toBe(2); // two syncs, both seeing the stage it was in
    expect((await storedEvents()).length).toBe(1);
    const jobs = await harness.services.database.db
      .selectFrom('jobs')
      .select(['status'])
      .where('kind', '=', syncBitrix24DealJob)
      .execute();
    expect(jobs.map((job) => job.status)).toEqual(jobs.map(() => 'done'));
  });

  it('closes the loop: inkflow moves the deal, the portal tells inkflow, the next stage becomes an event', async () => {
    const connector = crmConnector(harness.services);
    await connector?.moveDeal({ dealId, pipelineId: 'sales', stageId: 'invoice' });
    expect(harness.fake.calls('crm.deal.update').map((call) => call.params)).toEqual([
      { id: dealId, fields: { STAGE_ID: 'EXECUTING' } },
    ]);
    // The portal's own ONCRMDEALUPDATE after the update, answered by inkflow's route.
    expect((await harness.fake.deliveries()).map((delivery) => delivery.status)).toEqual([200]);
    expect(await harness.runJobs()).toBe(2);
    const events = await storedEvents();
    expect(events.map((event) => [event.eventId, event.deal.previousStageId, event.deal.stageId])).toEqual([
      [`bitrix24-deal-${dealId}-change-1`, null, 'contract'],
      [`bitrix24-deal-${dealId}-change-2`, 'contract', 'invoice'],
    ]);
    expect(events[1]?.deal.title).toBe('Annual support 2027 (revised)');
  });

  it('warns about a stage inkflow does not have, makes no event and finishes the job', async () => {
    await harness.fake.moveDealAndNotify(dealId, 'UC_7XK2QF');
    expect(await harness.runJobs()).toBe(1);
    expect((await storedEvents()).length).toBe(2);
    const warning = harness.logs.find((entry) => entry.msg === 'Bitrix24 deal update not turned into an event');
    expect(warning).toMatchObject({ dealId, stage: 'UC_7XK2QF' });
    expect(String(warning?.reason)).toContain('"uc_7xk2qf", which is not a stage of pipeline "sales"');
    const last = await harness.services.database.db
      .selectFrom('jobs')
      .select(['status'])
      .where('kind', '=', syncBitrix24DealJob)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(last.status).toBe('done');
  });

  it('refuses a missing (401) or wrong (403) application token and queues nothing', async () => {
    const before = await queuedSyncJobs();
    const missing = await harness.fake.notify(dealId, { applicationToken: null });
    expect(missing.status).toBe(401);
    expect(JSON.parse(missing.body)).toMatchObject({ error: { code: 'CRM_TOKEN_MISSING' } });
    const wrong = await harness.fake.notify(dealId, { applicationToken: `${harness.fake.applicationToken}x` });
    expect(wrong.status).toBe(403);
    expect(JSON.parse(wrong.body)).toMatchObject({ error: { code: 'CRM_TOKEN_INVALID' } });
    expect(wrong.body).not.toContain(harness.fake.applicationToken);
    expect(await queuedSyncJobs()).toBe(before);
  });

  it('answers events it does not act on with "ignored"', async () => {
    const before = await queuedSyncJobs();
    const deleted = await harness.fake.notify(dealId, { event: 'ONCRMDEALDELETE' });
    expect(deleted.status).toBe(200);
    expect(JSON.parse(deleted.body)).toEqual({ status: 'ignored', dealId });
    expect(await queuedSyncJobs()).toBe(before);
  });

  it('refuses malformed, oversized and non-form bodies with a 4xx that says what is wrong', async () => {
    const before = await queuedSyncJobs();
    const token = encodeURIComponent(harness.fake.applicationToken);
    const post = async (body: string, type = 'application/x-www-form-urlencoded') => {
      const response = await fetch(harness.eventsUrl, { method: 'POST', headers: { 'content-type': type }, body });
      const answer = (await response.json()) as { error?: { code: string } };
      return { status: response.status, code: answer.error?.code };
    };
    const good = `event=ONCRMDEALUPDATE&data[FIELDS][ID]=${dealId}&ts=1&auth[application_token]=${token}`;
    expect(await post(good.replace(/&/g, '\n'))).toMatchObject({ status: 401 });
    expect(await post(JSON.stringify({ event: 'ONCRMDEALUPDATE' }), 'application/json')).toEqual({
      status: 415,
      code: 'FORM_REQUIRED',
    });
    expect(await post(`${good}&data[FIELDS]=x`)).toEqual({ status: 400, code: 'FORM_INVALID' });
    expect(await post(`${good}&ts=2`)).toEqual({ status: 400, code: 'FORM_INVALID' });
    expect(await post(`${good}&data[FIELDS][ID`)).toEqual({ status: 400, code: 'FORM_INVALID' });
    expect(await post(`${good}&a[b][c][d][e]=1`)).toEqual({ status: 400, code: 'FORM_INVALID' });
    expect(await post(good.replace(`ID]=${dealId}`, 'ID]=0'))).toEqual({ status: 400, code: 'CRM_EVENT_INVALID' });
    expect(await post(good.replace('&ts=1', ''))).toEqual({ status: 400, code: 'CRM_EVENT_INVALID' });
    expect(await post(`${good}&__proto__[polluted]=1`)).toEqual({ status: 200, code: undefined });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const many = Array.from({ length: 101 }, (_, at) => `f${at}=1`).join('&');
    expect(await post(`${good}&${many}`)).toEqual({ status: 400, code: 'FORM_TOO_MANY_FIELDS' });
    expect(await post(`${good}&pad=${'x'.repeat(40_000)}`)).toEqual({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    // The one good body among them (with a harmless __proto__ key) queued one job with ts 1.
    expect(await queuedSyncJobs()).toBe(before + 1);
  });

  it('makes one event when two webhooks of one stage change are fetched by two workers at once', async () => {
    const other = harness.fake.addDeal({ TITLE: 'Two at once', STAGE_ID: 'PREPARATION', OPPORTUNITY: '900.00' });
    harness.fake.updateDeal(other, { STAGE_ID: 'PREPAYMENT_INVOICE' });
    await harness.fake.notify(other);
    await harness.fake.notify(other);
    // With the malformed-body test's one good delivery (ts=1), which is still queued: three at once.
    expect(await harness.runAtOnce(syncBitrix24DealJob)).toBe(3);
    const rows = await harness.services.database.db.selectFrom('events').select(['payload']).execute();
    const events = rows.map((row) => JSON.parse(row.payload) as DealEvent).filter((event) => event.deal.id === other);
    expect(events.map((event) => event.eventId)).toEqual([`bitrix24-deal-${other}-change-1`]);
    expect(await harness.runJobs()).toBe(1); // that event's evaluation
    const jobs = await harness.services.database.db
      .selectFrom('jobs')
      .select(['status', 'last_error'])
      .where('kind', '=', syncBitrix24DealJob)
      .where('status', '!=', 'done')
      .execute();
    expect(jobs).toEqual([]);
  });

  it('leaves out a company or contact deleted meanwhile, and drops the update of a deleted deal', async () => {
    const { fake } = harness;
    const company = fake.addCompany({ TITLE: 'Gone Inc' });
    const gone = fake.addContact({ NAME: 'Gone' });
    const kept = fake.addContact({ NAME: 'Kept' });
    const deal = fake.addDeal({ STAGE_ID: 'PREPAYMENT_INVOICE', COMPANY_ID: company, contactIds: [gone, kept] });
    fake.remove(company);
    fake.remove(gone);
    await fake.notify(deal);
    expect(await harness.runJobs()).toBe(2);
    const [row] = await harness.services.database.db
      .selectFrom('events')
      .select('payload')
      .where('event_id', '=', `bitrix24-deal-${deal}-change-1`)
      .execute();
    const event = JSON.parse(row?.payload ?? 'null') as DealEvent;
    expect(event.deal.company).toBeUndefined();
    expect(event.deal.contacts).toEqual([{ id: kept, name: 'Kept', role: 'contact' }]);

    fake.remove(deal);
    await fake.notify(deal);
    expect(await harness.runJobs()).toBe(1);
    expect(harness.logs.some((entry) => entry.msg.startsWith('Bitrix24 deal is gone') && entry.dealId === deal)).toBe(
      true,
    );
    const failed = await harness.services.database.db
      .selectFrom('jobs')
      .select('id')
      .where('kind', '=', syncBitrix24DealJob)
      .where('status', '!=', 'done')
      .execute();
    expect(failed).toEqual([]);
  });

  it('never writes the webhook URL’s secret into the log', () => {
    const secret = new URL(harness.fake.webhookUrl).pathname.split('/')[3] as string;
    expect(secret.length).toBeGreaterThan(8);
    expect(harness.logs.length).toBeGreaterThan(3);
    expect(JSON.stringify(harness.logs)).not.toContain(secret);
  });
});
