// The rules of active flow versions whose action matches a test: what a delete must not pull from
// under a live flow (a template, a signing employee). Drafts and inactive versions do not count.
import type { ActionSettings, ApiErrorDetail } from '../../schemas/index.ts';
import type { RuntimeServices } from '../services.ts';
import { loadActiveFlows } from './load-active-flows.ts';

export interface ActiveRuleUse {
  flowId: string;
  version: number;
  ruleName: string;
  actionNodeId: string;
}

export async function findActiveRules(
  services: Pick<RuntimeServices, 'database'>,
  matches: (action: ActionSettings) => boolean,
): Promise<ActiveRuleUse[]> {
  const uses: ActiveRuleUse[] = [];
  for (const active of await loadActiveFlows(services)) {
    for (const rule of active.ruleSet.rules) {
      if (!matches(rule.event.params.action)) continue;
      uses.push({
        flowId: active.flowId,
        version: active.version,
        ruleName: rule.name,
        actionNodeId: rule.event.params.actionNodeId,
      });
    }
  }
  return uses;
}

/** "flow sales-documents v1 (rules a, b)", for a message a person can act on. */
export function describeRuleUses(uses: readonly ActiveRuleUse[]): string {
  const byFlow = new Map<string, string[]>();
  for (const use of uses) {
    const key = `flow "${use.flowId}" version ${use.version}`;
    byFlow.set(key, [...(byFlow.get(key) ?? []), use.ruleName]);
  }
  return [...byFlow].map(([flow, rules]) => `${flow} (rule ${rules.join(', ')})`).join('; ');
}

export function ruleUseDetails(code: string, uses: readonly ActiveRuleUse[]): ApiErrorDetail[] {
  return uses.map((use) => ({
    code,
    nodeId: use.actionNodeId,
    message: `used by rule "${use.ruleName}" of flow "${use.flowId}" version ${use.version}`,
  }));
}
