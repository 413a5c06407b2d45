// npm run bench:backtest — stored events compared per second by the backtest (draft and active
// version both evaluated and their plans compared), beside two baselines over the same events:
// evaluating one version only with our evaluator, and json-rules-engine evaluating both versions.
// Workload: one pipeline of the engine bench (10 stages, 100 rules per version, ~8 comparisons per
// rule), a draft with other conditions, 100,000 events; and the whole endpoint use case
// (validate + compile the draft, read 10,000 stored events from SQLite, compare) once more.
// Reading stored events is measured both ways: the backtest's path (compareStoredEvents: pages of
// 2,500 on a row-value cursor, each payload parsed just before it is compared) and, as the
// baseline, the previous path (pages of 1,000 on an OR cursor, every event parsed, then compared).
import { createHash } from 'node:crypto';
import { Engine, type RuleProperties } from 'json-rules-engine';
import { compileFlow, serializeRuleSet } from '../../engine/compile/compile-flow.ts';
import { createEvaluator, type Evaluator } from '../../engine/evaluate/create-evaluator.ts';
import { toFacts } from '../../engine/facts/to-facts.ts';
import { backtestFlow } from '../../runtime/flows/backtest-flow.ts';
import { compareOverEvents } from '../../runtime/flows/compare-over-events.ts';
import { compareStoredEvents } from '../../runtime/flows/compare-stored-events.ts';
import type { DealEvent, Flow, RuleSet } from '../../schemas/index.ts';
import { benchEvents, benchFlows } from '../support/bench-workload.ts';
import { createTestServices, type TestDialect } from '../support/test-services.ts';
import { previousLoad } from './previous-backtest-load.ts';

const target = 100_000;
const rulesOverAllPipelines = 5_000; // 100 per pipeline
/** The bench flow of pipeline p0, with distinct priorities: publishable, without RULE_CONFLICT. */
function publishable(seed: number): Flow {
  const flow = benchFlows(rulesOverAllPipelines, seed)[0] as Flow;
  let priority = 0;
  for (const node of flow.nodes) if (node.type === 'sendDocument') node.data.priority = ++priority;
  return flow;
}
const active = publishable(1);
const draft = publishable(3);
const events = benchEvents(100_000).map((event) => ({ ...event, pipelineId: active.pipeline.id }));

interface Rate {
  wall: number;
  cpu: number;
}

async function rateOf(count: number, work: () => Promise<unknown> | unknown, rounds = 3): Promise<Rate> {
  let best: Rate = { wall: 0, cpu: 0 };
  for (let round = 0; round < rounds; round++) {
    const wallStart = performance.now();
    const cpuStart = process.cpuUsage();
    await work();
    const cpu = process.cpuUsage(cpuStart);
    const wallMs = performance.now() - wallStart;
    const cpuMs = (cpu.user + cpu.system) / 1000;
    best = { wall: Math.max(best.wall, (count / wallMs) * 1000), cpu: Math.max(best.cpu, (count / cpuMs) * 1000) };
  }
  return best;
}

function referenceEngines(ruleSet: RuleSet): Map<string, Engine> {
  const byName = new Map(ruleSet.rules.map((rule) => [rule.name, rule]));
  const engines = new Map<string, Engine>();
  for (const [bucket, names] of Object.entries(ruleSet.index)) {
    const rules = (names ?? []).map((name) => structuredClone(byName.get(name)) as unknown as RuleProperties);
    engines.set(bucket, new Engine(rules, { allowUndefinedFacts: true }));
  }
  return engines;
}

async function referenceFired(engines: Map<string, Engine>, ruleSet: RuleSet, event: DealEvent): Promise<string> {
  const engine = engines.get(`${event.pipelineId}/${event.type}/${event.deal.stageId}`);
  if (!engine) return '';
  const { results } = await engine.run(toFacts(event, ruleSet.facts));
  return results.map((result) => String(result.name)).join();
}

