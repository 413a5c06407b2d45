// A published version as the API lists it.
import type { FlowVersionInfo, RuleSet } from '../../schemas/index.ts';

export interface FlowVersionRow {
  flow_id: string;
  version: number;
  rule_set: string;
  published_at: string;
  message?: string | null;
  published_by?: string | null;
}

export function toFlowVersionInfo(row: FlowVersionRow, activeVersion: number | null): FlowVersionInfo {
  const ruleSet = JSON.parse(row.rule_set) as RuleSet;
  return {
    flowId: row.flow_id,
    version: row.version,
    publishedAt: row.published_at,
    ruleCount: ruleSet.rules.length,
    active: row.version === activeVersion,
    message: row.message ?? null,
    publishedBy: row.published_by ?? null,
  };
}
