// The flow a screen works on: one per pipeline, chosen by name.
import type { FlowSummary } from '../../../../schemas/index.ts';
import { useT } from '../../i18n/i18n.ts';

export function FlowPicker({
  flows,
  flowId,
  onChoose,
}: {
  flows: FlowSummary[] | undefined;
  flowId: string | undefined;
  onChoose: (flowId: string) => void;
}) {
  const t = useT();
  return (
    <label className="flow-picker">
      {t('screens.flowPicker.label')}{' '}
      <select value={flowId ?? ''} onChange={(event) => onChoose(event.target.value)} disabled={!flows}>
        {!flowId ? <option value="">{t('screens.flowPicker.none')}</option> : null}
        {(flows ?? []).map((flow) => (
          <option key={flow.id} value={flow.id}>
            {t('screens.flowPicker.option', { name: flow.name, pipelineId: flow.pipelineId })}
          </option>
        ))}
      </select>
    </label>
  );
}
