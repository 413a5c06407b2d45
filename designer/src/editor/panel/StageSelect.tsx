// A stage picker over the flow's pipeline, in pipeline order; an unknown id stays visible.
import type { Pipeline } from '../../../../schemas/types.generated.ts';
import { useT } from '../../i18n/i18n.ts';

export function StageSelect({
  id,
  pipeline,
  value,
  onChange,
}: {
  id: string;
  pipeline: Pipeline;
  value: string;
  onChange: (stageId: string) => void;
}) {
  const t = useT();
  const known = pipeline.stages.some((stage) => stage.id === value);
  return (
    <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
      {!known && <option value={value}>{t('panel.unknownStage', { id: value || '—' })}</option>}
      {pipeline.stages.map((stage) => (
        <option key={stage.id} value={stage.id}>
          {stage.name} ({stage.id})
        </option>
      ))}
    </select>
  );
}
