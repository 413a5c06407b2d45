// The validator's claims, checked against json-rules-engine on random flows and events: an action
// reported never to run never fires, a condition reported never true never holds, and two senders
// of one document type that were not reported as overlapping never both fire for one event.
import fc from 'fast-check';
import { Engine, type RuleProperties } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import type { Condition, ConditionGroup, DealEvent, Diagnostic, Flow } from '../../schemas/index.ts';
import { dealEventArbitrary } from '../../test/support/deal-event-arbitraries.ts';
import { exampleEvent } from '../../test/support/examples.ts';
import { flowArbitrary } from '../../test/support/flow-arbitraries.ts';
import { referenceFiredRules } from '../../test/support/reference-engine.ts';
import { collectFacts, compileGroup } from '../compile/compile-condition.ts';
import { compileFlow, ruleName } from '../compile/compile-flow.ts';
import { toFacts } from '../facts/to-facts.ts';
import { condition, edge, sendDocument, stageTrigger, testFlow } from './test-flow.ts';
import { validateFlow } from './validate-flow.ts';

async function holds(group: ConditionGroup, event: DealEvent): Promise<boolean> {
  const compiled = compileGroup(group);
  const facts = new Set<string>();
  collectFacts(compiled, facts);
  const rule = { conditions: compiled, event: { type: 'holds' } } as unknown as RuleProperties;
  const engine = new Engine([rule], { allowUndefinedFacts: true });
  const { results } = await engine.run(toFacts(event, [...facts]));
  return results.length > 0;
}

/** Pairs of action nodes the validator says may both match: `a|b` with a < b. */
function overlappingPairs(diagnostics: readonly Diagnostic[]): Set<string> {
  const pairs = new Set<string>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.code !== 'RULE_CONFLICT' && diagnostic.code !== 'RULE_OVERLAP') continue;
    for (const other of diagnostic.relatedNodeIds ?? []) pairs.add([diagnostic.nodeId, other].sort().join('|'));
  }
  return pairs;
}

