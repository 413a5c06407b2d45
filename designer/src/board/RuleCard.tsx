// One rule on the board: what it sends (document type, template, signers) or does, and when
// (conditions in words). Choosing it opens the editor on its action node.
import { actionOf } from '../../../engine/flow/node-kinds.ts';
import type { TemplateInfo } from '../../../schemas/types.generated.ts';
import { navigate } from '../app/navigate.ts';
import { kindTitle } from '../editor/kind-title.ts';
import { useRuntimeData } from '../editor/runtime-data.ts';
import { describeCounterparties, describeSigner } from '../graph/node-summary.ts';
import { useT } from '../i18n/i18n.ts';
import type { BoardRule } from './board-rules.ts';

export function RuleCard({
  rule,
  templates,
  stageName,
}: {
  rule: BoardRule;
  templates: TemplateInfo[] | null;
  stageName: (id: string) => string;
}) {
  const t = useT();
  const employees = useRuntimeData((state) => state.employees);
  const action = actionOf(rule.action);
  const settings = action?.settings;
  const open = () => navigate('editor', [rule.flowId, rule.action.id]);
  let what: React.ReactNode = kindTitle(rule.action.type);
  if (settings && 'documentType' in settings) {
    const template = templates?.find((candidate) => candidate.id === settings.templateId);
    what = (
      <>
        <span className="rule-doc-type">{settings.documentType}</span>
        <dl>
          <dt>{t('board.template')}</dt>
          <dd>
            {settings.templateId ? (
              (template?.name ?? settings.templateId)
            ) : (
              <span className="message-error">✖ {t('board.noTemplate')}</span>
            )}
          </dd>
          <dt>{t('board.signers')}</dt>
          <dd>
            {settings.companySigner.kind === 'employee'
              ? (employees?.find(
                  (employee) =>
                    settings.companySigner.kind === 'employee' && employee.id === settings.companySigner.employeeId,
                )?.name ?? describeSigner(settings.companySigner))
              : describeSigner(settings.companySigner)}
            ; {describeCounterparties(settings.counterparties)} ({t(`send.order.${settings.signingOrder}`)})
          </dd>
          {settings.priority !== undefined && (
            <>
              <dt>{t('board.priority')}</dt>
              <dd>{settings.priority}</dd>
            </>
          )}
        </dl>
      </>
    );
  } else if (settings && 'stageId' in settings) {
    what = t('board.moveTo', { stage: stageName(settings.stageId) });
  } else if (settings && 'url' in settings) {
    what = t('board.webhook', { url: settings.url });
  }
  return (
    <li className="rule-card">
      <button
        type="button"
        onClick={open}
        aria-label={t('board.openRule', { kind: kindTitle(rule.action.type), flow: rule.flowName })}
      >
        <span className="rule-kind">{kindTitle(rule.action.type)}</span>
        <div className="rule-what">{what}</div>
        <p className="rule-when">
          <strong>{t('board.when')}</strong> {rule.conditions || t('board.always')}
        </p>
        {rule.truncated && <p className="message-warning">⚠ {t('board.truncated')}</p>}
        <p className="rule-flow">{t('board.inFlow', { flow: rule.flowName })}</p>
      </button>
    </li>
  );
}
