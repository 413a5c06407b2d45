// npm run bench:engine — events/s of the fast evaluator (with and without trace) against
// json-rules-engine (one Engine with every rule; one Engine per bucket), side by side in one
// process, at 100, 1,000 and 10,000 rules. Prints a table and whether the targets are met.
import { loadavg } from 'node:os';
import { Engine, type RuleProperties } from 'json-rules-engine';
import { compileFlows } from '../../engine/compile/compile-flow.ts';
import { bucketOf, createEvaluator, type Evaluator } from '../../engine/evaluate/create-evaluator.ts';
import { toFacts } from '../../engine/facts/to-facts.ts';
import type { DealEvent, RuleSet } from '../../schemas/index.ts';
import { benchEvents, benchFlows } from '../support/bench-workload.ts';
import { benchLargeFlows } from './large-flows.bench.ts';

// BENCH_SIZES=10000 measures one size only (e.g. while tuning).
const sizes = (process.env.BENCH_SIZES ?? '100,1000,10000').split(',').map(Number);
// Every cell: a warm-up, then rounds within a fixed budget, and the best round. Rates are given
// per CPU-second of this process and per wall-clock second: the machine is shared, and while other
// processes run, the wall-clock rate measures them as much as the code.
const budgetMs = { ours: 1_500, reference: 2_000, warmUp: 300, rounds: 5 };
const targets = { eventsPerSecond: 200_000, tracedPerSecond: 20_000, compileMs: 1_000, atRules: 10_000 };
const events = benchEvents(4_000);

const elapsedMs = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;

interface Duration {
  /** CPU milliseconds of this process. */
  cpu: number;
  /** Wall-clock milliseconds. */
  wall: number;
}

/** The fastest of three runs of `work` (by each clock), and its result. */
function timed<T>(work: () => T): { value: T; ms: Duration } {
  let value: T | undefined;
  const ms: Duration = { cpu: Number.POSITIVE_INFINITY, wall: Number.POSITIVE_INFINITY };
  for (let run = 0; run < 3; run++) {
    const wallStart = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    value = work();
    const cpu = process.cpuUsage(cpuStart);
    ms.cpu = Math.min(ms.cpu, (cpu.user + cpu.system) / 1000);
    ms.wall = Math.min(ms.wall, elapsedMs(wallStart));
  }
  return { value: value as T, ms };
}

interface Rate {
  /** Events per CPU-second of this process. */
  cpu: number;
  /** Events per wall-clock second. */
  wall: number;
}

class Round {
  private readonly wallStart = process.hrtime.bigint();
  private readonly cpuStart = process.cpuUsage();
  count = 0;
  elapsedMs = (): number => elapsedMs(this.wallStart);
  rate(): Rate {
    const cpu = process.cpuUsage(this.cpuStart);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    return { cpu: (this.count / cpuMs) * 1000, wall: (this.count / this.elapsedMs()) * 1000 };
  }
}

const best = (rates: Rate[]): Rate => ({
  cpu: Math.max(...rates.map((rate) => rate.cpu)),
  wall: Math.max(...rates.map((rate) => rate.wall)),
});

let sink = 0;
let next = 0;
const nextEvent = (): DealEvent => events[next++ % events.length] as DealEvent;

/** Rate of a synchronous evaluation over the pool: best round after a warm-up. */
function rateOf(evaluate: (event: DealEvent) => number, budget: number): Rate {
  const round = (ms: number): Rate => {
    const current = new Round();
    while (current.elapsedMs() < ms) {
      for (let at = 0; at < 256; at++) sink += evaluate(nextEvent());
      current.count += 256;
    }
    return current.rate();
  };
  round(budgetMs.warmUp);
  return best(Array.from({ length: budgetMs.rounds }, () => round(budget / budgetMs.rounds)));
}

/** Same for json-rules-engine, one awaited run at a time (concurrent runs share engine.status). */
async function referenceRateOf(run: (event: DealEvent) => Promise<number>, budget: number): Promise<Rate> {
  for (let at = 0; at < 5; at++) sink += await run(nextEvent());
  const rates: Rate[] = [];
  for (let round = 0; round < budgetMs.rounds; round++) {
    const current = new Round();
    // At least one event per round: json-rules-engine with 10,000 rules in one Engine is that slow.
    do {
      sink += await run(nextEvent());
      current.count++;
    } while (current.elapsedMs() < budget / budgetMs.rounds);
    rates.push(current.rate());
  }
  return best(rates);
}

const engineOf = (ruleSet: RuleSet, rules = ruleSet.rules) =>
  new Engine(structuredClone(rules) as unknown as RuleProperties[], { allowUndefinedFacts: true });

function perBucketEngines(ruleSet: RuleSet): Map<string, Engine> {
  const byName = new Map(ruleSet.rules.map((rule) => [rule.name, rule]));
  const engines = new Map<string, Engine>();
  for (const [bucket, names] of Object.entries(ruleSet.index)) {
    engines.set(
      bucket,
      engineOf(
        ruleSet,
        (names ?? []).map((name) => byName.get(name)!),
      ),
    );
  }
  return engines;
}

async function firedByEngine(engine: Engine | undefined, ruleSet: RuleSet, event: DealEvent): Promise<string[]> {
  if (!engine) return [];
  const { results } = await engine.run(toFacts(event, ruleSet.facts));
  return results.map((result) => String(result.name)).sort();
}

