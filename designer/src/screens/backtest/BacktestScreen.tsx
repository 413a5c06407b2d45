// Backtest: the draft and the active version over the last N stored events of the pipeline
// (compared on the server); counts per rule and the events whose documents, templates or signers
// differ, each opening in the test panel with that event loaded. Route: #/backtest/<flowId>.
import '../../styles/screens.css';
import { useMemo, useState } from 'react';
import { compileFlow } from '../../../../engine/compile/compile-flow.ts';
import type { BacktestResult, PlannedSendDocument } from '../../../../schemas/index.ts';
import { backtestApi } from '../../api/backtest.ts';
import { useSession } from '../../api/session.ts';
import { navigate, useRoute } from '../../app/navigate.ts';
import { useT } from '../../i18n/i18n.ts';
import { ApiErrorText } from '../shared/ApiErrorText.tsx';
import { FlowPicker } from '../shared/FlowPicker.tsx';
import { formatTime } from '../shared/format-time.ts';
import { may } from '../shared/permissions.ts';
import { signersInOrder, signerText } from '../shared/signer-text.ts';
import { useFlowDraft } from '../shared/use-flow-draft.ts';
import { compareDocuments, ruleRows } from './backtest-summary.ts';

const maxLimit = 10_000;

export function BacktestScreen() {
  const t = useT();
  const { role } = useSession();
  const route = useRoute();
  const draftState = useFlowDraft('backtest', route.params[0]);
  const { draft, flowId } = draftState;
  const [limit, setLimit] = useState('1000');
  const [result, setResult] = useState<BacktestResult | undefined>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const limitNumber = Number(limit);
  const limitValid = Number.isInteger(limitNumber) && limitNumber >= 1 && limitNumber <= maxLimit;
  const showPersonal = may.seePersonalData(role);

  const labelOfRule = useMemo(() => {
    if (!draft) return () => undefined;
    try {
      const labels = new Map(draft.nodes.map((node) => [node.id, node.data.label || node.id]));
      const rules = new Map(compileFlow(draft).rules.map((rule) => [rule.name, rule.event.params.actionNodeId]));
      return (ruleName: string) => labels.get(rules.get(ruleName) ?? '');
    } catch {
      return () => undefined;
    }
  }, [draft]);
  const signers = (document: PlannedSendDocument) =>
    signersInOrder(document.signers).map((signer) => signerText(signer, t, showPersonal));

  const start = () => {
    if (!draft || !flowId || !limitValid) return;
    setBusy(true);
    setError(undefined);
    backtestApi
      .run(flowId, draft, limitNumber)
      .then(setResult, setError)
      .finally(() => setBusy(false));
  };

  return (
    <section className="screen-page" aria-labelledby="backtest-title">
      <h2 id="backtest-title">{t('screens.backtest.title')}</h2>
      <FlowPicker flows={draftState.flows} flowId={flowId} onChoose={draftState.choose} />
      <p className="muted">{t(draftState.fromEditor ? 'screens.test.fromEditor' : 'screens.test.fromServer')}</p>
      <form
        className="inline"
        onSubmit={(event) => {
          event.preventDefault();
          start();
        }}
      >
        <label htmlFor="backtest-limit">{t('screens.backtest.limit')}</label>
        <input
          id="backtest-limit"
          inputMode="numeric"
          value={limit}
          onChange={(event) => setLimit(event.target.value)}
          aria-invalid={!limitValid || undefined}
          aria-describedby="backtest-limit-help"
        />
        <span id="backtest-limit-help" className={limitValid ? 'muted' : 'message message-error'}>
          {limitValid
            ? t('screens.backtest.limitHelp', { max: maxLimit })
            : `⛔ ${t('screens.backtest.limitInvalid', { max: maxLimit })}`}
        </span>
        <button type="submit" className="primary" disabled={!draft || !limitValid || busy}>
          {busy ? t('screens.backtest.running') : t('screens.backtest.run')}
        </button>
      </form>
      <ApiErrorText error={draftState.error ?? error} />
      {result ? (
        <>
          <p role="status">
            {t('screens.backtest.summary', {
              compared: result.eventsCompared,
              changed: result.eventsChanged,
              version: result.activeVersion ?? t('screens.backtest.noActive'),
              ms: result.ms,
            })}
          </p>
          <table className="data-table">
            <caption>{t('screens.backtest.perRule')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('screens.backtest.rule')}</th>
                <th scope="col">{t('screens.backtest.active')}</th>
                <th scope="col">{t('screens.backtest.draft')}</th>
                <th scope="col">{t('screens.backtest.change')}</th>
              </tr>
            </thead>
            <tbody>
              {ruleRows(result, labelOfRule).map((row) => (
                <tr key={row.ruleName}>
                  <th scope="row">
                    {row.label ?? row.ruleName}
                    {row.label ? <div className="muted">{row.ruleName}</div> : null}
                  </th>
                  <td>{row.activeFired}</td>
                  <td>{row.draftFired}</td>
                  <td>
                    {row.delta === 0
                      ? t('screens.backtest.same')
                      : row.delta > 0
                        ? `▲ +${row.delta}`
                        : `▼ ${row.delta}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t('screens.backtest.differences', { count: result.differences.length })}</h3>
          {result.truncated ? (
            <p className="muted">{t('screens.backtest.truncated', { count: result.eventsChanged })}</p>
          ) : null}
          {!showPersonal || !may.readStoredEvents(role) ? (
            <p className="muted">{t('screens.backtest.countsOnly')}</p>
          ) : null}
          <ul className="difference-list">
            {result.differences.map((difference) => (
              <li key={difference.eventId}>
                <strong>
                  {t('screens.backtest.event', {
                    dealId: difference.dealId,
                    stageId: difference.stageId,
                    at: formatTime(difference.occurredAt),
                  })}
                </strong>
                <div>{difference.kinds.map((kind) => t(`screens.backtest.kind.${kind}`)).join(' · ')}</div>
                <table className="data-table compact">
                  <thead>
                    <tr>
                      <th scope="col">{t('screens.backtest.documentType')}</th>
                      <th scope="col">{t('screens.backtest.active')}</th>
                      <th scope="col">{t('screens.backtest.draft')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {compareDocuments(difference, signers).map((row) => (
                      <tr key={row.documentType}>
                        <th scope="row">{row.documentType}</th>
                        {[row.active, row.draft].map((side, at) => (
                          <td key={at === 0 ? 'active' : 'draft'}>
                            {side ? (
                              <>
                                {side.templateId}
                                <ol className="signers">
                                  {side.signers.map((signer) => (
                                    <li key={signer}>{signer}</li>
                                  ))}
                                </ol>
                              </>
                            ) : (
                              t('screens.backtest.notSent')
                            )}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
                <button type="button" onClick={() => flowId && navigate('test', [flowId, difference.eventId])}>
                  {t('screens.backtest.open', { dealId: difference.dealId })}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
