// Rule-level difference between two compiled rule sets: rules are matched by name (flow, trigger
// node, action node), and a changed rule lists what changed in it. Pure.

import { canonicalJson as canonical } from '../../engine/json/canonical-json.ts';
import type { CompiledRule, FlowDiff, RuleChange } from '../../schemas/index.ts';

const same = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

/** The names of what differs; flowVersion is left out, since it differs between any two versions. */
export function changedFields(before: CompiledRule, after: CompiledRule): string[] {
  const fields: string[] = [];
  if (before.priority !== after.priority) fields.push('priority');
  if (!same(before.conditions, after.conditions)) fields.push('conditions');
  if (before.event.type !== after.event.type) fields.push('action');
  const [from, to] = [before.event.params, after.event.params];
  if (from.bucket !== to.bucket) fields.push('bucket');
  if (!same(from.conditionNodeIds, to.conditionNodeIds)) fields.push('conditionNodeIds');
  const settingsBefore: Record<string, unknown> = { ...from.action };
  const settingsAfter: Record<string, unknown> = { ...to.action };
  const keys = [...new Set([...Object.keys(settingsBefore), ...Object.keys(settingsAfter)])].sort();
  for (const key of keys) {
    if (!same(settingsBefore[key], settingsAfter[key])) fields.push(`action.${key}`);
  }
  return fields;
}

export function diffRules(
  before: readonly CompiledRule[],
  after: readonly CompiledRule[],
): Pick<FlowDiff, 'added' | 'removed' | 'changed'> {
  const beforeByName = new Map(before.map((rule) => [rule.name, rule]));
  const afterByName = new Map(after.map((rule) => [rule.name, rule]));
  const changed: RuleChange[] = [];
  for (const rule of after) {
    const old = beforeByName.get(rule.name);
    if (!old) continue;
    const fields = changedFields(old, rule);
    if (fields.length > 0) changed.push({ ruleName: rule.name, fields, before: old, after: rule });
  }
  return {
    added: after.filter((rule) => !beforeByName.has(rule.name)),
    removed: before.filter((rule) => !afterByName.has(rule.name)),
    changed,
  };
}
