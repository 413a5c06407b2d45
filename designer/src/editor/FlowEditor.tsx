// The flow editor: toolbar, palette, canvas, side panel and problems for one flow.
import { useCallback, useEffect, useRef, useState } from 'react';
import { positionsMissing } from '../../../engine/layout/positions-missing.ts';
import { canEdit, useSession } from '../api/session.ts';
import { ErrorText } from '../app/ErrorText.tsx';
import { useT } from '../i18n/i18n.ts';
import { useFlowStore } from '../state/flow-store.ts';
import { autoLayout, focusNode, prepareAutoLayout } from './commands.ts';
import { EditorCanvas } from './EditorCanvas.tsx';
import { Palette } from './Palette.tsx';
import { ProblemsList } from './ProblemsList.tsx';
import { SidePanel } from './panel/SidePanel.tsx';
import { useRuntimeData } from './runtime-data.ts';
import { ShortcutsSheet } from './ShortcutsSheet.tsx';
import { Toolbar } from './Toolbar.tsx';
import { useFlowDocument } from './use-flow-document.ts';
import { useLiveDiagnostics } from './use-live-diagnostics.ts';
import { useEditorShortcuts } from './use-shortcuts.ts';

const prepareAfterMs = 1000;
const scheduleIdle = (callback: () => void): void => {
  if (window.requestIdleCallback) window.requestIdleCallback(callback);
  else setTimeout(callback, 200);
};

export function FlowEditor({ flowId, focusNodeId }: { flowId: string; focusNodeId?: string }) {
  const t = useT();
  const { role } = useSession();
  const readOnly = !canEdit(role);
  const flow = useFlowStore((state) => state.flow);
  const loadedId = useFlowStore((state) => state.flowId);
  const document = useFlowDocument(flowId);
  const { diagnostics, pending, checkNow } = useLiveDiagnostics(flow, loadedId);
  const [help, setHelp] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    void useRuntimeData.getState().load();
  }, []);
  // A flow whose nodes all sit on one spot (a generated file) is laid out as it opens, in ELK's
  // worker; any other opens at its stored positions at once, without waiting for a layout.
  const laidOutOnOpen = useRef<string | null>(null);
  useEffect(() => {
    if (readOnly || loadedId !== flowId || laidOutOnOpen.current === flowId) return;
    laidOutOnOpen.current = flowId;
    const opened = useFlowStore.getState().flow;
    if (opened && positionsMissing(opened)) void autoLayout();
    // The others get ELK started, warmed and their layout ready in the worker while the user looks
    // at the flow, so Auto-layout (L) applies at once. A second later: on 2 shared cores the worker
    // starting during the first frames slowed the open itself.
    else setTimeout(() => scheduleIdle(() => void prepareAutoLayout()), prepareAfterMs);
  }, [readOnly, loadedId, flowId]);
  // Opened from the stage board on one rule: select and centre its node once the flow is in.
  useEffect(() => {
    if (focusNodeId && loadedId === flowId) {
      const timer = setTimeout(() => focusNode(focusNodeId), 50);
      return () => clearTimeout(timer);
    }
  }, [focusNodeId, loadedId, flowId]);

  const save = useCallback(async () => {
    if (!readOnly) await document.save();
  }, [readOnly, document.save]);
  const openHelp = useCallback(() => setHelp(true), []);
  useEditorShortcuts({ readOnly, onSave: () => void save().catch(() => undefined), onHelp: openHelp });

  if (document.loadError) return <ErrorText>{t('editor.loadFailed', { message: document.loadError })}</ErrorText>;
  if (!flow || loadedId !== flowId) return <p className="loading">{t('common.loading')}</p>;
  return (
    <section className="editor" aria-label={t('nav.editor')}>
      <Toolbar
        flow={flow}
        flowId={flowId}
        readOnly={readOnly}
        saving={document.saving}
        diagnostics={diagnostics}
        onSave={save}
        onHelp={openHelp}
        onError={setNotice}
        onCheck={checkNow}
        checking={pending}
      />
      {readOnly && <ErrorText severity="warning">{t('editor.readOnly')}</ErrorText>}
      {document.restored && (
        <div className="notice" role="status">
          <span aria-hidden="true">↺</span> {t('editor.restored')}{' '}
          <button type="button" onClick={document.discardLocal}>
            {t('editor.discardLocal')}
          </button>
        </div>
      )}
      {document.saveError && <ErrorText>{t('editor.saveFailed', { message: document.saveError })}</ErrorText>}
      {notice && <ErrorText>{notice}</ErrorText>}
      <div className="editor-body">
        <Palette disabled={readOnly} />
        <EditorCanvas diagnostics={diagnostics} readOnly={readOnly} />
        <SidePanel diagnostics={diagnostics} readOnly={readOnly} />
      </div>
      <ProblemsList diagnostics={diagnostics} pending={pending} />
      {help && <ShortcutsSheet onClose={() => setHelp(false)} />}
    </section>
  );
}
