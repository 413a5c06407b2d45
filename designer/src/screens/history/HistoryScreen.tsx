// Publish history of a flow: draft vs active, the versions (author, time, message), a side-by-side
// diff of any two versions on read-only canvases plus the runtime's rule diff, and roll back.
// Route: #/history/<flowId>/<from?>/<to?>.
import '../../styles/screens.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import { historyApi } from '../../api/history.ts';
import { useSession } from '../../api/session.ts';
import { navigate, useRoute } from '../../app/navigate.ts';
import { FlowCanvas } from '../../editor/FlowCanvas.tsx';
import { useT } from '../../i18n/i18n.ts';
import { ApiErrorText } from '../shared/ApiErrorText.tsx';
import { ConfirmDialog } from '../shared/ConfirmDialog.tsx';
import { FlowPicker } from '../shared/FlowPicker.tsx';
import { formatTime } from '../shared/format-time.ts';
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
  // "draft" as the newer side compares the draft (the editor's, unsaved edits included) with a version.
  const toDraft = toText === 'draft' || (toText === undefined && numbers.length === 1);
  const to = toDraft ? undefined : Number(toText) || numbers[numbers.length - 1];
  const from = Number(fromText) || (toDraft ? numbers[numbers.length - 1] : numbers[numbers.length - 2]);
  const pick = (nextFrom: number | undefined, nextTo: number | 'draft' | undefined) =>
    flowId && navigate('history', [flowId, String(nextFrom ?? ''), String(nextTo ?? '')]);
  const versionsComparable = flowId !== undefined && from !== undefined && to !== undefined && from !== to;
  const comparable = versionsComparable || (toDraft && flowId !== undefined && from !== undefined);
  const before = useAsync(
    () => (comparable ? historyApi.getVersion(flowId, from) : undefined),
    [flowId, from, comparable],
  );
  const after = useAsync(
    () => (versionsComparable ? historyApi.getVersion(flowId, to) : undefined),
    [flowId, to, versionsComparable],
  );
  const ruleDiff = useAsync(
    () => (versionsComparable ? historyApi.diff(flowId, from, to) : undefined),
    [flowId, from, to, versionsComparable],
  );
  const afterDocument = toDraft ? draftState.draft : after.data?.document;
  const afterLabel = toDraft
    ? t('screens.history.draftOption')
    : t('screens.history.versionOption', { version: to ?? '' });
  const nodeDiff = useMemo(
    () => (before.data && afterDocument ? diffFlowNodes(before.data.document, afterDocument) : undefined),
    [before.data, afterDocument],
  );
  const overlays = nodeDiff ? diffOverlays(nodeDiff, t) : undefined;
  const [rollbackTo, setRollbackTo] = useState<number | undefined>();
  const [rollbackError, setRollbackError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [rolledBack, setRolledBack] = useState<number | undefined>();
  const rolledBackNote = useRef<HTMLParagraphElement>(null);
  // The button that opened the dialog is gone once its version is active: focus the outcome instead.
  useEffect(() => {
    if (rolledBack !== undefined) rolledBackNote.current?.focus();
  }, [rolledBack]);

  const confirmRollback = () => {
    if (!flowId || rollbackTo === undefined) return;
    setBusy(true);
    historyApi
      .rollback(flowId, rollbackTo)
      .then(() => {
        setRolledBack(rollbackTo);
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
            draftAt: formatTime(summary.draftUpdatedAt),
          })}
        </p>
      ) : null}
      {rolledBack !== undefined ? (
        <p role="status" tabIndex={-1} ref={rolledBackNote} className="message">
          ✓ {t('screens.history.rolledBack', { version: rolledBack })}
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
      {numbers.length >= 1 ? (
        <fieldset className="inline">
          <legend>{t('screens.history.compare')}</legend>
          {(['from', 'to'] as const).map((side) => (
            <label key={side}>
              {t(`screens.history.${side}`)}{' '}
              <select
                value={String(side === 'from' ? from : toDraft ? 'draft' : to)}
                onChange={(event) => {
                  const value = event.target.value;
                  if (side === 'from') pick(Number(value), toDraft ? 'draft' : to);
                  else pick(from, value === 'draft' ? 'draft' : Number(value));
                }}
              >
                {numbers.map((number) => (
                  <option key={number} value={number}>
                    {t('screens.history.versionOption', { version: number })}
                  </option>
                ))}
                {side === 'to' ? <option value="draft">{t('screens.history.draftOption')}</option> : null}
              </select>
            </label>
          ))}
        </fieldset>
      ) : (
        <p className="muted">{t('screens.history.needTwo')}</p>
      )}
      {comparable && before.data && afterDocument && overlays && nodeDiff ? (
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
            <section className="canvas-box" aria-label={afterLabel}>
              <h3>{afterLabel}</h3>
              <FlowCanvas flow={afterDocument} readOnly overlay={overlays.after} />
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
      {versionsComparable && ruleDiff.data ? <RuleDiffList diff={ruleDiff.data} /> : null}
      {toDraft && comparable ? <p className="muted">{t('screens.history.draftNoRuleDiff')}</p> : null}
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
