// The backtest's loop: both evaluators over the same events, counting fired rules per side and
// keeping the first changed events. Runs in chunks that yield to the event loop, so 10,000 events
// do not hold other requests for the whole comparison.
import type { Evaluator } from '../../engine/evaluate/create-evaluator.ts';
import type { BacktestDifference, BacktestRuleCount, DealEvent } from '../../schemas/index.ts';
import { firedRuleNames, planDifferences } from './compare-plans.ts';

export interface Comparison {
  eventsChanged: number;
  perRule: BacktestRuleCount[];
  differences: BacktestDifference[];
}

export interface CompareOptions {
  /** How many changed events to keep in full. */
  keep: number;
  /** Events evaluated between two yields to the event loop. */
  chunk?: number;
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function count(counts: Map<string, BacktestRuleCount>, names: readonly string[], side: 'draftFired' | 'activeFired') {
  for (const ruleName of names) {
    let entry = counts.get(ruleName);
    if (!entry) {
      entry = { ruleName, draftFired: 0, activeFired: 0 };
      counts.set(ruleName, entry);
    }
    entry[side] += 1;
  }
}

function difference(
  event: DealEvent,
  kinds: BacktestDifference['kinds'],
  draft: BacktestDifference['draft'],
  active: BacktestDifference['active'],
): BacktestDifference {
  return {
    eventId: event.eventId,
    dealId: event.deal.id,
    occurredAt: event.occurredAt,
    stageId: event.deal.stageId,
    ...(event.document ? { documentType: event.document.type } : {}),
    kinds,
    draft,
    active,
  };
}

export async function compareOverEvents(
  draft: Evaluator,
  active: Evaluator,
  events: readonly DealEvent[],
  options: CompareOptions,
): Promise<Comparison> {
  const chunk = options.chunk ?? 1_000;
  const counts = new Map<string, BacktestRuleCount>();
  const differences: BacktestDifference[] = [];
  let eventsChanged = 0;
  for (let at = 0; at < events.length; at++) {
    if (at > 0 && at % chunk === 0) await yieldToEventLoop();
    const event = events[at] as DealEvent;
    const draftPlan = draft.evaluate(event);
    const activePlan = active.evaluate(event);
    count(counts, firedRuleNames(draftPlan), 'draftFired');
    count(counts, firedRuleNames(activePlan), 'activeFired');
    const kinds = planDifferences(draftPlan, activePlan);
    if (kinds.length === 0) continue;
    eventsChanged += 1;
    if (differences.length < options.keep) differences.push(difference(event, kinds, draftPlan, activePlan));
  }
  const perRule = [...counts.values()].sort((a, b) => a.ruleName.localeCompare(b.ruleName));
  return { eventsChanged, perRule, differences };
}
