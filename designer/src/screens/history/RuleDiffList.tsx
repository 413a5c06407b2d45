// The runtime's rule-level diff between two versions: rules added, removed, and changed (with what).
import { describeConditions } from '../../../../engine/export/describe-condition.ts';
import type { CompiledRule, FlowDiff } from '../../../../schemas/index.ts';
import { useT } from '../../i18n/i18n.ts';
import { changeMark } from './diff-overlay.ts';

const ownConditions = (rule: CompiledRule) => {
  const all = 'all' in rule.conditions ? rule.conditions.all : [rule.conditions];
  // The first three are the trigger's own equalities (pipeline, event type, selector).
  return describeConditions(all.slice(3)) || '—';
};

export function RuleDiffList({ diff }: { diff: FlowDiff }) {
  const t = useT();
  const total = diff.added.length + diff.removed.length + diff.changed.length;
  return (
    <section aria-labelledby="rule-diff-title">
      <h3 id="rule-diff-title">{t('screens.history.ruleDiff', { from: diff.from, to: diff.to, count: total })}</h3>
      <ul className="rule-diff">
        {diff.added.map((rule) => (
          <li key={`added-${rule.name}`} className="diff-added">
            {changeMark.added} {t('screens.history.change.added')}: <code>{rule.name}</code> — {ownConditions(rule)}
          </li>
        ))}
        {diff.removed.map((rule) => (
          <li key={`removed-${rule.name}`} className="diff-removed">
            {changeMark.removed} {t('screens.history.change.removed')}: <code>{rule.name}</code> — {ownConditions(rule)}
          </li>
        ))}
        {diff.changed.map((change) => (
          <li key={`changed-${change.ruleName}`} className="diff-changed">
            {changeMark.changed} {t('screens.history.change.changed')}: <code>{change.ruleName}</code> —{' '}
            {t('screens.history.fields', { fields: change.fields.join(', ') })}
          </li>
        ))}
      </ul>
      {total === 0 ? <p>{t('screens.history.noRuleChanges')}</p> : null}
    </section>
  );
}
