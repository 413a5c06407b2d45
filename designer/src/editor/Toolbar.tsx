// The editor toolbar: save, undo/redo, layout, fit, import/export, shortcuts and the publish slot.
import { useStore } from 'zustand';
import type { Diagnostic, Flow } from '../../../schemas/types.generated.ts';
import { api } from '../api/client.ts';
import { downloadText } from '../app/download.ts';
import { exportFlowText, flowFileName } from '../graph/import-flow.ts';
import { useT } from '../i18n/i18n.ts';
import { redo, undo, useFlowStore } from '../state/flow-store.ts';
import { autoLayout, fitView } from './commands.ts';
import { ImportButton } from './ImportDialog.tsx';
import { PublishSlot } from './publish-slot.tsx';

interface ToolbarProps {
  flow: Flow;
  flowId: string;
  readOnly: boolean;
  saving: boolean;
  diagnostics: readonly Diagnostic[];
  onSave: () => Promise<void>;
  onHelp: () => void;
  onError: (message: string) => void;
  /** Validates the draft on the runtime now (templates, employees as stored there). */
  onCheck: () => void;
  checking: boolean;
}

export function Toolbar(props: ToolbarProps) {
  const { flow, flowId, readOnly, saving, diagnostics, onSave, onHelp, onError, onCheck, checking } = props;
  const t = useT();
  const dirty = useFlowStore((state) => state.dirty);
  const canUndo = useStore(useFlowStore.temporal, (state) => state.pastStates.length > 0);
  const canRedo = useStore(useFlowStore.temporal, (state) => state.futureStates.length > 0);
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  const disabledReason = readOnly
    ? t('publish.blockedRole')
    : errors > 0
      ? t('publish.blockedErrors', { count: errors })
      : undefined;
  const exportCsv = async () => {
    try {
      downloadText(`${flow.pipeline.id}-rules.csv`, await api.exportCsv(flow.pipeline.id), 'text/csv');
    } catch (error) {
      onError(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <span className="flow-title">
        {flow.name}{' '}
        <span className={`dirty-state ${dirty ? 'is-dirty' : ''}`}>
          {dirty ? `● ${t('editor.unsaved')}` : `✔ ${t('editor.saved')}`}
        </span>
      </span>
      <button
        type="button"
        className="primary"
        disabled={readOnly || saving || !dirty}
        onClick={() => void onSave().catch(() => undefined)}
      >
        {saving ? t('editor.saving') : t('editor.save')}
      </button>
      <button type="button" disabled={readOnly || !canUndo} onClick={undo} aria-keyshortcuts="Control+Z">
        {t('editor.undo')}
      </button>
      <button type="button" disabled={readOnly || !canRedo} onClick={redo} aria-keyshortcuts="Control+Shift+Z">
        {t('editor.redo')}
      </button>
      <button type="button" onClick={onCheck} aria-busy={checking}>
        {checking ? t('editor.checking') : t('editor.check')}
      </button>
      <button type="button" disabled={readOnly} onClick={() => void autoLayout()}>
        {t('editor.layout')}
      </button>
      <button type="button" onClick={fitView}>
        {t('editor.fit')}
      </button>
      <button type="button" onClick={() => downloadText(flowFileName(flow), exportFlowText(flow), 'application/json')}>
        {t('editor.exportJson')}
      </button>
      {!readOnly && (
        <ImportButton
          acceptLabel={t('import.replaceDraft')}
          onAccept={(imported) => useFlowStore.getState().updateFlow(() => ({ ...imported, id: flowId }))}
        />
      )}
      <button type="button" onClick={() => void exportCsv()}>
        {t('editor.exportCsv')}
      </button>
      <button type="button" onClick={onHelp} aria-keyshortcuts="?">
        {t('editor.shortcuts')}
      </button>
      <span className="toolbar-spacer" />
      {disabledReason && (
        <span className="publish-reason" id="publish-reason">
          <span aria-hidden="true">✖</span> {disabledReason}
        </span>
      )}
      <PublishSlot
        flowId={flowId}
        flow={flow}
        dirty={dirty}
        disabledReason={disabledReason}
        saveDraft={onSave}
        diagnostics={diagnostics}
      />
    </div>
  );
}