async function storeWorkload(services: Awaited<ReturnType<typeof createTestServices>>, stored: readonly DealEvent[]) {
  const { db } = services.database;
  const at = new Date().toISOString();
  const templateIds = new Set(
    [...active.nodes, ...draft.nodes].flatMap((node) => (node.type === 'sendDocument' ? [node.data.templateId] : [])),
  );
  const content = new Uint8Array([80, 75]);
  const sha256 = createHash('sha256').update(content).digest('hex');
  for (const id of templateIds) {
    await db
      .insertInto('templates')
      .values({
        id,
        document_type: 'contract',
        name: id,
        file_name: `${id}.docx`,
        content,
        size: 2,
        sha256,
        placeholders: '[]',
        created_at: at,
      })
      .execute();
  }
  await db
    .insertInto('employees')
    .values({ id: 'director', name: 'D', email: 'd@example.com', role: 'Director' })
    .execute();
  const pipeline = active.pipeline;
  await db
    .insertInto('pipelines')
    .values({ id: pipeline.id, name: pipeline.name, document: JSON.stringify(pipeline), updated_at: at })
    .execute();
  await db
    .insertInto('flows')
    .values({
      id: active.id,
      pipeline_id: pipeline.id,
      name: active.name,
      draft: JSON.stringify(draft),
      draft_updated_at: at,
      active_version: 1,
      created_at: at,
    })
    .execute();
  await db
    .insertInto('flow_versions')
    .values({
      flow_id: active.id,
      version: 1,
      document: JSON.stringify(active),
      rule_set: serializeRuleSet(compileFlow(active)),
      published_at: at,
    })
    .execute();
  for (let start = 0; start < stored.length; start += 500) {
    const batch = stored.slice(start, start + 500);
    await db
      .insertInto('runs')
      .values(
        batch.map((event, at2) => ({
          id: `run-${String(start + at2).padStart(6, '0')}`,
          event_id: event.eventId,
          pipeline_id: event.pipelineId,
          deal_id: event.deal.id,
          status: 'completed' as const,
          plan: null,
          warnings: '[]',
          errors: '[]',
          created_at: at,
          updated_at: at,
        })),
      )
      .execute();
    await db
      .insertInto('events')
      .values(
        batch.map((event, at2) => ({
          event_id: event.eventId,
          run_id: `run-${String(start + at2).padStart(6, '0')}`,
          payload: JSON.stringify(event),
          received_at: at,
        })),
      )
      .execute();
  }
}

/** The previous and the new stored path over the same store, in alternating rounds (the machine is noisy). */
async function storedRates(
  stored: readonly DealEvent[],
  draftEvaluator: Evaluator,
  activeEvaluator: Evaluator,
  dialect: TestDialect,
): Promise<{ before: Rate; after: Rate }> {
  const services = await createTestServices({ dialect });
  try {
    await storeWorkload(services, stored);
    const options = { pipelineId: active.pipeline.id, limit: stored.length, keep: 200 };
    const previous = async () =>
      compareOverEvents(
        draftEvaluator,
        activeEvaluator,
        await previousLoad(services, options.pipelineId, options.limit),
        {
          keep: 200,
        },
      );
    const current = () => compareStoredEvents(services, draftEvaluator, activeEvaluator, options);
    // Same answer both ways (the figures would be meaningless otherwise).
    const { eventsCompared: _count, sizeLimited: _limited, ...answer } = await current();
    if (JSON.stringify(answer) !== JSON.stringify(await previous()))
      throw new Error(`the two paths disagree on ${dialect}`);
    let before: Rate = { wall: 0, cpu: 0 };
    let after: Rate = { wall: 0, cpu: 0 };
    const best = (a: Rate, b: Rate) => ({ wall: Math.max(a.wall, b.wall), cpu: Math.max(a.cpu, b.cpu) });
    for (let round = 0; round < 4; round++) {
      before = best(before, await rateOf(stored.length, previous, 1));
      after = best(after, await rateOf(stored.length, current, 1));
    }
    return { before, after };
  } finally {
    await services.dispose();
  }
}

const format = (value: number) => Math.round(value).toLocaleString('en-US').padStart(11);

