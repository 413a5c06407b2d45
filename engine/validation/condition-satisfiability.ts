// Can a conjunction of json-rules-engine conditions ever be true? The tree is expanded into
// alternatives (disjunctive normal form: `not` pushed down by De Morgan, which is exact because
// every group evaluates to a plain boolean), and an alternative is impossible when the tests on
// one of its facts are (fact-satisfiability). Facts are treated as independent, which only adds
// worlds. Conservative: whatever is too large or not understood counts as possibly true, and so
// does whatever would cost more than its WorkBudget (a 5,000-step path re-checks a growing list of
// tests at every step: cubic without the budget, minutes for one path).
import type { Comparison, Condition } from '../../schemas/index.ts';
import { canFactPassAll, type FactTest } from './fact-satisfiability.ts';

interface Literal {
  comparison: Comparison;
  negated: boolean;
}

type Alternative = readonly Literal[];

// Past this many alternatives the expansion stops and the conjunction counts as satisfiable.
const maxAlternatives = 512;

/** Work units (roughly: test evaluations) a caller lets its checks spend; shared and spent down. */
export interface WorkBudget {
  remaining: number;
}

/** What one findContradiction may spend when the caller gives no budget of its own. */
export const defaultWork = 1_000_000;

/** What the checks of one flow may spend together: about a second; past it, findings are not looked for. */
export const flowWork = 20_000_000;

/** Why a conjunction can never be true: the facts whose tests contradict each other. */
export interface Contradiction {
  facts: string[];
}

class OutOfWork extends Error {}

/**
 * canFactPassAll's verdicts by the identity of the comparisons tested (and their negation): the
 * rule-conflict check of one flow tests the same condition nodes' comparisons thousands of times
 * (500 nodes: 7,000 lists of 1-2 tests, 3/4 of its time). A caller keeps one for one check of one
 * flow, so a comparison edited in place afterwards is never answered from it.
 */
export type FactVerdicts = Map<string, boolean>;

const comparisonIds = new WeakMap<Comparison, number>();
let nextComparisonId = 0;

function comparisonId(comparison: Comparison): number {
  let id = comparisonIds.get(comparison);
  if (id === undefined) {
    id = nextComparisonId++;
    comparisonIds.set(comparison, id);
  }
  return id;
}

class Expansion {
  readonly contradictions = new Set<string>();
  constructor(
    private readonly budget: WorkBudget,
    private readonly verdicts?: FactVerdicts,
  ) {}

  private spend(units: number): void {
    this.budget.remaining -= units;
    if (this.budget.remaining < 0) throw new OutOfWork();
  }

  /**
   * The first fact whose tests in this alternative no value can pass. Only facts that `added`
   * tests (the rest of the alternative was kept already, so its other facts are satisfiable).
   */
  private contradictedFact(alternative: Alternative, added: Alternative): string | undefined {
    const facts = new Set(added.map((literal) => literal.comparison.fact));
    const byFact = new Map<string, { tests: FactTest[]; key: string }>();
    this.spend(alternative.length);
    for (const { comparison, negated } of alternative) {
      if (!facts.has(comparison.fact)) continue;
      const entry = byFact.get(comparison.fact) ?? { tests: [], key: '' };
      entry.tests.push({ operator: comparison.operator, value: comparison.value, negated });
      if (this.verdicts) entry.key += `${negated ? '!' : ''}${comparisonId(comparison)},`;
      byFact.set(comparison.fact, entry);
    }
    for (const [fact, { tests, key }] of byFact) {
      // Every witness (about three per constant) against every test: spent even when the verdict
      // is known, so the budget (and what it cuts short) is the same with or without the cache.
      this.spend(3 * tests.length * tests.length + 1);
      if (!this.passes(tests, key)) return fact;
    }
    return undefined;
  }

  private passes(tests: readonly FactTest[], key: string): boolean {
    if (!this.verdicts) return canFactPassAll(tests);
    let verdict = this.verdicts.get(key);
    if (verdict === undefined) {
      verdict = canFactPassAll(tests);
      this.verdicts.set(key, verdict);
    }
    return verdict;
  }

  /** Keeps an alternative only if it may hold; remembers why when it cannot. */
  keep(alternative: Alternative, added: Alternative = alternative): boolean {
    const fact = this.contradictedFact(alternative, added);
    if (fact !== undefined) this.contradictions.add(fact);
    return fact === undefined;
  }

  /** All alternatives of `left` AND `right`, or undefined when there would be too many. */
  both(left: readonly Alternative[], right: readonly Alternative[]): Alternative[] | undefined {
    const result: Alternative[] = [];
    for (const a of left) {
      for (const b of right) {
        const joined = [...a, ...b];
        if (!this.keep(joined, a.length < b.length ? a : b)) continue;
        if (result.length === maxAlternatives) return undefined;
        result.push(joined);
      }
    }
    return result;
  }

  expandAll(children: readonly Condition[], negated: boolean): Alternative[] | undefined {
    const expandedChildren: Alternative[][] = [];
    for (const child of children) {
      const expanded = this.expand(child, negated);
      if (!expanded) return undefined;
      // One impossible member settles the group before any product is built.
      if (expanded.length === 0) return [];
      expandedChildren.push(expanded);
    }
    let result: Alternative[] | undefined = [[]];
    for (const expanded of expandedChildren) {
      result = this.both(result, expanded);
      if (!result) return undefined;
    }
    return result;
  }

  expandAny(children: readonly Condition[], negated: boolean): Alternative[] | undefined {
    const result: Alternative[] = [];
    for (const child of children) {
      const expanded = this.expand(child, negated);
      if (!expanded || result.length + expanded.length > maxAlternatives) return undefined;
      result.push(...expanded);
    }
    return result;
  }

  /** The alternatives under which `condition` (or its negation) holds. */
  expand(condition: Condition, negated: boolean): Alternative[] | undefined {
    // not(all) = any(not …) and not(any) = all(not …).
    if ('all' in condition) return negated ? this.expandAny(condition.all, true) : this.expandAll(condition.all, false);
    if ('any' in condition) return negated ? this.expandAll(condition.any, true) : this.expandAny(condition.any, false);
    if ('not' in condition) return this.expand(condition.not, !negated);
    const literal: Alternative = [{ comparison: condition, negated }];
    return this.keep(literal) ? [literal] : [];
  }
}

/** A contradiction when the conditions can never all be true together; undefined when they may. */
export function findContradiction(
  conditions: readonly Condition[],
  budget: WorkBudget = { remaining: defaultWork },
  verdicts?: FactVerdicts,
): Contradiction | undefined {
  const expansion = new Expansion(budget, verdicts);
  try {
    const alternatives = expansion.expandAll(conditions, false);
    if (alternatives === undefined || alternatives.length > 0) return undefined;
    return { facts: [...expansion.contradictions] };
  } catch (error) {
    if (error instanceof OutOfWork) return undefined;
    throw error;
  }
}

export function canBeTrue(conditions: readonly Condition[]): boolean {
  return findContradiction(conditions) === undefined;
}
