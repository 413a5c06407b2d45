// The Bitrix24 connector's settings from the environment (listed in the README's configuration
// table). The webhook URL carries the portal's secret in its path: no message here repeats it.
import { type Bitrix24FieldMap, type Bitrix24PipelineMap, checkAgainst } from '../../../schemas/index.ts';

export interface Bitrix24Config {
  /** The portal's inbound webhook, e.g. https://portal.bitrix24.com/rest/1/abc123/ (ends with /). */
  webhookUrl: string;
  /** The outbound webhook's application token: every event the portal posts carries it. */
  applicationToken: string;
  /** Bitrix24 CATEGORY_ID → inkflow pipeline (and stage names); see bitrix24.schema.json. */
  pipelines: Bitrix24PipelineMap;
  /** UF_CRM_… → deal field name. */
  fields: Bitrix24FieldMap;
  /** Per REST call, connection to last byte. */
  timeoutMs: number;
}

export const defaultPipelines: Bitrix24PipelineMap = { '0': { pipelineId: 'sales' } };

type Fail = (message: string) => never;

function webhookUrl(raw: string, fail: Fail): string {
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  if ((url?.protocol !== 'https:' && url?.protocol !== 'http:') || !url.pathname.startsWith('/rest/'))
    fail(
      "INKFLOW_BITRIX24_WEBHOOK_URL must be the portal's inbound webhook, like https://portal.bitrix24.com/rest/1/abc123/",
    );
  if (url.search || url.hash || url.username || url.password)
    fail(
      'INKFLOW_BITRIX24_WEBHOOK_URL must have no query, fragment or user: only https://<portal>/rest/<user>/<code>/',
    );
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}/`;
}

function jsonSetting<T>(name: string, raw: string | undefined, fallback: T, definition: string, fail: Fail): T {
  if (raw === undefined || raw.trim() === '') return fallback;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    return fail(`${name} is not valid JSON: ${(error as Error).message}`);
  }
  const result = checkAgainst<T>(`bitrix24.schema.json#/definitions/${definition}`, value);
  if (!result.ok) {
    const first = result.violations[0];
    return fail(`${name} does not match its shape (see the README): ${first?.pointer} ${first?.message}`);
  }
  return result.value;
}

function checkPipelinesDistinct(pipelines: Bitrix24PipelineMap, fail: Fail): void {
  const seen = new Map<string, string>();
  for (const [category, entry] of Object.entries(pipelines)) {
    if (!entry) continue;
    const other = seen.get(entry.pipelineId);
    // Moving a deal names an inkflow pipeline: it must lead back to one category.
    if (other !== undefined)
      fail(`INKFLOW_BITRIX24_PIPELINES maps categories ${other} and ${category} to one pipeline "${entry.pipelineId}"`);
    seen.set(entry.pipelineId, category);
  }
}

/** undefined when neither the webhook URL nor the token is set (no Bitrix24 portal). */
export function readBitrix24Config(env: NodeJS.ProcessEnv, fail: Fail): Bitrix24Config | undefined {
  const url = env.INKFLOW_BITRIX24_WEBHOOK_URL || undefined;
  const token = env.INKFLOW_BITRIX24_APP_TOKEN || undefined;
  if (url === undefined && token === undefined) return undefined;
  if (url === undefined) fail('INKFLOW_BITRIX24_APP_TOKEN is set: set INKFLOW_BITRIX24_WEBHOOK_URL too');
  if (token === undefined) fail('INKFLOW_BITRIX24_WEBHOOK_URL is set: set INKFLOW_BITRIX24_APP_TOKEN too');
  if (token.length > 200) fail('INKFLOW_BITRIX24_APP_TOKEN is longer than 200 characters');
  const pipelines = jsonSetting(
    'INKFLOW_BITRIX24_PIPELINES',
    env.INKFLOW_BITRIX24_PIPELINES,
    defaultPipelines,
    'bitrix24PipelineMap',
    fail,
  );
  checkPipelinesDistinct(pipelines, fail);
  const fields = jsonSetting<Bitrix24FieldMap>(
    'INKFLOW_BITRIX24_FIELDS',
    env.INKFLOW_BITRIX24_FIELDS,
    {},
    'bitrix24FieldMap',
    fail,
  );
  const rawTimeout = env.INKFLOW_BITRIX24_TIMEOUT_MS;
  const timeoutMs = rawTimeout ? Number.parseInt(rawTimeout, 10) : 10_000;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > 120_000)
    fail(`INKFLOW_BITRIX24_TIMEOUT_MS must be 1 to 120000 ms, got "${rawTimeout}"`);
  return { webhookUrl: webhookUrl(url, fail), applicationToken: token, pipelines, fields, timeoutMs };
}
