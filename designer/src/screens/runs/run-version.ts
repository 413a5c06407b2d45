// Which published version ran a run: the version its actions name; without actions, the rules of
// its trace name the flow, and the version active then is the newest published before the run.
import type { FlowVersionInfo, Run } from '../../../../schemas/index.ts';

export interface RunVersion {
  flowId: string;
  version: number;
  /** Inferred from publication times (no action names it): a rollback in between would fool it. */
  inferred: boolean;
}

export function flowIdOfRun(run: Run): string | undefined {
  const action = run.plan?.actions[0];
  if (action) return action.flowId;
  const ruleName = run.plan?.trace?.[0]?.ruleName;
  // Rule names are `<flowId>:<trigger>-><action>` (engine/compile/compile-flow.ts ruleName).
  return ruleName?.includes(':') ? ruleName.slice(0, ruleName.indexOf(':')) : undefined;
}

export function runVersion(run: Run, versions: readonly FlowVersionInfo[] | undefined): RunVersion | undefined {
  const action = run.plan?.actions[0];
  if (action) return { flowId: action.flowId, version: action.flowVersion, inferred: false };
  const flowId = flowIdOfRun(run);
  if (!flowId || !versions) return undefined;
  const before = versions.filter((version) => version.flowId === flowId && version.publishedAt <= run.createdAt);
  const newest = before.sort((a, b) => b.version - a.version)[0];
  return newest ? { flowId, version: newest.version, inferred: true } : undefined;
}
