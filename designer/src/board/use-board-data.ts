// The board's data: pipelines, the drafts of the chosen pipeline's flows, and templates (names).
import { useEffect, useState } from 'react';
import type { Flow, FlowSummary, Pipeline } from '../../../schemas/types.generated.ts';
import { api } from '../api/client.ts';
import { describeApiError } from '../editor/use-flow-document.ts';

export interface BoardData {
  pipelines: Pipeline[] | null;
  flows: { summary: FlowSummary; draft: Flow }[] | null;
  error: string | null;
}

export function useBoardData(pipelineId: string | undefined): BoardData {
  const [pipelines, setPipelines] = useState<Pipeline[] | null>(null);
  const [flows, setFlows] = useState<BoardData['flows']>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.listPipelines().then(setPipelines, (caught) => setError(describeApiError(caught)));
  }, []);
  useEffect(() => {
    if (!pipelineId) return;
    let cancelled = false;
    setFlows(null);
    (async () => {
      const summaries = (await api.listFlows()).filter((summary) => summary.pipelineId === pipelineId);
      const details = await Promise.all(summaries.map((summary) => api.getFlow(summary.id)));
      if (!cancelled) setFlows(details.map((detail) => ({ summary: detail.flow, draft: detail.draft })));
    })().catch((caught) => !cancelled && setError(describeApiError(caught)));
    return () => {
      cancelled = true;
    };
  }, [pipelineId]);
  return { pipelines, flows, error };
}
