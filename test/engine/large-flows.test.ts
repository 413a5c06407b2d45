// Flows at the documented limit (5,000 nodes) of each shape that used to crash or stall the engine
// (a 23-node ladder took seconds, 5,000 same-type actions a 465 MB answer, a 5,000-node chain
// "Maximum call stack size exceeded"): validation, compilation and evaluation finish with the right
// findings and without throwing. Their time and memory are measured by `npm run bench:engine`.
import { describe, expect, it } from 'vitest';
import { compileFlow, serializeRuleSet, UncompilableFlowError } from '../../engine/compile/compile-flow.ts';
import { createEvaluator } from '../../engine/evaluate/create-evaluator.ts';
import { exportRows } from '../../engine/export/export-rows.ts';
import { maxConditionDepth } from '../../engine/json/find-deep-nesting.ts';
import { maxConflictFindings } from '../../engine/validation/check-rule-conflicts.ts';
import { hasErrors, validateFlow } from '../../engine/validation/validate-flow.ts';
import { type ConditionGroup, checkRuleSet, type Flow, maxGroupItems } from '../../schemas/index.ts';
import {
  amountAbove,
  chainFlow,
  contractCompletedEvent,
  contractEvent,
  deepBothBranchesFlow,
  deepChainFlow,
  fanOutFlow,
  hubFlow,
  ladderFlow,
  largeFlowNodes,
  manyTriggersFlow,
  nestedAmountAbove,
  sendContract,
  webhookFanOutFlow,
} from '../support/large-flows.ts';

const codes = (flow: Flow): string[] => validateFlow(flow).diagnostics.map((diagnostic) => diagnostic.code);

/** Validates, compiles (through JSON, as stored) and evaluates a flow that must be publishable. */
function publish(flow: Flow) {
  const { diagnostics } = validateFlow(flow);
  expect(hasErrors(diagnostics), JSON.stringify(diagnostics.slice(0, 3))).toBe(false);
  const ruleSet = JSON.parse(serializeRuleSet(compileFlow(flow)));
  // What the runtime stores and reads back (publish-flow.ts, load-active-rule-set.ts): the same schema.
  const checked = checkRuleSet(ruleSet);
  expect(checked.ok ? [] : checked.violations.slice(0, 3)).toEqual([]);
  const evaluator = createEvaluator(ruleSet);
  expect(exportRows(ruleSet)).toHaveLength(ruleSet.rules.length);
  return { diagnostics, ruleSet, evaluator };
}

