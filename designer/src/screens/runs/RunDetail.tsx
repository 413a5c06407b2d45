// One run: status, errors and warnings, its plan, its trace on the read-only canvas of the version
// that ran it, its move-deal and call-webhook actions, and its documents (PDF, warnings, signers).
// Refreshes while the run is not settled.
import { useEffect, useMemo } from 'react';
import { historyApi } from '../../api/history.ts';
import { runsApi } from '../../api/runs.ts';
import { useSession } from '../../api/session.ts';
import { ErrorText } from '../../app/ErrorText.tsx';
import { FlowCanvas } from '../../editor/FlowCanvas.tsx';
import { useT } from '../../i18n/i18n.ts';
import { ApiErrorText } from '../shared/ApiErrorText.tsx';
import { formatTime } from '../shared/format-time.ts';
import { PlanView } from '../shared/PlanView.tsx';
import { may } from '../shared/permissions.ts';
import { useAsync } from '../shared/use-async.ts';
import { readTrace } from '../test-deal/read-trace.ts';
import { ruleLabelOf } from '../test-deal/TestDealScreen.tsx';
import { traceOverlay } from '../test-deal/trace-overlay.ts';
import { DocumentItem } from './DocumentItem.tsx';
import { RunActions } from './RunActions.tsx';
import { isSettled } from './run-filters.ts';
import { flowIdOfRun, runVersion } from './run-version.ts';
import { StatusText } from './StatusText.tsx';

export function RunDetail({ runId }: { runId: string }) {
  const t = useT();
  const { role } = useSession();
  const run = useAsync(() => runsApi.get(runId), [runId]);
  const settled = run.data ? isSettled(run.data) : true;
  // biome-ignore lint/correctness/useExhaustiveDependencies: each new answer arms the next poll
  useEffect(() => {
    if (settled) return;
    const timer = setTimeout(run.reload, 1500);
    return () => clearTimeout(timer);
  }, [settled, run.reload, run.data]);
  // The CRM client reads runs but not flows: the canvas is for roles that read versions.
  const flowId = run.data && may.readFlows(role) ? flowIdOfRun(run.data) : undefined;
  const versions = useAsync(() => (flowId ? historyApi.listVersions(flowId) : undefined), [flowId]);
  const which = run.data ? runVersion(run.data, versions.data) : undefined;
  const version = useAsync(
    () => (which && may.readFlows(role) ? historyApi.getVersion(which.flowId, which.version) : undefined),
    [which?.flowId, which?.version],
  );
  const plan = run.data?.plan;
  const overlay = useMemo(
    () =>
      version.data && plan
        ? traceOverlay(version.data.document, readTrace(version.data.document, version.data.ruleSet, plan), t)
        : null,
    [version.data, plan, t],
  );
  if (run.error) return <ApiErrorText error={run.error} />;
  if (!run.data) return <p>{t('common.loading')}</p>;
  const data = run.data;
  return (
    <article aria-labelledby="run-title" className="run-detail">
      <h3 id="run-title">{t('screens.runs.runTitle', { id: data.id, dealId: data.dealId })}</h3>
      <p>
        <StatusText status={data.status} /> · {t('screens.runs.event', { eventId: data.eventId })} ·{' '}
        {formatTime(data.createdAt)}
        {settled ? null : <span className="muted"> · {t('screens.runs.live')}</span>}
      </p>
      {data.errors.map((error, at) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the run's errors are an append-only list
        <ErrorText key={at}>
          {error.code}: {error.message}
          {error.attempt ? ` (${t('screens.runs.attempt', { attempt: error.attempt })})` : ''}
        </ErrorText>
      ))}
      {data.warnings.map((warning, at) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the run's warnings are an append-only list
        <ErrorText key={at} severity="warning">
          {warning.code}: {warning.message}
        </ErrorText>
      ))}
      {version.data && overlay ? (
        <section className="canvas-box" aria-label={t('screens.runs.canvas', { version: version.data.version })}>
          <h4>
            {t('screens.runs.canvas', { version: version.data.version })}
            {which?.inferred ? ` ${t('screens.runs.inferred')}` : ''}
          </h4>
          <FlowCanvas flow={version.data.document} readOnly overlay={overlay} />
        </section>
      ) : null}
      <ApiErrorText error={versions.error ?? version.error} />
      {plan ? (
        <PlanView
          plan={plan}
          ruleLabel={version.data ? ruleLabelOf(version.data.document, version.data.ruleSet) : (name) => name}
          showPersonal={may.seePersonalData(role)}
        />
      ) : (
        <p>{t('screens.runs.notEvaluated')}</p>
      )}
      <RunActions actions={data.actions} />
      <h4>{t('screens.runs.documentsTitle', { count: data.documents.length })}</h4>
      <ul className="document-list">
        {data.documents.map((document) => (
          <DocumentItem key={document.id} document={document} />
        ))}
      </ul>
    </article>
  );
}
