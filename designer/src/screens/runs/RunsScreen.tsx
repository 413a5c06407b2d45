// Runs and documents: the runs list with filters (deal, stage, document type, status, time), and
// the chosen run's plan, trace on the canvas of the version that ran it, and documents. Refreshes
// every 1.5 s while a visible run is not settled. Route: #/runs/<runId?>.
import '../../styles/screens.css';
import { useEffect, useMemo, useState } from 'react';
import type { RunStatus } from '../../../../schemas/index.ts';
import { runsApi } from '../../api/runs.ts';
import { navigate, useRoute } from '../../app/navigate.ts';
import { useT } from '../../i18n/i18n.ts';
import { ApiErrorText } from '../shared/ApiErrorText.tsx';
import { formatTime } from '../shared/format-time.ts';
import { useAsync } from '../shared/use-async.ts';
import { filterChoices } from './filter-choices.ts';
import { RunDetail } from './RunDetail.tsx';
import { emptyRunFilter, matchesRun, pollDelay, type RunFilter, runQuery, runStage } from './run-filters.ts';
import { StatusText } from './StatusText.tsx';
import { useFilterSources } from './use-filter-sources.ts';

const statuses: RunStatus[] = ['accepted', 'running', 'completed', 'failed'];

export function RunsScreen() {
  const t = useT();
  const route = useRoute();
  const runId = route.params[0];
  const [draft, setDraft] = useState<RunFilter>(emptyRunFilter);
  const [filter, setFilter] = useState<RunFilter>(emptyRunFilter);
  const runs = useAsync(() => runsApi.list(runQuery(filter, undefined)), [filter]);
  const visible = (runs.data ?? []).filter((run) => matchesRun(run, filter));
  // New runs appear within 10 s; a run in progress is followed every 1.5 s.
  const delay = pollDelay(visible, 10_000);
  // biome-ignore lint/correctness/useExhaustiveDependencies: each new answer arms the next poll
  useEffect(() => {
    if (delay === null) return;
    const timer = setTimeout(runs.reload, delay);
    return () => clearTimeout(timer);
  }, [delay, runs.reload, runs.data]);

  const sources = useFilterSources();
  const choices = useMemo(() => filterChoices({ ...sources, runs: runs.data ?? [] }), [sources, runs.data]);

  const text = (key: 'dealId', label: string) => (
    <div className="form-row">
      <label htmlFor={`runs-${key}`}>{label}</label>
      <input
        id={`runs-${key}`}
        value={draft[key]}
        onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
      />
    </div>
  );
  // A value chosen earlier stays listed even when no source names it any more.
  const picker = (key: 'stageId' | 'documentType', label: string, options: { value: string; text: string }[]) => (
    <div className="form-row">
      <label htmlFor={`runs-${key}`}>{label}</label>
      <select
        id={`runs-${key}`}
        value={draft[key]}
        onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
      >
        <option value="">{t(key === 'stageId' ? 'screens.runs.anyStage' : 'screens.runs.anyDocumentType')}</option>
        {draft[key] && !options.some((option) => option.value === draft[key]) ? (
          <option value={draft[key]}>{draft[key]}</option>
        ) : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.text}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <section className="screen-split runs-split" aria-labelledby="runs-title">
      <div className="side-panel wide">
        <h2 id="runs-title">{t('screens.runs.title')}</h2>
        <form
          className="filters"
          aria-label={t('screens.runs.filters')}
          onSubmit={(event) => {
            event.preventDefault();
            setFilter({ ...draft });
          }}
        >
          {text('dealId', t('screens.runs.dealId'))}
          {picker(
            'stageId',
            t('screens.runs.stageId'),
            choices.stages.map((stage) => ({ value: stage.stageId, text: stage.label })),
          )}
          {picker(
            'documentType',
            t('screens.runs.documentType'),
            choices.documentTypes.map((type) => ({ value: type, text: type })),
          )}
          <div className="form-row">
            <label htmlFor="runs-status">{t('screens.runs.status')}</label>
            <select
              id="runs-status"
              value={draft.status}
              onChange={(event) => setDraft({ ...draft, status: event.target.value as RunStatus | '' })}
            >
              <option value="">{t('screens.runs.anyStatus')}</option>
              {statuses.map((status) => (
                <option key={status} value={status}>
                  {t(`screens.runs.statusName.${status}`)}
                </option>
              ))}
            </select>
          </div>
          {(['since', 'until'] as const).map((key) => (
            <div className="form-row" key={key}>
              <label htmlFor={`runs-${key}`}>{t(`screens.runs.${key}`)}</label>
              <input
                id={`runs-${key}`}
                type="datetime-local"
                value={draft[key]}
                onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
              />
            </div>
          ))}
          <div className="inline">
            <button type="submit" className="primary">
              {t('screens.runs.apply')}
            </button>
            <button
              type="button"
              onClick={() => {
                setDraft(emptyRunFilter);
                setFilter(emptyRunFilter);
              }}
            >
              {t('screens.runs.clear')}
            </button>
          </div>
        </form>
        <ApiErrorText error={runs.error} />
        {delay === 1500 ? <p className="muted">{t('screens.runs.live')}</p> : null}
        <table className="data-table">
          <caption>{t('screens.runs.list', { count: visible.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('screens.runs.createdAt')}</th>
              <th scope="col">{t('screens.runs.dealId')}</th>
              <th scope="col">{t('screens.runs.stageId')}</th>
              <th scope="col">{t('screens.runs.status')}</th>
              <th scope="col">{t('screens.runs.documents')}</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((run) => (
              <tr key={run.id} aria-current={run.id === runId ? 'true' : undefined}>
                <td>
                  <button
                    type="button"
                    className="link"
                    aria-label={t('screens.runs.open', {
                      dealId: run.dealId,
                      at: formatTime(run.createdAt),
                    })}
                    onClick={() => navigate('runs', [run.id])}
                  >
                    {formatTime(run.createdAt)}
                  </button>
                </td>
                <td>{run.dealId}</td>
                <td>{runStage(run) ?? '—'}</td>
                <td>
                  <StatusText status={run.status} />
                </td>
                <td>{run.documents.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="main-panel">
        {runId ? <RunDetail runId={runId} /> : <p className="muted">{t('screens.runs.choose')}</p>}
      </div>
    </section>
  );
}
