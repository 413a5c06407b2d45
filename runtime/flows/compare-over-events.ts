// The backtest's loop: both evaluators over the same events, counting fired rules per side and
// keeping the first changed events. Runs in chunks that yield to the event loop, so 10,000 events
// do not hold other requests for the whole comparison.
import type { Evaluator } from '../../engine/evaluate/create-evaluator.ts';
import type { ActionPlan, BacktestDifference, BacktestRuleCount, DealEvent } from '../../schemas/index.ts';
import { planDifferences } from './compare-plans.ts';

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

export const defaultChunk = 1_000;

export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function countRule(counts: Map<string, BacktestRuleCount>, ruleName: string, side: 'draftFired' | 'activeFired') {
  let entry = counts.get(ruleName);
  if (!entry) {
    entry = { ruleName, draftFired: 0, activeFired: 0 };
    counts.set(ruleName, entry);
  }
  entry[side] += 1;
}

/** The rules that fired (see firedRuleNames), counted without building the list of names. */
function count(counts: Map<string, BacktestRuleCount>, plan: ActionPlan, side: 'draftFired' | 'activeFired') {
  for (const action of plan.actions) countRule(counts, action.ruleName, side);
  for (const rule of plan.suppressed) countRule(counts, rule.ruleName, side);
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

/** Both evaluators over one event at a time: the loop of the backtest, whatever feeds it events. */
export class EventComparison {
  private readonly counts = new Map<string, BacktestRuleCount>();
  private readonly differences: BacktestDifference[] = [];
  private eventsChanged = 0;
  eventsCompared = 0;

  constructor(
    private readonly draft: Evaluator,
    private readonly active: Evaluator,
    private readonly keep: number,
  ) {}

  add(event: DealEvent): void {
    this.eventsCompared += 1;
    const draftPlan = this.draft.evaluate(event);
    const activePlan = this.active.evaluate(event);
    count(this.counts, draftPlan, 'draftFired');
    count(this.counts, activePlan, 'activeFired');
    const kinds = planDifferences(draftPlan, activePlan);
    if (kinds.length === 0) return;
    this.eventsChanged += 1;
    if (this.differences.length < this.keep) this.differences.push(difference(event, kinds, draftPlan, activePlan));
  }

  result(): Comparison {
    const perRule = [...this.counts.values()].sort((a, b) => a.ruleName.localeCompare(b.ruleName));
    return { eventsChanged: this.eventsChanged, perRule, differences: this.differences };
  }
}

export async function compareOverEvents(
  draft: Evaluator,
  active: Evaluator,
  events: readonly DealEvent[],
  options: CompareOptions,
): Promise<Comparison> {
  const chunk = options.chunk ?? defaultChunk;
  const comparison = new EventComparison(draft, active, options.keep);
  for (let at = 0; at < events.length; at++) {
    if (at > 0 && at % chunk === 0) await yieldToEventLoop();
    comparison.add(events[at] as DealEvent);
  }
  return comparison.result();
}
