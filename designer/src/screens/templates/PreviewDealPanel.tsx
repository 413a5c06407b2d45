// Which deal the template previews are filled with: the runtime's demo deal, a stored event of a
// pipeline (personal data: admin), or a deal typed into the sample-deal form of a pipeline.
import { useEffect, useMemo, useState } from 'react';
import type { DealEvent, Pipeline } from '../../../../schemas/index.ts';
import { api } from '../../api/client.ts';
import { useSession } from '../../api/session.ts';
import { useT } from '../../i18n/i18n.ts';
import { ApiErrorText } from '../shared/ApiErrorText.tsx';
import { may } from '../shared/permissions.ts';
import { useAsync } from '../shared/use-async.ts';
import { dealFormSpec } from '../test-deal/deal-form.ts';
import { SampleDealForm } from '../test-deal/SampleDealForm.tsx';
import { StoredEventPicker } from '../test-deal/StoredEventPicker.tsx';
import type { Problem, SampleForm } from '../test-deal/sample-event.ts';
import { type PreviewChoice, previewSampleForm } from './preview-deal.ts';

type Kind = PreviewChoice['kind'];

export function PreviewDealPanel({
  onChoice,
  problems,
}: {
  onChoice: (choice: PreviewChoice) => void;
  problems: Problem[];
}) {
  const t = useT();
  const { role } = useSession();
  const pipelines = useAsync(() => api.listPipelines(), []);
  const [kind, setKind] = useState<Kind>('demo');
  const [pipelineId, setPipelineId] = useState('');
  const [event, setEvent] = useState<DealEvent | undefined>();
  const [form, setForm] = useState<SampleForm | undefined>();
  const pipeline: Pipeline | undefined =
    pipelines.data?.find((candidate) => candidate.id === pipelineId) ?? pipelines.data?.[0];
  const spec = useMemo(() => (pipeline ? dealFormSpec(pipeline) : undefined), [pipeline]);
  const kinds: Kind[] = may.readStoredEvents(role) ? ['demo', 'stored', 'form'] : ['demo', 'form'];

  // Another pipeline: its stages, fields and events differ, so the sample starts over.
  useEffect(() => {
    setEvent(undefined);
    setForm(pipeline ? previewSampleForm(pipeline, new Date()) : undefined);
  }, [pipeline]);
  useEffect(() => {
    if (kind === 'form' && spec && form && pipeline) onChoice({ kind, spec, form, pipelineId: pipeline.id });
    else if (kind === 'stored') onChoice({ kind, event });
    else onChoice({ kind: 'demo' });
  }, [kind, spec, form, pipeline, event, onChoice]);

  return (
    <fieldset className="preview-deal">
      <legend>{t('screens.templates.previewDeal')}</legend>
      <div className="form-row">
        <label htmlFor="preview-deal-kind">{t('screens.templates.previewDealKind')}</label>
        <select id="preview-deal-kind" value={kind} onChange={(change) => setKind(change.target.value as Kind)}>
          {kinds.map((option) => (
            <option key={option} value={option}>
              {t(`screens.templates.previewDealKind.${option}`)}
            </option>
          ))}
        </select>
      </div>
      {kind !== 'demo' ? (
        <div className="form-row">
          <label htmlFor="preview-deal-pipeline">{t('screens.templates.previewDealPipeline')}</label>
          <select
            id="preview-deal-pipeline"
            value={pipeline?.id ?? ''}
            onChange={(change) => setPipelineId(change.target.value)}
          >
            {(pipelines.data ?? []).map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </select>
          <ApiErrorText error={pipelines.error} />
        </div>
      ) : null}
      {kind === 'stored' && pipeline ? (
        <>
          <StoredEventPicker pipelineId={pipeline.id} onPick={setEvent} />
          <p className="muted" role="status">
            {event
              ? t('screens.templates.previewDealLoaded', { dealId: event.deal.id, eventId: event.eventId })
              : t('screens.templates.previewDealNoEvent')}
          </p>
        </>
      ) : null}
      {kind === 'form' && pipeline && spec && form ? (
        <SampleDealForm spec={spec} pipeline={pipeline} form={form} problems={problems} onChange={setForm} />
      ) : null}
    </fieldset>
  );
}
