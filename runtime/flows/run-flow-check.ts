// One flow check, the same in the worker and inline: validation, or compilation with the check that
// the rules fit the rule format (what load-active-rule-set.ts will read back).
import { compileFlow, serializeRuleSet } from '../../engine/compile/compile-flow.ts';
import { validateFlow } from '../../engine/validation/validate-flow.ts';
import { checkRuleSet } from '../../schemas/index.ts';
import type { FlowCheckResult, FlowCheckTask } from './flow-check-task.ts';

/** The synchronous checks; `layout` (ELK answers asynchronously) runs in the worker only. */
export function runFlowCheck(task: Exclude<FlowCheckTask, { kind: 'layout' }>): FlowCheckResult {
  if (task.kind === 'validate') return { kind: 'validate', ...validateFlow(task.document, task.context) };
  const ruleSet = compileFlow(task.document);
  const checked = checkRuleSet(ruleSet);
  return { kind: 'compile', ruleSet: serializeRuleSet(ruleSet), violations: checked.ok ? [] : checked.violations };
}
