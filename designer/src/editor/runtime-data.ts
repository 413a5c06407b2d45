// Runtime data the forms and checks need: templates (per document type, with placeholders) and
// employees (company signers). Admin-only on the API; other roles get empty lists and the
// server-side validation fills the gap.
import { create } from 'zustand';
import type { DealEvent, Employee, StoredEventList, TemplateInfo } from '../../../schemas/types.generated.ts';
import { api, request } from '../api/client.ts';

interface RuntimeData {
  templates: TemplateInfo[] | null;
  employees: Employee[] | null;
  error: string | null;
  /** Recent deals of a pipeline (contact roles to suggest); empty for roles that may not read them. */
  recentEvents: { pipelineId: string; events: DealEvent[] } | null;
  load: () => Promise<void>;
  loadRecentEvents: (pipelineId: string) => Promise<void>;
}

export const useRuntimeData = create<RuntimeData>((set, get) => ({
  templates: null,
  employees: null,
  error: null,
  recentEvents: null,
  loadRecentEvents: async (pipelineId) => {
    if (get().recentEvents?.pipelineId === pipelineId) return;
    set({ recentEvents: { pipelineId, events: [] } });
    try {
      const list = await request<StoredEventList>(
        'GET',
        `/pipelines/${encodeURIComponent(pipelineId)}/events?limit=100`,
      );
      set({ recentEvents: { pipelineId, events: list.events.map((stored) => stored.event) } });
    } catch {
      // Analysts may not read deals: suggestions then come from the flow alone.
    }
  },
  load: async () => {
    const [templates, employees] = await Promise.allSettled([api.listTemplates(), api.listEmployees()]);
    set({
      templates: templates.status === 'fulfilled' ? templates.value : null,
      employees: employees.status === 'fulfilled' ? employees.value : null,
      error:
        templates.status === 'rejected'
          ? String((templates.reason as Error).message ?? templates.reason)
          : employees.status === 'rejected'
            ? String((employees.reason as Error).message ?? employees.reason)
            : null,
    });
  },
}));
