// The stage board (Bitrix24's automation-rules view): a pipeline's stages as columns in order,
// each with the rules that fire when a deal enters it, and the document-trigger rules apart.
import { useEffect, useMemo } from 'react';
import { ErrorText } from '../app/ErrorText.tsx';
import { navigate, routeHash, useRoute } from '../app/navigate.ts';
import { useRuntimeData } from '../editor/runtime-data.ts';
import { useT } from '../i18n/i18n.ts';
import { layoutBoard } from './board-rules.ts';
import { RuleCard } from './RuleCard.tsx';
import { useBoardData } from './use-board-data.ts';

export function StageBoard() {
  const t = useT();
  const { params } = useRoute();
  const templates = useRuntimeData((state) => state.templates);
  const { pipelines, flows, error } = useBoardData(params[0] ?? undefined);
  const pipelineId = params[0] ?? pipelines?.[0]?.id;
  useEffect(() => {
    if (!params[0] && pipelines?.[0]) navigate('board', [pipelines[0].id]);
  }, [params[0], pipelines]);
  useEffect(() => {
    void useRuntimeData.getState().load();
  }, []);
  const pipeline = pipelines?.find((candidate) => candidate.id === pipelineId);
  const board = useMemo(() => layoutBoard((flows ?? []).map((flow) => flow.draft)), [flows]);
  const stageName = (id: string) => pipeline?.stages.find((stage) => stage.id === id)?.name ?? id;

  return (
    <section className="stage-board" aria-labelledby="board-title">
      <div className="board-header">
        <h1 id="board-title">{t('board.title')}</h1>
        <label>
          {t('board.pipeline')}{' '}
          <select value={pipelineId ?? ''} onChange={(event) => navigate('board', [event.target.value])}>
            {(pipelines ?? []).map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </select>
        </label>
        <p className="board-note">
          <span aria-hidden="true">ℹ</span> {t('board.oneType')}
        </p>
      </div>
      {error && <ErrorText>{error}</ErrorText>}
      {(!pipelines || (pipeline && !flows)) && !error && <p>{t('common.loading')}</p>}
      {flows && flows.length === 0 && (
        <p>
          {t('board.noFlows')} <a href={routeHash('editor')}>{t('board.createFlow')}</a>
        </p>
      )}
      {flows && flows.length > 0 && (
        <p className="board-flows">
          {t('board.flows')}{' '}
          {flows.map((flow, index) => (
            <span key={flow.summary.id}>
              {index > 0 && ', '}
              <a href={routeHash('editor', [flow.summary.id])}>{flow.summary.name}</a> (
              {flow.summary.activeVersion === null
                ? t('flows.notPublished')
                : t('flows.version', { version: flow.summary.activeVersion })}
              )
            </span>
          ))}
        </p>
      )}
      {pipeline && flows && (
        <>
          <div className="board-columns">
            {pipeline.stages.map((stage, index) => {
              const rules = board.byStage.get(stage.id) ?? [];
              return (
                <section key={stage.id} className="board-column" aria-labelledby={`stage-${stage.id}`}>
                  <h2 id={`stage-${stage.id}`}>
                    <span className="stage-index">{index + 1}.</span> {stage.name}
                  </h2>
                  <p className="column-hint">{t('board.onEnter')}</p>
                  {rules.length === 0 && <p className="column-empty">{t('board.noRules')}</p>}
                  <ul aria-label={t('board.rulesOf', { stage: stage.name })}>
                    {rules.map((rule) => (
                      <RuleCard
                        key={`${rule.flowId}/${rule.trigger.id}/${rule.action.id}`}
                        rule={rule}
                        templates={templates}
                        stageName={stageName}
                      />
                    ))}
                  </ul>
                </section>
              );
            })}
          </div>
          <section className="board-documents" aria-labelledby="board-documents-title">
            <h2 id="board-documents-title">{t('board.documentRules')}</h2>
            {board.byDocument.size === 0 && <p className="column-empty">{t('board.noRules')}</p>}
            {[...board.byDocument.entries()].map(([key, rules]) => {
              const [eventType, documentType] = key.split('/');
              return (
                <section key={key} className="board-column" aria-label={key}>
                  <h3>
                    {t(eventType === 'document.completed' ? 'board.whenCompleted' : 'board.whenDeclined', {
                      type: documentType ?? '',
                    })}
                  </h3>
                  <ul>
                    {rules.map((rule) => (
                      <RuleCard
                        key={`${rule.flowId}/${rule.trigger.id}/${rule.action.id}`}
                        rule={rule}
                        templates={templates}
                        stageName={stageName}
                      />
                    ))}
                  </ul>
                </section>
              );
            })}
          </section>
        </>
      )}
    </section>
  );
}