// Ladders: a contract trigger, three condition nodes (c0 splits into c1 and c2, c1 may also feed
// c2) and four contract senders, each condition a small group over amount and region.
const amountTest = fc.record({
  fact: fc.constant('amount'),
  operator: fc.constantFrom(
    'greaterThan',
    'lessThanInclusive',
    'greaterThanInclusive',
    'lessThan',
    'equal',
    'notEqual',
  ),
  value: fc.constantFrom(0, 100, 500, 1000),
});
const regionTest = fc.oneof(
  fc.record({
    fact: fc.constant('fields.region'),
    operator: fc.constantFrom('equal', 'notEqual'),
    value: fc.constantFrom('EU', 'UK'),
  }),
  fc.record({
    fact: fc.constant('fields.region'),
    operator: fc.constantFrom('in', 'notIn'),
    value: fc.constantFrom<string[]>(['EU', 'UK'], ['US'], []),
  }),
);
const member: fc.Arbitrary<Condition> = fc.oneof(amountTest, amountTest, regionTest, fc.record({ not: amountTest }));
const group: fc.Arbitrary<ConditionGroup> = fc.oneof(
  fc.array(member, { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
  fc.array(member, { minLength: 1, maxLength: 2 }).map((any) => ({ any })),
);
const ladderArbitrary: fc.Arbitrary<Flow> = fc
  .record({
    groups: fc.tuple(group, group, group),
    priorities: fc.array(fc.constantFrom(1, 2), { minLength: 4, maxLength: 4 }),
    diamond: fc.boolean(),
  })
  .map(({ groups, priorities, diamond }) =>
    testFlow(
      [
        stageTrigger('start', 'contract'),
        ...groups.map((conditions, index) => condition(`c${index}`, conditions)),
        ...priorities.map((priority, index) => sendDocument(`a${index}`, { priority })),
      ],
      [
        edge('start', 'c0'),
        edge('c0', 'c1', 'true'),
        edge('c0', 'c2', 'false'),
        edge('c1', 'a0', 'true'),
        edge('c1', diamond ? 'c2' : 'a1', 'false'),
        edge('c2', 'a2', 'true'),
        edge('c2', 'a3', 'false'),
      ],
    ),
  );
const contractEventArbitrary: fc.Arbitrary<DealEvent> = fc
  .record({
    amount: fc.constantFrom<unknown>(-1, 0, 50, 100, 101, 500, 999.5, 1000, 2000, '500', null),
    region: fc.constantFrom<unknown>('EU', 'UK', 'US', null),
  })
  .map(({ amount, region }) => {
    const base = exampleEvent('contract');
    return { ...base, deal: { ...base.deal, amount, fields: { region } } } as unknown as DealEvent;
  });

const tally = { deadRules: 0, deadConditions: 0, coFiringPairs: 0 };
const resetTally = (): void => {
  Object.assign(tally, { deadRules: 0, deadConditions: 0, coFiringPairs: 0 });
};

async function checkClaims(flow: Flow, events: readonly DealEvent[]): Promise<void> {
  const { diagnostics } = validateFlow(flow);
  const ruleSet = compileFlow(flow);
  const dead = diagnostics
    .filter((diagnostic) => diagnostic.code === 'PATH_NEVER_TRUE')
    .map((diagnostic) => ruleName(flow.id, diagnostic.relatedNodeIds?.[0] ?? '', diagnostic.nodeId ?? ''));
  const neverTrue = diagnostics.filter((diagnostic) => diagnostic.code === 'CONDITION_NEVER_TRUE');
  const overlapping = overlappingPairs(diagnostics);
  tally.deadRules += dead.length;
  tally.deadConditions += neverTrue.length;
  for (const event of events) {
    const fired = await referenceFiredRules(ruleSet, event);
    for (const name of dead) expect(fired).not.toContain(name);
    for (const diagnostic of neverTrue) {
      const node = flow.nodes.find((candidate) => candidate.id === diagnostic.nodeId);
      if (node?.type === 'condition') expect(await holds(node.data.conditions, event)).toBe(false);
    }
    const senders = ruleSet.rules.filter((rule) => fired.includes(rule.name) && rule.event.type === 'sendDocument');
    for (const [index, a] of senders.entries()) {
      for (const b of senders.slice(index + 1)) {
        const [pa, pb] = [a.event.params, b.event.params];
        const sameSlot =
          pa.bucket === pb.bucket &&
          'documentType' in pa.action &&
          'documentType' in pb.action &&
          pa.action.documentType === pb.action.documentType;
        if (!sameSlot || pa.actionNodeId === pb.actionNodeId) continue;
        tally.coFiringPairs++;
        expect(overlapping).toContain([pa.actionNodeId, pb.actionNodeId].sort().join('|'));
      }
    }
  }
}

describe('validation claims hold under json-rules-engine', () => {
  it('on random flows and events aimed at their triggers', async () => {
    resetTally();
    const scenario = flowArbitrary('random-flow').chain((flow) =>
      fc.tuple(fc.constant(flow), fc.array(dealEventArbitrary([flow]), { minLength: 25, maxLength: 25 })),
    );
    await fc.assert(
      fc.asyncProperty(scenario, ([flow, events]) => checkClaims(flow, events)),
      { numRuns: 120 },
    );
    // The property is only worth something if the claims came up.
    expect(tally.coFiringPairs).toBeGreaterThan(20);
  });

  it('on ladders of amount and region checks, where contradictions are common', async () => {
    resetTally();
    await fc.assert(
      fc.asyncProperty(
        ladderArbitrary,
        fc.array(contractEventArbitrary, { minLength: 15, maxLength: 15 }),
        checkClaims,
      ),
      { numRuns: 250 },
    );
    expect(tally.deadRules).toBeGreaterThan(50);
    expect(tally.deadConditions).toBeGreaterThan(20);
  });
});
