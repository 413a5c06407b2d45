// Loading one flow into the store (with unsaved local edits restored), keeping edits in
// localStorage while dirty, asking before leaving, and saving the draft to the runtime.
import { useCallback, useEffect, useState } from 'react';
import type { FlowDetail, FlowSummary } from '../../../schemas/types.generated.ts';
import { ApiRequestError, api } from '../api/client.ts';
import { setLeaveGuard } from '../app/navigate.ts';
import { t } from '../i18n/i18n.ts';
import { useFlowStore } from '../state/flow-store.ts';
import { forgetUnsaved, keepUnsaved, readUnsaved } from '../state/unsaved-drafts.ts';

export interface FlowDocumentState {
  summary: FlowSummary | null;
  loadError: string | null;
  restored: boolean;
  saving: boolean;
  saveError: string | null;
  save: () => Promise<void>;
  discardLocal: () => void;
}

export function describeApiError(error: unknown): string {
  if (error instanceof ApiRequestError) {
    const details = error.details.map((detail) => `${detail.pointer ?? ''} ${detail.message}`.trim()).join('; ');
    return `${error.code}: ${error.message}${details ? ` (${details})` : ''}`;
  }
  return error instanceof Error ? error.message : String(error);
}

export function useFlowDocument(flowId: string): FlowDocumentState {
  const [detail, setDetail] = useState<FlowDetail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [restored, setRestored] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    setLoadError(null);
    api
      .getFlow(flowId)
      .then((loaded) => {
        if (cancelled) return;
        setDetail(loaded);
        const local = readUnsaved(flowId);
        const differs = local && JSON.stringify(local.flow) !== JSON.stringify(loaded.draft);
        useFlowStore.getState().setFlow(differs ? local.flow : loaded.draft, { dirty: Boolean(differs) });
        setRestored(Boolean(differs));
        if (!differs) forgetUnsaved(flowId);
      })
      .catch((error) => !cancelled && setLoadError(describeApiError(error)));
    return () => {
      cancelled = true;
    };
  }, [flowId]);

  // Every change of a dirty flow is kept locally (debounced), so a reload loses nothing.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = useFlowStore.subscribe((state, previous) => {
      if (state.flow === previous.flow && state.dirty === previous.dirty) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        const { flow, dirty, flowId: current } = useFlowStore.getState();
        if (flow && dirty && current === flowId) keepUnsaved(flowId, flow, detail?.flow.draftUpdatedAt ?? null);
      }, 300);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [flowId, detail]);

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!useFlowStore.getState().dirty) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    setLeaveGuard(() => !useFlowStore.getState().dirty || window.confirm(t('editor.leaveConfirm')));
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      setLeaveGuard(null);
    };
  }, []);

  const save = useCallback(async () => {
    const flow = useFlowStore.getState().flow;
    if (!flow) return;
    setSaving(true);
    setSaveError(null);
    try {
      const saved = await api.saveDraft(flowId, flow);
      setDetail(saved);
      // Edits made while the request ran stay dirty.
      if (useFlowStore.getState().flow === flow) {
        useFlowStore.getState().markSaved();
        forgetUnsaved(flowId);
      }
      setRestored(false);
    } catch (error) {
      setSaveError(describeApiError(error));
      throw error;
    } finally {
      setSaving(false);
    }
  }, [flowId]);

  const discardLocal = useCallback(() => {
    forgetUnsaved(flowId);
    if (detail) useFlowStore.getState().setFlow(detail.draft);
    setRestored(false);
  }, [flowId, detail]);

  return { summary: detail?.flow ?? null, loadError, restored, saving, saveError, save, discardLocal };
}
