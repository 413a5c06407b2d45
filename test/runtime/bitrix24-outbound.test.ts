// inkflow → Bitrix24 through the CrmConnector, against the fake portal on loopback, configured the
// way an operator does it (environment variables through loadConfig): moveDeal is one
// crm.deal.update with the stage mapped back, addTimelineComment one crm.timeline.comment.add, and
// every failure is a JobError classified for retry (network, timeout, 5xx, query limit) or not
// (refusals, unmapped stages), whose message never holds the webhook URL's secret.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../runtime/config.ts';
import { type CrmConnector, crmConnector } from '../../runtime/crm/crm-connector.ts';
import { JobError } from '../../runtime/jobs/job-error.ts';
import type { RuntimeServices } from '../../runtime/services.ts';
import { type FakeBitrix24, startFakeBitrix24 } from '../support/fake-bitrix24.ts';
import { createTestServices } from '../support/test-services.ts';

const pipelines = {
  '0': { pipelineId: 'sales', stages: { PREPAYMENT_INVOICE: 'contract', EXECUTING: 'invoice' } },
  '1': { pipelineId: 'renewals' },
};

async function failureOf(action: Promise<void>): Promise<JobError> {
  const error = await action.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(JobError);
  return error as JobError;
}

describe('the Bitrix24 connector, outbound', () => {
  let fake: FakeBitrix24;
  let services: RuntimeServices & { dispose(): Promise<void> };
  let connector: CrmConnector;
  let secret: string;

  beforeAll(async () => {
    fake = await startFakeBitrix24();
    secret = new URL(fake.webhookUrl).pathname.split('/')[3] as string;
    services = await createTestServices();
    services.config = loadConfig({
      INKFLOW_BITRIX24_WEBHOOK_URL: fake.webhookUrl.replace(/\/$/, ''),
      INKFLOW_BITRIX24_APP_TOKEN: fake.applicationToken,
      INKFLOW_BITRIX24_PIPELINES: JSON.stringify(pipelines),
      INKFLOW_BITRIX24_TIMEOUT_MS: '300',
    });
    connector = crmConnector(services) as CrmConnector;
  });
  afterAll(async () => {
    await fake?.close();
    await services?.dispose();
  });

  it('is there only when a portal is configured', () => {
    expect(connector.name).toBe('bitrix24');
    expect(crmConnector({ ...services, config: loadConfig({}) })).toBeNull();
  });

  it('moves a deal with one crm.deal.update, the stage mapped back by the table or by rule', async () => {
    const sales = fake.addDeal({ STAGE_ID: 'PREPAYMENT_INVOICE' });
    const renewal = fake.addDeal({ STAGE_ID: 'C1:NEW', CATEGORY_ID: '1' });
    await connector.moveDeal({ dealId: sales, pipelineId: 'sales', stageId: 'invoice' });
    await connector.moveDeal({ dealId: renewal, pipelineId: 'renewals', stageId: 'won' });
    await connector.moveDeal({ dealId: sales, pipelineId: 'sales', stageId: 'final_invoice' });
    expect(fake.calls('crm.deal.update')).toEqual([
      { method: 'crm.deal.update', params: { id: sales, fields: { STAGE_ID: 'EXECUTING' } } },
      { method: 'crm.deal.update', params: { id: renewal, fields: { STAGE_ID: 'C1:WON' } } },
      { method: 'crm.deal.update', params: { id: sales, fields: { STAGE_ID: 'FINAL_INVOICE' } } },
    ]);
    expect(fake.deal(renewal)?.STAGE_ID).toBe('C1:WON');
  });

  it('adds a timeline comment to the deal', async () => {
    const deal = fake.addDeal({ STAGE_ID: 'WON' });
    await connector.addTimelineComment({ dealId: deal, text: 'Signed: https://inkflow.example/verify/e-1' });
    expect(fake.calls('crm.timeline.comment.add').at(-1)?.params).toEqual({
      fields: { ENTITY_ID: Number(deal), ENTITY_TYPE: 'deal', COMMENT: 'Signed: https://inkflow.example/verify/e-1' },
    });
    expect(fake.comments(deal)).toEqual(['Signed: https://inkflow.example/verify/e-1']);
  });

  it('refuses, without calling the portal, a stage or deal id it cannot name in Bitrix24', async () => {
    const before = fake.calls().length;
    const unmapped = await failureOf(connector.moveDeal({ dealId: '5', pipelineId: 'leasing', stageId: 'won' }));
    expect(unmapped).toMatchObject({ code: 'CRM_STAGE_NOT_MAPPED', retryable: false });
    const oddStage = await failureOf(
      connector.moveDeal({ dealId: '5', pipelineId: 'sales', stageId: 'final.invoice' }),
    );
    expect(oddStage).toMatchObject({ code: 'CRM_STAGE_NOT_MAPPED', retryable: false });
    const badId = await failureOf(connector.moveDeal({ dealId: 'D-1042', pipelineId: 'sales', stageId: 'invoice' }));
    expect(badId).toMatchObject({ code: 'CRM_DEAL_ID_INVALID', retryable: false });
    const empty = await failureOf(connector.addTimelineComment({ dealId: '5', text: ' ' }));
    expect(empty).toMatchObject({ code: 'CRM_COMMENT_INVALID', retryable: false });
    expect(fake.calls().length).toBe(before);
  });

  it('classifies the portal’s failures: refusals are final, the rest is retried', async () => {
    const deal = fake.addDeal({ STAGE_ID: 'NEW' });
    const move = () => connector.moveDeal({ dealId: deal, pipelineId: 'sales', stageId: 'invoice' });
    const cases: [Parameters<FakeBitrix24['failNext']>[1], { code: string; retryable: boolean }][] = [
      [
        { status: 400, error: '', description: 'Not found' },
        { code: 'BITRIX24_NOT_FOUND', retryable: false },
      ],
      [
        { status: 400, error: 'ERROR_CORE', description: 'Stage not valid' },
        { code: 'BITRIX24_REFUSED', retryable: false },
      ],
      [
        { status: 401, error: 'INVALID_CREDENTIALS', description: 'Invalid request credentials' },
        { code: 'BITRIX24_REFUSED', retryable: false },
      ],
      [
        { status: 403, error: 'insufficient_scope', description: 'The request requires higher privileges' },
        { code: 'BITRIX24_REFUSED', retryable: false },
      ],
      [
        { status: 503, error: 'QUERY_LIMIT_EXCEEDED', description: 'Too many requests' },
        { code: 'BITRIX24_UNAVAILABLE', retryable: true },
      ],
      [
        { status: 500, error: 'INTERNAL_SERVER_ERROR', description: 'Internal server error' },
        { code: 'BITRIX24_UNAVAILABLE', retryable: true },
      ],
      ['reset', { code: 'BITRIX24_UNAVAILABLE', retryable: true }],
      ['stall', { code: 'BITRIX24_UNAVAILABLE', retryable: true }],
    ];
    const seen: { code: string; retryable: boolean }[] = [];
    const messages: string[] = [];
    for (const [failure] of cases) {
      fake.failNext('crm.deal.update', failure);
      const error = await failureOf(move());
      seen.push({ code: error.code, retryable: error.retryable });
      messages.push(error.message);
    }
    expect(seen).toEqual(cases.map(([, expected]) => expected));
    expect(messages[0]).toContain('crm.deal.update');
    expect(messages[0]).toContain('400: Not found');
    expect(messages.at(-1)).toContain('no answer within 300 ms');
    for (const message of messages) expect(message).not.toContain(secret);
    // After the failures, the same call goes through.
    await move();
    expect(fake.deal(deal)?.STAGE_ID).toBe('EXECUTING');
  });

  it('calls a wrong webhook code a final refusal without repeating the code', async () => {
    const wrong = crmConnector({
      ...services,
      config: loadConfig({
        INKFLOW_BITRIX24_WEBHOOK_URL: `${fake.url}/rest/1/wrongcode123/`,
        INKFLOW_BITRIX24_APP_TOKEN: 't',
      }),
    }) as CrmConnector;
    const error = await failureOf(wrong.moveDeal({ dealId: '1', pipelineId: 'sales', stageId: 'won' }));
    expect(error).toMatchObject({ code: 'BITRIX24_REFUSED', retryable: false });
    expect(error.message).toContain('401: INVALID_CREDENTIALS');
    expect(error.message).not.toContain('wrongcode123');
  });
});

