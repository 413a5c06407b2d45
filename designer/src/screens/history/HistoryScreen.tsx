// Publish history of a flow: draft vs active, the versions (author, time, message), a side-by-side
// diff of any two versions on read-only canvases plus the runtime's rule diff, and roll back.
// Route: #/history/<flowId>/<from?>/<to?>.
import '../../styles/screens.css';
import { useMemo, useState } from 'react';
import { historyApi } from '../../api/history.ts';
import { useSession } from '../../api/session.ts';
import { navigate, useRoute } from '../../app/navigate.ts';
import { FlowCanvas } from '../../editor/FlowCanvas.tsx';
import { useT } from '../../i18n/i18n.ts';
import { ApiErrorText } from '../shared/ApiErrorText.tsx';
import { ConfirmDialog } from '../shared/ConfirmDialog.tsx';
import { FlowPicker } from '../shared/FlowPicker.tsx';
import { may } from '../shared/permissions.ts';
import { useAsync } from '../shared/use-async.ts';
import { useFlowDraft } from '../shared/use-flow-draft.ts';
import { changeMark, diffOverlays } from './diff-overlay.ts';
import { diffFlowNodes } from './node-diff.ts';
import { RuleDiffList } from './RuleDiffList.tsx';
import { VersionTable } from './VersionTable.tsx';

export function HistoryScreen() {
  const t = useT();
  const { role } = useSession();
  const route = useRoute();
  const [routeFlowId, fromText, toText] = route.params;
  const draftState = useFlowDraft('history', routeFlowId);
  const { flowId, summary } = draftState;
  const versions = useAsync(() => (flowId ? historyApi.listVersions(flowId) : undefined), [flowId]);
  const numbers = (versions.data ?? []).map((version) => version.version).sort((a, b) => a - b);
  const to = Number(toText) || numbers[numbers.length - 1];
  const from = Number(fromText) || numbers[numbers.length - 2];
  const pick = (nextFrom: number | undefined, nextTo: number | undefined) =>
    flowId && navigate('history', [flowId, String(nextFrom ?? ''), String(nextTo ?? '')]);
  const comparable = flowId !== undefined && from !== undefined && to !== undefined && from !== to;
  const before = useAsync(
    () => (comparable ? historyApi.getVersion(flowId, from) : undefined),
    [flowId, from, comparable],
  );
  const after = useAsync(() => (comparable ? historyApi.getVersion(flowId, to) : undefined), [flowId, to, comparable]);
  const ruleDiff = useAsync(
    () => (comparable ? historyApi.diff(flowId, from, to) : undefined),
    [flowId, from, to, comparable],
  );
  const nodeDiff = useMemo(
    () => (before.data && after.data ? diffFlowNodes(before.data.document, after.data.document) : undefined),
    [before.data, after.data],
  );
  const overlays = nodeDiff ? diffOverlays(nodeDiff, t) : undefined;
  const [rollbackTo, setRollbackTo] = useState<number | undefined>();
  const [rollbackError, setRollbackError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const confirmRollback = () => {
    if (!flowId || rollbackTo === undefined) return;
    setBusy(true);
    historyApi
      .rollback(flowId, rollbackTo)
      .then(() => {
        setRollbackTo(undefined);
        setRollbackError(undefined);
        versions.reload();
        draftState.reloadSummary();
      }, setRollbackError)
      .finally(() => setBusy(false));
  };

  return (
    <section className="screen-page" aria-labelledby="history-title">
      <h2 id="history-title">{t('screens.history.title')}</h2>
      <FlowPicker flows={draftState.flows} flowId={flowId} onChoose={draftState.choose} />
      {summary ? (
        <p>
          {t('screens.history.state', {
            active: summary.activeVersion ?? t('screens.history.none'),
            latest: summary.latestVersion ?? t('screens.history.none'),
            draftAt: new Date(summary.draftUpdatedAt).toLocaleString(),
          })}
        </p>
      ) : null}
      <ApiErrorText error={draftState.error ?? versions.error} />
      {versions.data ? (
        <VersionTable
          versions={versions.data}
          canRollback={may.rollback(role)}
          onRollback={(version) => {
            setRollbackError(undefined);
            setRollbackTo(version);
          }}
        />
      ) : null}
      {numbers.length >= 2 ? (
        <fieldset className="inline">
          <legend>{t('screens.history.compare')}</legend>
          {(['from', 'to'] as const).map((side) => (
            <label key={side}>
              {t(`screens.history.${side}`)}{' '}
              <select
                value={String(side === 'from' ? from : to)}
                onChange={(event) =>
                  side === 'from' ? pick(Number(event.target.value), to) : pick(from, Number(event.target.value))
                }
              >
                {numbers.map((number) => (
                  <option key={number} value={number}>
                    {t('screens.history.versionOption', { version: number })}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </fieldset>
      ) : (
        <p className="muted">{t('screens.history.needTwo')}</p>
      )}
      {comparable && before.data && after.data && overlays && nodeDiff ? (
        <>
          <p className="muted">
            {t('screens.history.legend', {
              added: changeMark.added,
              removed: changeMark.removed,
              changed: changeMark.changed,
            })}
          </p>
          <div className="side-by-side">
            <section className="canvas-box" aria-label={t('screens.history.versionOption', { version: from })}>
              <h3>{t('screens.history.versionOption', { version: from })}</h3>
              <FlowCanvas flow={before.data.document} readOnly overlay={overlays.before} />
            </section>
            <section className="canvas-box" aria-label={t('screens.history.versionOption', { version: to })}>
              <h3>{t('screens.history.versionOption', { version: to })}</h3>
              <FlowCanvas flow={after.data.document} readOnly overlay={overlays.after} />
            </section>
          </div>
          <h3>{t('screens.history.nodeChanges', { count: nodeDiff.changes.length })}</h3>
          <ul>
            {nodeDiff.changes.map((change) => (
              <li key={`${change.change}-${change.nodeId}`}>
                {changeMark[change.change]} {t(`screens.history.change.${change.change}`)}: {change.label}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <ApiErrorText error={before.error ?? after.error ?? ruleDiff.error} />
      {comparable && ruleDiff.data ? <RuleDiffList diff={ruleDiff.data} /> : null}
      <ConfirmDialog
        open={rollbackTo !== undefined}
        title={t('screens.history.rollbackTitle', { version: rollbackTo ?? '' })}
        confirmLabel={t('screens.history.rollbackConfirm', { version: rollbackTo ?? '' })}
        busy={busy}
        onConfirm={confirmRollback}
        onCancel={() => setRollbackTo(undefined)}
      >
        <p>{t('screens.history.rollbackText', { version: rollbackTo ?? '', active: summary?.activeVersion ?? '—' })}</p>
        <ApiErrorText error={rollbackError} />
      </ConfirmDialog>
    </section>
  );
}
