// The Bitrix24 connector's pure parts: stage names both ways, a deal snapshot as a deal event (what
// is kept, dropped or renamed, and that the result is a valid DealEvent), and the form decoder.
import { describe, expect, it } from 'vitest';
import type { Bitrix24DealSnapshot } from '../../runtime/crm/bitrix24/fetch-bitrix24-deal.ts';
import { parseFormBody } from '../../runtime/crm/bitrix24/parse-form-body.ts';
import { bitrixStageOf, inkflowStageOf } from '../../runtime/crm/bitrix24/stage-mapping.ts';
import { toDealEvent } from '../../runtime/crm/bitrix24/to-deal-event.ts';
import { AppError } from '../../runtime/errors/app-error.ts';
import { checkDealEvent } from '../../schemas/index.ts';

const pipelines = {
  '0': { pipelineId: 'sales', stages: { PREPAYMENT_INVOICE: 'contract' } },
  '3': { pipelineId: 'renewals' },
};

describe('stage mapping', () => {
  it('names a Bitrix24 stage by the table, else without its category prefix in lower case', () => {
    expect(inkflowStageOf(pipelines, '0', 'PREPAYMENT_INVOICE')).toEqual({
      mapped: true,
      pipelineId: 'sales',
      stageId: 'contract',
    });
    expect(inkflowStageOf(pipelines, '0', 'WON')).toEqual({ mapped: true, pipelineId: 'sales', stageId: 'won' });
    expect(inkflowStageOf(pipelines, '3', 'C3:PREPARATION')).toEqual({
      mapped: true,
      pipelineId: 'renewals',
      stageId: 'preparation',
    });
    const unmapped = inkflowStageOf(pipelines, '7', 'C7:NEW');
    expect(unmapped.mapped).toBe(false);
    expect(!unmapped.mapped && unmapped.reason).toContain('add "7" to INKFLOW_BITRIX24_PIPELINES');
    expect(inkflowStageOf(pipelines, 'constructor', 'NEW').mapped).toBe(false);
  });

  it('turns inkflow stages back into the STAGE_ID of the pipeline’s category', () => {
    expect(bitrixStageOf(pipelines, 'sales', 'contract')).toEqual({ categoryId: '0', stageId: 'PREPAYMENT_INVOICE' });
    expect(bitrixStageOf(pipelines, 'sales', 'won')).toEqual({ categoryId: '0', stageId: 'WON' });
    expect(bitrixStageOf(pipelines, 'renewals', 'preparation')).toEqual({ categoryId: '3', stageId: 'C3:PREPARATION' });
    expect(bitrixStageOf(pipelines, 'renewals', 'Won')).toBeUndefined();
    expect(bitrixStageOf(pipelines, 'leasing', 'won')).toBeUndefined();
    // Every stage named by rule comes back to the STAGE_ID it was named from.
    for (const [category, stage] of [
      ['0', 'FINAL_INVOICE'],
      ['3', 'C3:UC_7XK2QF'],
    ] as const) {
      const named = inkflowStageOf(pipelines, category, stage);
      if (!named.mapped) throw new Error(named.reason);
      expect(bitrixStageOf(pipelines, named.pipelineId, named.stageId)?.stageId).toBe(stage);
    }
  });
});

function snapshot(deal: Record<string, unknown>, extra: Partial<Bitrix24DealSnapshot> = {}): Bitrix24DealSnapshot {
  return {
    deal: { ID: '42', STAGE_ID: 'WON', ...deal } as Bitrix24DealSnapshot['deal'],
    company: undefined,
    contacts: [],
    contactsLeftOut: 0,
    ...extra,
  };
}

const place = {
  eventId: 'bitrix24-deal-42-change-1',
  occurredAt: '2026-12-03T08:00:00.000Z',
  pipelineId: 'sales',
  stageId: 'won',
  previousStageId: 'contract',
};

describe('a Bitrix24 deal as a deal event', () => {
  it('keeps what the contract can hold and drops what it cannot', () => {
    const event = toDealEvent(
      snapshot(
        {
          TITLE: '  ',
          OPPORTUNITY: 'n/a',
          CURRENCY_ID: 'eur',
          ASSIGNED_BY_ID: '0',
          UF_CRM_TERM: '007',
          UF_CRM_COUNT: '12.5',
          UF_CRM_FLAG: true,
          UF_CRM_EMPTY: null,
          UF_CRM_FILE: { id: 5 },
          UF_CRM_A_B: 'renamed',
          OTHER_FIELD: 'not custom',
        },
        {
          company: { ID: '9', TITLE: 'Initech' },
          contacts: [
            { contact: { ID: '5', EMAIL: [{ VALUE: 'x@y' }], PHONE: [{ VALUE: '' }] }, primary: false },
            { contact: { ID: '6', NAME: 'Ana', EMAIL: [{ VALUE: ' ana@globex.example ' }] }, primary: true },
          ],
        },
      ),
      place,
      { UF_CRM_A_B: 'region' },
    );
    expect(event.deal).toEqual({
      id: '42',
      stageId: 'won',
      previousStageId: 'contract',
      fields: { UF_CRM_TERM: '007', UF_CRM_COUNT: 12.5, UF_CRM_FLAG: true, UF_CRM_EMPTY: null, region: 'renamed' },
      company: { id: '9', name: 'Initech' },
      contacts: [
        { id: '5', name: 'Contact 5', role: 'contact' },
        { id: '6', name: 'Ana', email: 'ana@globex.example', role: 'signer' },
      ],
    });
    expect(checkDealEvent(event).ok).toBe(true);
  });

  it('makes a valid event of a bare deal', () => {
    const event = toDealEvent(snapshot({ OPPORTUNITY: 1500, CURRENCY_ID: 'BRL', ASSIGNED_BY_ID: 7 }), place, {});
    expect(event.deal).toMatchObject({ amount: 1500, currency: 'BRL', responsibleUserId: '7', contacts: [] });
    expect(checkDealEvent(event)).toMatchObject({ ok: true });
  });
});

describe('the form decoder', () => {
  it('nests PHP-style keys as Bitrix24 sends them', () => {
    const form = parseFormBody('event=ONCRMDEALUPDATE&data%5BFIELDS%5D%5BID%5D=123&auth[domain]=a.bitrix24.com&ts=1');
    expect(JSON.parse(JSON.stringify(form))).toEqual({
      event: 'ONCRMDEALUPDATE',
      data: { FIELDS: { ID: '123' } },
      auth: { domain: 'a.bitrix24.com' },
      ts: '1',
    });
  });

  it('refuses keys it would have to guess at', () => {
    for (const body of ['a=1&a=2', 'a=1&a[b]=2', 'a[b]=1&a=2', 'a[]=1', '[x]=1', 'a[b]c=1', 'a[b][c][d][e]=1']) {
      expect(() => parseFormBody(body), body).toThrow(AppError);
    }
  });
});