describe('Bitrix24 settings', () => {
  const url = 'https://portal.bitrix24.com/rest/1/s3cr3tc0de/';
  const refusal = (env: NodeJS.ProcessEnv): string => {
    try {
      loadConfig(env);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as Error).message;
    }
    throw new Error('the settings were accepted');
  };

  it('reads the portal, its token and the default mapping', () => {
    const config = loadConfig({ INKFLOW_BITRIX24_WEBHOOK_URL: url.slice(0, -1), INKFLOW_BITRIX24_APP_TOKEN: 'tok' });
    expect(config.crm.bitrix24).toEqual({
      webhookUrl: url,
      applicationToken: 'tok',
      pipelines: { '0': { pipelineId: 'sales' } },
      fields: {},
      timeoutMs: 10_000,
    });
    expect(loadConfig({}).crm.bitrix24).toBeUndefined();
  });

  it('refuses half a configuration, bad JSON, bad shapes and two categories for one pipeline, never echoing the URL', () => {
    const messages = [
      refusal({ INKFLOW_BITRIX24_WEBHOOK_URL: url }),
      refusal({ INKFLOW_BITRIX24_APP_TOKEN: 'tok' }),
      refusal({ INKFLOW_BITRIX24_WEBHOOK_URL: 'ftp://portal/rest/1/s3cr3tc0de/', INKFLOW_BITRIX24_APP_TOKEN: 'tok' }),
      refusal({ INKFLOW_BITRIX24_WEBHOOK_URL: `${url}?x=s3cr3tc0de`, INKFLOW_BITRIX24_APP_TOKEN: 'tok' }),
      refusal({
        INKFLOW_BITRIX24_WEBHOOK_URL: url,
        INKFLOW_BITRIX24_APP_TOKEN: 'tok',
        INKFLOW_BITRIX24_PIPELINES: '{',
      }),
      refusal({
        INKFLOW_BITRIX24_WEBHOOK_URL: url,
        INKFLOW_BITRIX24_APP_TOKEN: 'tok',
        INKFLOW_BITRIX24_PIPELINES: '{"x":{"pipelineId":"sales"}}',
      }),
      refusal({
        INKFLOW_BITRIX24_WEBHOOK_URL: url,
        INKFLOW_BITRIX24_APP_TOKEN: 'tok',
        INKFLOW_BITRIX24_PIPELINES: '{"0":{"pipelineId":"sales"},"2":{"pipelineId":"sales"}}',
      }),
      refusal({
        INKFLOW_BITRIX24_WEBHOOK_URL: url,
        INKFLOW_BITRIX24_APP_TOKEN: 'tok',
        INKFLOW_BITRIX24_FIELDS: '{"TITLE":"x"}',
      }),
      refusal({
        INKFLOW_BITRIX24_WEBHOOK_URL: url,
        INKFLOW_BITRIX24_APP_TOKEN: 'tok',
        INKFLOW_BITRIX24_TIMEOUT_MS: '0',
      }),
    ];
    expect(messages.map((message) => message.split(' ')[0])).toEqual([
      'INKFLOW_BITRIX24_WEBHOOK_URL',
      'INKFLOW_BITRIX24_APP_TOKEN',
      'INKFLOW_BITRIX24_WEBHOOK_URL',
      'INKFLOW_BITRIX24_WEBHOOK_URL',
      'INKFLOW_BITRIX24_PIPELINES',
      'INKFLOW_BITRIX24_PIPELINES',
      'INKFLOW_BITRIX24_PIPELINES',
      'INKFLOW_BITRIX24_FIELDS',
      'INKFLOW_BITRIX24_TIMEOUT_MS',
    ]);
    expect(messages[6]).toContain('categories 0 and 2');
    for (const message of messages) expect(message).not.toContain('s3cr3tc0de');
  });
});