describe(`flows of ${largeFlowNodes} nodes`, () => {
  it('a chain: validates, compiles to one rule and evaluates both ways', () => {
    const flow = chainFlow();
    expect(flow.nodes).toHaveLength(largeFlowNodes);
    const { diagnostics, ruleSet, evaluator } = publish(flow);
    expect(diagnostics).toEqual([]);
    expect(ruleSet.rules).toHaveLength(1);
    // 4,998 conditions along the path: nested in groups of maxGroupItems (200) under the trigger's three.
    expect(ruleSet.rules[0].conditions.all).toHaveLength(3 + Math.ceil((largeFlowNodes - 2) / maxGroupItems));
    expect(evaluator.evaluate(contractEvent(62_500)).actions.map((action) => action.actionNodeId)).toEqual(['send']);
    expect(evaluator.evaluate(contractEvent(100)).actions).toEqual([]);
    expect(evaluator.evaluate(contractEvent(62_500), { trace: true }).trace?.[0]?.fired).toBe(true);
  });

  it('a ladder (both branches to the next node): refused with FLOW_TOO_MANY_PATHS naming the limit', () => {
    const flow = ladderFlow();
    const { diagnostics } = validateFlow(flow);
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['FLOW_TOO_MANY_PATHS']);
    expect(diagnostics[0]?.message).toContain('more than 256 different paths');
    expect(() => compileFlow(flow)).toThrow(UncompilableFlowError);
    // 40 rungs used to take days; 23 took seconds.
    expect(codes(ladderFlow(42))).toEqual(['FLOW_TOO_MANY_PATHS']);
  });

  it('a ladder in front of a fan-out: the first 50 actions named, one finding counting the rest', () => {
    const flow = ladderFlow(2_500);
    for (let at = 0; at < 2_000; at++) {
      flow.nodes.push(sendContract(`more${at}`, (at % 1000) + 1));
      flow.edges.push({ id: `e-more${at}`, source: 'c2497', target: `more${at}`, sourceHandle: 'true' });
    }
    const { diagnostics } = validateFlow(flow);
    const paths = diagnostics.filter((diagnostic) => diagnostic.code === 'FLOW_TOO_MANY_PATHS');
    expect(paths).toHaveLength(51);
    expect(paths.find((diagnostic) => diagnostic.nodeId === undefined)?.message).toMatch(/^1951 more actions/);
  });

  it('a ladder within the limit still lists every path', () => {
    // 9 conditions: 2^8 = 256 paths, exactly the limit.
    const { ruleSet, evaluator } = publish(ladderFlow(11));
    // 256 paths are more than an `any` may hold (maxGroupItems): they nest in groups of that many.
    const groups = ruleSet.rules[0].conditions.all[3].any as { any: unknown[] }[];
    expect(groups.map((group) => group.any.length)).toEqual([maxGroupItems, 256 - maxGroupItems]);
    expect(evaluator.evaluate(contractEvent(62_500)).actions).toHaveLength(1);
    expect(evaluator.evaluate(contractEvent(5)).actions).toEqual([]);
  });

  it('a fan-out of same-priority actions: a bounded list of conflicts and one finding that counts the rest', () => {
    const { diagnostics } = validateFlow(fanOutFlow());
    expect(diagnostics.length).toBe(maxConflictFindings + 1);
    expect(diagnostics.every((diagnostic) => diagnostic.code === 'RULE_CONFLICT')).toBe(true);
    const summary = diagnostics.find((diagnostic) => diagnostic.nodeId === undefined);
    expect(summary?.message).toMatch(/^4949 more conflicts or overlaps .* not listed/);
    expect(Math.max(...diagnostics.map((diagnostic) => diagnostic.relatedNodeIds?.length ?? 0))).toBeLessThanOrEqual(
      10,
    );
    expect(diagnostics[1]?.message).toContain('and 4988 more all send the contract');
    expect(JSON.stringify(diagnostics).length).toBeLessThan(100_000);
  });

  it('a fan-out of 1,000 distinct priorities (all there are): warnings only, one document planned', () => {
    const { diagnostics, evaluator } = publish(fanOutFlow(1_001, (at) => at + 1));
    expect(diagnostics.length).toBe(maxConflictFindings + 1);
    expect(new Set(diagnostics.map((diagnostic) => diagnostic.code))).toEqual(new Set(['RULE_OVERLAP']));
    const plan = evaluator.evaluate(contractEvent(62_500));
    expect(plan.actions.map((action) => action.actionNodeId)).toEqual(['send999']);
    expect(plan.suppressed).toHaveLength(999);
  });

  it('a fan-out of webhooks: publishable, and every one of them planned', () => {
    const { diagnostics, evaluator } = publish(webhookFanOutFlow());
    expect(diagnostics).toEqual([]);
    expect(evaluator.evaluate(contractCompletedEvent()).actions).toHaveLength(largeFlowNodes - 1);
  });

  it('a chain of conditions at the deepest allowed nesting: publishable and evaluable', () => {
    const { evaluator } = publish(deepChainFlow());
    expect(evaluator.evaluate(contractEvent(62_500)).actions).toHaveLength(1);
    expect(evaluator.evaluate(contractEvent(100)).actions).toEqual([]);
  });

  it('the deepest condition on both branches of one rule: the compiled rule nests deeper, and still evaluates', () => {
    const { ruleSet, evaluator } = publish(deepBothBranchesFlow());
    expect(ruleSet.rules).toHaveLength(1);
    expect(evaluator.evaluate(contractEvent(62_500)).actions).toHaveLength(1);
    expect(evaluator.evaluate(contractEvent(5)).actions).toHaveLength(1);
  });

  it('256 paths of 209 steps past the deepest condition: nested groups on both sides, still evaluable', () => {
    // c0…c7 branch both ways (2^8 paths), then a chain; c7 is nested as deep as allowed, and its
    // false branch adds a `not`: all → any → any of 200 → all of a path → all of 200 steps → not.
    const flow = chainFlow(211, (at) => (at === 7 ? nestedAmountAbove(at, maxConditionDepth) : amountAbove(at)));
    for (let at = 1; at <= 8; at++)
      flow.edges.push({ id: `f${at}`, source: `c${at - 1}`, target: `c${at}`, sourceHandle: 'false' });
    const { diagnostics, ruleSet, evaluator } = publish(flow);
    expect(diagnostics).toEqual([]);
    expect(ruleSet.rules[0].conditions.all[3].any).toHaveLength(2);
    expect(evaluator.evaluate(contractEvent(62_500)).actions).toHaveLength(1);
    expect(evaluator.evaluate(contractEvent(100)).actions).toEqual([]);
  });

  it('2,500 triggers into a 2,500-node chain: one rule per stage, each path limit counted over its triggers', () => {
    const { diagnostics } = validateFlow(manyTriggersFlow());
    // 833 or 834 triggers per stage, each one path: past the limit of 256 paths per rule.
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual([
      'FLOW_TOO_MANY_PATHS',
      'FLOW_TOO_MANY_PATHS',
      'FLOW_TOO_MANY_PATHS',
    ]);
    expect(Math.max(...diagnostics.map((diagnostic) => diagnostic.relatedNodeIds?.length ?? 0))).toBe(10);
    const fewer = manyTriggersFlow(300);
    const { ruleSet } = publish(fewer);
    expect(ruleSet.rules).toHaveLength(3);
  });

  it('2,500 document triggers × 2,499 webhooks through one condition: FLOW_TOO_LARGE, not millions of rules', () => {
    const { diagnostics } = validateFlow(hubFlow());
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['FLOW_TOO_LARGE']);
    expect(() => compileFlow(hubFlow())).toThrow(UncompilableFlowError);
  });

  it(`conditions nested past ${maxConditionDepth} groups (up to 5,000): CONDITION_TOO_DEEP, never a stack overflow`, () => {
    for (const depth of [maxConditionDepth + 1, 2_000, 5_000]) {
      let tree: ConditionGroup = { all: [{ fact: 'amount', operator: 'greaterThan', value: 1 }] };
      for (let level = 1; level < depth; level++) tree = { not: tree };
      const flow = chainFlow(3, () => tree);
      const { diagnostics } = validateFlow(flow);
      expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['CONDITION_TOO_DEEP']);
      expect(diagnostics[0]?.message).toContain(`more than ${maxConditionDepth} groups`);
      expect(() => compileFlow(flow)).toThrow(UncompilableFlowError);
    }
  });
});
