// The flows: open one, start a new one on a pipeline, or import a flow file as a new flow.
import { type FormEvent, useEffect, useState } from 'react';
import type { Flow, FlowSummary, Pipeline } from '../../../schemas/types.generated.ts';
import { api } from '../api/client.ts';
import { canEdit, useSession } from '../api/session.ts';
import { ErrorText } from '../app/ErrorText.tsx';
import { navigate, routeHash } from '../app/navigate.ts';
import { freshId } from '../graph/flow-edits.ts';
import { useT } from '../i18n/i18n.ts';
import { ImportButton } from './ImportDialog.tsx';
import { describeApiError } from './use-flow-document.ts';

const slug = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'flow';

export function FlowList() {
  const t = useT();
  const { role } = useSession();
  const [flows, setFlows] = useState<FlowSummary[] | null>(null);
  const [pipelines, setPipelines] = useState<Pipeline[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [pipelineId, setPipelineId] = useState('');
  useEffect(() => {
    api.listFlows().then(setFlows, (caught) => setError(describeApiError(caught)));
    api.listPipelines().then(
      (list) => {
        setPipelines(list);
        setPipelineId((current) => current);
      },
      (caught) => setError(describeApiError(caught)),
    );
  }, []);

  // The runtime keeps one flow per pipeline: only pipelines without one are offered.
  const free = pipelines.filter((pipeline) => !(flows ?? []).some((flow) => flow.pipelineId === pipeline.id));
  const create = async (event: FormEvent) => {
    event.preventDefault();
    const pipeline = free.find((candidate) => candidate.id === (pipelineId || free[0]?.id));
    if (!pipeline || !name.trim()) return;
    const taken = new Set((flows ?? []).map((flow) => flow.id));
    const id = taken.has(slug(name)) ? freshId(slug(name), taken) : slug(name);
    const draft: Flow = { schemaVersion: 1, id, name: name.trim(), pipeline, nodes: [], edges: [] };
    try {
      const created = await api.createFlow(draft);
      navigate('editor', [created.flow.id]);
    } catch (caught) {
      setError(describeApiError(caught));
    }
  };

  const importAsNew = async (flow: Flow) => {
    try {
      const created = await api.createFlow(flow);
      navigate('editor', [created.flow.id]);
    } catch (caught) {
      throw new Error(describeApiError(caught));
    }
  };

  return (
    <section className="flow-list" aria-labelledby="flow-list-title">
      <h1 id="flow-list-title">{t('flows.title')}</h1>
      {error && <ErrorText>{error}</ErrorText>}
      {flows === null && !error && <p>{t('common.loading')}</p>}
      {flows && flows.length === 0 && <p>{t('flows.none')}</p>}
      {flows && flows.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('flows.name')}</th>
              <th scope="col">{t('flows.pipeline')}</th>
              <th scope="col">{t('flows.active')}</th>
              <th scope="col">{t('flows.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {flows.map((flow) => (
              <tr key={flow.id}>
                <td>
                  <a href={routeHash('editor', [flow.id])}>{flow.name}</a> <code>{flow.id}</code>
                </td>
                <td>{flow.pipelineId}</td>
                <td>
                  {flow.activeVersion === null
                    ? t('flows.notPublished')
                    : t('flows.version', { version: flow.activeVersion })}
                </td>
                <td>{new Date(flow.draftUpdatedAt).toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canEdit(role) && (
        <>
          <form className="new-flow" onSubmit={create} aria-labelledby="new-flow-title">
            <h2 id="new-flow-title">{t('flows.new')}</h2>
            <label htmlFor="new-flow-name">{t('flows.name')}</label>
            <input id="new-flow-name" value={name} maxLength={200} onChange={(event) => setName(event.target.value)} />
            <label htmlFor="new-flow-pipeline">{t('flows.pipeline')}</label>
            <select
              id="new-flow-pipeline"
              value={pipelineId || free[0]?.id || ''}
              onChange={(event) => setPipelineId(event.target.value)}
            >
              {free.map((pipeline) => (
                <option key={pipeline.id} value={pipeline.id}>
                  {pipeline.name}
                </option>
              ))}
            </select>
            {free.length === 0 && <p className="field-hint">{t('flows.onePerPipeline')}</p>}
            <button type="submit" className="primary" disabled={!name.trim() || free.length === 0}>
              {t('flows.create')}
            </button>
          </form>
          <div className="import-new">
            <h2>{t('flows.importTitle')}</h2>
            <ImportButton acceptLabel={t('import.createFlow')} onAccept={importAsNew} />
          </div>
        </>
      )}
    </section>
  );
}