/** The benchmark compares equal work only if both fire the same rules: checked on a sample. */
async function checkAgreement(evaluator: Evaluator, engines: Map<string, Engine>, ruleSet: RuleSet): Promise<void> {
  for (const event of events.slice(0, 300)) {
    const plan = evaluator.evaluate(event);
    const ours = [...plan.actions, ...plan.suppressed].map((entry) => entry.ruleName).sort();
    const reference = await firedByEngine(engines.get(bucketOf(event)), ruleSet, event);
    if (ours.join() !== reference.join()) throw new Error(`disagreement on ${event.eventId}: ${ours} vs ${reference}`);
  }
}

interface Row {
  rules: number;
  compileMs: Duration;
  buildMs: Duration;
  ours: Rate;
  traced: Rate;
  naive: Rate;
  perBucket: Rate;
  firedPerEvent: number;
}

async function measure(ruleCount: number): Promise<Row> {
  const flows = benchFlows(ruleCount);
  const compiled = timed(() => compileFlows(flows));
  const ruleSet = compiled.value;
  const built = timed(() => createEvaluator(ruleSet));
  const evaluator = built.value;
  const engines = perBucketEngines(ruleSet);
  await checkAgreement(evaluator, engines, ruleSet);
  const firedPerEvent =
    events.reduce((sum, event) => sum + evaluator.evaluate(event).actions.length, 0) / events.length;
  const ours = rateOf((event) => evaluator.evaluate(event).actions.length, budgetMs.ours);
  const traced = rateOf((event) => evaluator.evaluate(event, { trace: true }).actions.length, budgetMs.ours);
  const naiveEngine = engineOf(ruleSet);
  const naive = await referenceRateOf(
    async (event) => (await firedByEngine(naiveEngine, ruleSet, event)).length,
    budgetMs.reference,
  );
  const perBucket = await referenceRateOf(
    async (event) => (await firedByEngine(engines.get(bucketOf(event)), ruleSet, event)).length,
    budgetMs.reference,
  );
  return { rules: ruleCount, compileMs: compiled.ms, buildMs: built.ms, ours, traced, naive, perBucket, firedPerEvent };
}

const number = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const rate = (value: number) => number(value, value < 10 ? 1 : 0);

function printTable(title: string, rows: Row[], clock: keyof Rate & keyof Duration): void {
  const header = ['rules', 'compile ms', 'build ms', 'ours ev/s', 'ours+trace', 'jre naive', 'jre per-bucket'];
  header.push('ours/per-bucket', 'ours/naive', 'actions/event');
  const lines = rows.map((row) => [
    number(row.rules),
    number(row.compileMs[clock], 1),
    number(row.buildMs[clock], 1),
    rate(row.ours[clock]),
    rate(row.traced[clock]),
    rate(row.naive[clock]),
    rate(row.perBucket[clock]),
    `${number(row.ours[clock] / row.perBucket[clock], 1)}×`,
    `${number(row.ours[clock] / row.naive[clock])}×`,
    number(row.firedPerEvent, 2),
  ]);
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...lines.map((line) => (line[column] as string).length)),
  );
  const format = (cells: string[]) => cells.map((cell, column) => cell.padStart(widths[column] as number)).join(' | ');
  console.log(`\n${title}`);
  console.log(format(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('-|-'));
  for (const line of lines) console.log(format(line));
}

function printTargets(rows: Row[]): void {
  const row = rows.find((candidate) => candidate.rules === targets.atRules);
  if (!row) return;
  const verdict = (met: boolean) => (met ? 'met' : 'NOT MET');
  const check = (label: string, value: Rate, target: number) =>
    console.log(
      `  ${label} ≥ ${number(target)}/s: ${rate(value.cpu)}/CPU-s (${verdict(value.cpu >= target)}), ` +
        `${rate(value.wall)}/s wall-clock (${verdict(value.wall >= target)})`,
    );
  console.log(`\ntargets at ${number(targets.atRules)} rules:`);
  check('without trace', row.ours, targets.eventsPerSecond);
  check('with trace   ', row.traced, targets.tracedPerSecond);
  const { cpu, wall } = row.compileMs;
  const compiled = `${number(cpu, 1)} CPU-ms (${verdict(cpu < targets.compileMs)}), ${number(wall, 1)} ms wall-clock (${verdict(wall < targets.compileMs)})`;
  console.log(`  compile       < ${number(targets.compileMs)} ms: ${compiled}`);
}

const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');
const rows: Row[] = [];
console.log(`engine bench: ${events.length} events over 50 pipelines × 10 stages; node ${process.version}`);
console.log(`compile = compileFlows, build = createEvaluator; each cell is the best of ${budgetMs.rounds} rounds;`);
console.log(`both engines are first checked to fire the same rules on 300 events. Load average: ${load()}\n`);
for (const size of sizes) rows.push(await measure(size));
printTable('per CPU-second (CPU-ms) of this process', rows, 'cpu');
printTable('per wall-clock second (ms)', rows, 'wall');
printTargets(rows);
benchLargeFlows();
console.log(`\nload average at the end: ${load()}`);
// Printed so that no evaluation can be optimised away as unused.
console.log(`\n(checksum: ${number(sink)} actions and rules fired in all cells)`);
