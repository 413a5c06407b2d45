// A trace reading → the canvas overlay: the path highlighted, the rest dimmed, and a note on each
// node in words (condition: each comparison with the fact's value and its result; action: planned,
// or which rule beat it). Words carry the meaning, so colour is never the only signal.
import { describeCondition } from '../../../../engine/export/describe-condition.ts';
import type { Comparison, ComparisonTrace, Flow } from '../../../../schemas/index.ts';
import type { MessageKey } from '../../i18n/i18n.ts';
import type { Overlay } from '../../state/overlay.ts';
import type { ActionFinding, ConditionFinding, TraceReading } from './read-trace.ts';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export interface NoteOptions {
  /** Analysts see results but not the deal's values (they may be personal data). */
  hideValues?: boolean;
}

export function describeValue(value: unknown, t: Translate): string {
  if (value === null || value === undefined) return t('screens.trace.noValue');
  if (Array.isArray(value)) return `[${value.map((item) => String(item)).join(', ')}]`;
  return typeof value === 'string' ? `"${value}"` : String(value);
}

const resultText = (result: boolean, t: Translate) => t(result ? 'screens.trace.true' : 'screens.trace.false');

function comparisonLine(comparison: ComparisonTrace, t: Translate, options: NoteOptions): string {
  const condition = describeCondition({
    fact: comparison.fact,
    operator: comparison.operator,
    value: comparison.value,
  } as Comparison);
  const result = resultText(comparison.result, t);
  if (options.hideValues) return t('screens.trace.comparisonHidden', { condition, result });
  return t('screens.trace.comparison', { condition, value: describeValue(comparison.factValue, t), result });
}

export function conditionNote(finding: ConditionFinding, t: Translate, options: NoteOptions = {}): string {
  const lines = finding.comparisons.map((comparison) => comparisonLine(comparison, t, options));
  lines.push(t('screens.trace.branch', { result: resultText(finding.result, t) }));
  return lines.join('\n');
}

export function actionNote(finding: ActionFinding, labelOf: (nodeId: string) => string, t: Translate): string {
  if (finding.state === 'planned') return t('screens.trace.planned');
  if (finding.state === 'notFired') return t('screens.trace.notFired');
  const winner = finding.wonByNodeId ? labelOf(finding.wonByNodeId) : finding.wonBy;
  return t('screens.trace.suppressed', { winner });
}

export function traceOverlay(flow: Flow, reading: TraceReading, t: Translate, options: NoteOptions = {}): Overlay {
  const labels = new Map(flow.nodes.map((node) => [node.id, node.data.label || node.id]));
  const labelOf = (nodeId: string) => labels.get(nodeId) ?? nodeId;
  const reached = new Set(reading.reached);
  const nodeNotes: Record<string, string> = {};
  for (const nodeId of reading.reached) {
    if (!reading.conditions.has(nodeId) && !reading.actions.has(nodeId)) nodeNotes[nodeId] = t('screens.trace.entered');
  }
  for (const [nodeId, finding] of reading.conditions) {
    if (reached.has(nodeId)) nodeNotes[nodeId] = conditionNote(finding, t, options);
  }
  for (const [nodeId, finding] of reading.actions) {
    // A suppressed action is not on the path, but why it did not run is what the admin asks.
    if (reached.has(nodeId) || finding.state === 'suppressed') nodeNotes[nodeId] = actionNote(finding, labelOf, t);
  }
  return { reached: reading.reached, dimUnreached: true, edgeTaken: reading.edgeTaken, nodeNotes };
}
