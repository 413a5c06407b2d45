// The rule set of a pipeline's active flow version, for evaluating events. Published versions never
// change, so parsed rule sets are cached by flowId@version and the flow's creation time (a flow
// deleted and made again under its id numbers its versions from 1 again), per database.
import { checkRuleSet, type RuleSet } from '../../schemas/index.ts';
import type { RuntimeServices } from '../services.ts';
import type { Database } from '../storage/open-database.ts';

export interface ActiveRuleSet {
  flowId: string;
  version: number;
  ruleSet: RuleSet;
}

const maxEntries = 256;
const caches = new WeakMap<Database, Map<string, RuleSet>>();

function cacheOf(database: Database): Map<string, RuleSet> {
  let cache = caches.get(database);
  if (!cache) {
    cache = new Map();
    caches.set(database, cache);
  }
  return cache;
}

/** A published version's stored rule set, checked against its schema as evaluation reads it. */
export async function readRuleSet(database: Database, flowId: string, version: number): Promise<RuleSet> {
  const row = await database.db
    .selectFrom('flow_versions')
    .select('rule_set')
    .where('flow_id', '=', flowId)
    .where('version', '=', version)
    .executeTakeFirstOrThrow();
  const checked = checkRuleSet(JSON.parse(row.rule_set));
  if (!checked.ok) {
    const first = checked.violations[0];
    throw new Error(`stored rule set of ${flowId}@${version} is invalid: ${first?.pointer} ${first?.message}`);
  }
  return checked.value;
}

export async function loadActiveRuleSet(
  services: Pick<RuntimeServices, 'database'>,
  pipelineId: string,
): Promise<ActiveRuleSet | undefined> {
  const { database } = services;
  const flow = await database.db
    .selectFrom('flows')
    .select(['id', 'active_version', 'created_at'])
    .where('pipeline_id', '=', pipelineId)
    .executeTakeFirst();
  if (!flow || flow.active_version === null) return undefined;
  const cache = cacheOf(database);
  const key = `${flow.id}@${flow.active_version}@${flow.created_at}`;
  let ruleSet = cache.get(key);
  if (!ruleSet) {
    ruleSet = await readRuleSet(database, flow.id, flow.active_version);
    if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
    cache.set(key, ruleSet);
  }
  return { flowId: flow.id, version: flow.active_version, ruleSet };
}
