// An action plan in words: each document (type, template, signing order, signers in turn), each
// stage move and webhook, the rules a higher priority beat (and by which rule), and the warnings.
import type { ReactNode } from 'react';
import type { ActionPlan, PlannedSendDocument } from '../../../../schemas/index.ts';
import { ErrorText } from '../../app/ErrorText.tsx';
import { useT } from '../../i18n/i18n.ts';
import { signersInOrder, signerText } from './signer-text.ts';

export interface PlanViewProps {
  plan: ActionPlan;
  /** A rule name → the words an admin knows it by (its action node's label). */
  ruleLabel: (ruleName: string) => string;
  showPersonal: boolean;
  /** Optional extra per document (the preview button in the test panel). */
  documentExtra?: (action: PlannedSendDocument) => ReactNode;
}

export function PlanView({ plan, ruleLabel, showPersonal, documentExtra }: PlanViewProps) {
  const t = useT();
  return (
    <section className="plan" aria-label={t('screens.plan.title')}>
      <h3>{t('screens.plan.title')}</h3>
      <p className="muted">{t('screens.plan.bucket', { bucket: plan.bucket, count: plan.rulesConsidered })}</p>
      {plan.actions.length === 0 ? <p>{t('screens.plan.nothing')}</p> : null}
      <ol className="plan-actions">
        {plan.actions.map((action) => (
          <li key={action.ruleName}>
            {action.kind === 'sendDocument' ? (
              <>
                <strong>
                  {t('screens.plan.send', { documentType: action.documentType, templateId: action.templateId })}
                </strong>
                <span className="muted"> — {ruleLabel(action.ruleName)}</span>
                <div>
                  {t('screens.plan.signing', {
                    order: t(`screens.plan.order.${action.signingOrder}`),
                    days: action.linkExpiryDays,
                  })}
                </div>
                <ul className="signers" aria-label={t('screens.plan.signers')}>
                  {signersInOrder(action.signers).map((signer) => {
                    const text = signerText(signer, t, showPersonal);
                    return <li key={text}>{text}</li>;
                  })}
                </ul>
                {documentExtra?.(action)}
              </>
            ) : action.kind === 'moveDeal' ? (
              <strong>{t('screens.plan.move', { stageId: action.stageId })}</strong>
            ) : (
              <strong>{t('screens.plan.webhook', { url: action.url })}</strong>
            )}
          </li>
        ))}
      </ol>
      {plan.suppressed.length > 0 ? (
        <>
          <h4>{t('screens.plan.suppressedTitle')}</h4>
          <ul>
            {plan.suppressed.map((rule) => (
              <li key={rule.ruleName}>
                {t('screens.plan.suppressedBy', {
                  rule: ruleLabel(rule.ruleName),
                  documentType: rule.documentType,
                  winner: ruleLabel(rule.wonBy),
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {plan.warnings.map((warning) => (
        <ErrorText key={`${warning.code}-${warning.ruleName}`} severity="warning">
          {warning.code}: {warning.message}
        </ErrorText>
      ))}
    </section>
  );
}