async function main() {
  const activeRules = compileFlow(active);
  const draftRules = compileFlow(draft);
  const activeEvaluator = createEvaluator(activeRules);
  const draftEvaluator = createEvaluator(draftRules);

  const compared = await compareOverEvents(draftEvaluator, activeEvaluator, events, { keep: 200 });
  const both = await rateOf(events.length, () =>
    compareOverEvents(draftEvaluator, activeEvaluator, events, { keep: 200 }),
  );
  let sink = 0;
  const one = await rateOf(events.length, () => {
    for (const event of events) sink += activeEvaluator.evaluate(event).actions.length;
  });

  const sample = events.slice(0, 3_000);
  const activeEngines = referenceEngines(activeRules);
  const draftEngines = referenceEngines(draftRules);
  const reference = await rateOf(
    sample.length,
    async () => {
      for (const event of sample) {
        const before = await referenceFired(activeEngines, activeRules, event);
        const after = await referenceFired(draftEngines, draftRules, event);
        if (before !== after) sink++;
      }
    },
    2,
  );

  const stored = events.slice(0, 10_000);
  const sqlite = await storedRates(stored, draftEvaluator, activeEvaluator, 'sqlite');
  const fromStore = sqlite.after;
  const fromStoreBefore = sqlite.before;
  let postgres: Awaited<ReturnType<typeof storedRates>> | string;
  try {
    postgres = await storedRates(stored, draftEvaluator, activeEvaluator, 'postgres');
  } catch (error) {
    postgres = `PostgreSQL not measured: ${(error as Error).message}`;
  }
  const services = await createTestServices();
  await storeWorkload(services, stored);
  let endpoint = { eventsCompared: 0, eventsChanged: 0 };
  let requestMs = Number.POSITIVE_INFINITY;
  const whole = await rateOf(stored.length, async () => {
    const started = performance.now();
    endpoint = await backtestFlow(services, active.id, { limit: 10_000 }, 'admin');
    requestMs = Math.min(requestMs, performance.now() - started);
  });
  await services.dispose();

  const rows = [
    ['backtest compare, both versions (ours)', both],
    ['  baseline: one version only (ours)', one],
    ['  baseline: json-rules-engine, both versions', reference],
    ['read 10,000 stored events from SQLite + parse + compare both', fromStore],
    ['  baseline: the previous path (OR cursor, pages of 1,000, parse all first)', fromStoreBefore],
    ...(typeof postgres === 'string'
      ? []
      : ([
          ['read 10,000 stored events from PostgreSQL + parse + compare both', postgres.after],
          ['  baseline: the previous path on PostgreSQL', postgres.before],
        ] as const)),
    ['whole request: + validate and compile the draft (fixed cost)', whole],
  ] as const;
  process.stdout.write(
    `backtest over ${events.length.toLocaleString('en-US')} events, ${activeRules.rules.length} rules per version, ` +
      `${compared.eventsChanged.toLocaleString('en-US')} changed (sink ${sink % 10})\n\n`,
  );
  process.stdout.write(`${'events compared per second'.padEnd(74)}${'wall'.padStart(11)}${'per CPU-s'.padStart(11)}\n`);
  for (const [label, rate] of rows)
    process.stdout.write(`${label.padEnd(74)}${format(rate.wall)}${format(rate.cpu)}\n`);
  process.stdout.write(
    `\nours vs json-rules-engine (both versions): ${(both.cpu / reference.cpu).toFixed(1)}x per CPU-second; ` +
      `comparing costs ${(one.cpu / both.cpu).toFixed(2)}x one evaluation\n`,
  );
  process.stdout.write(
    `stored events from SQLite: ${(fromStore.cpu / fromStoreBefore.cpu).toFixed(2)}x the previous path per CPU-second ` +
      `(${format(fromStore.cpu).trim()} vs ${format(fromStoreBefore.cpu).trim()}); same answer\n`,
  );
  process.stdout.write(
    typeof postgres === 'string'
      ? `${postgres}\n`
      : `stored events from PostgreSQL: ${(postgres.after.wall / postgres.before.wall).toFixed(2)}x the previous path ` +
          `in wall time (the server's own CPU is not in this process's CPU-seconds); same answer\n`,
  );
  process.stdout.write(
    `whole request (POST /flows/:id/backtest, limit 10,000): ${Math.round(requestMs)} ms wall, ` +
      `${endpoint.eventsCompared.toLocaleString('en-US')} compared, ${endpoint.eventsChanged.toLocaleString('en-US')} changed\n`,
  );
  const verdict = (rate: Rate) => (rate.cpu >= target ? 'met' : 'NOT met');
  process.stdout.write(
    `target >= ${target.toLocaleString('en-US')} events compared/s, both versions (per CPU-second): ` +
      `${verdict(both)} for the comparison; ${verdict(fromStore)} with reading and parsing them from SQLite\n`,
  );
}

await main();
