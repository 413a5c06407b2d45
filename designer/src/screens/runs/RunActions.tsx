// A run's move-deal and call-webhook actions (after a document was completed or declined): what
// each did, or is still trying, with its attempts and last error.
import type { RunAction, RunActionOutcome } from '../../../../schemas/index.ts';
import { ErrorText } from '../../app/ErrorText.tsx';
import { type t as translate, useT } from '../../i18n/i18n.ts';

type Translate = typeof translate;

function outcomeText(outcome: RunActionOutcome, t: Translate): string {
  if (outcome.via === 'crm')
    return t('screens.runs.outcomeCrm', { stageId: outcome.stageId, connector: outcome.connector });
  if (outcome.via === 'webhook') return t('screens.runs.outcomeWebhook', { stageId: outcome.stageId });
  return t('screens.runs.outcomeCall', { status: outcome.status, latency: Math.round(outcome.latencyMs) });
}

export function RunActions({ actions }: { actions: readonly RunAction[] }) {
  const t = useT();
  if (actions.length === 0) return null;
  return (
    <section aria-labelledby="run-actions-title">
      <h4 id="run-actions-title">{t('screens.runs.actionsTitle', { count: actions.length })}</h4>
      <ul className="document-list">
        {actions.map((action) => (
          <li key={action.actionNodeId}>
            <strong>{t(`screens.runs.actionKind.${action.kind}`)}</strong> ({action.ruleName}) ·{' '}
            {t(`screens.runs.actionStatus.${action.status}`)} ·{' '}
            {t('screens.runs.actionAttempts', { count: action.attempts })}
            {action.outcome ? <> · {outcomeText(action.outcome, t)}</> : null}
            {action.lastError ? (
              <ErrorText severity={action.status === 'failed' ? 'error' : 'warning'}>{action.lastError}</ErrorText>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
