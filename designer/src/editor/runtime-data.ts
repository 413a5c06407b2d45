// Runtime data the forms and checks need: templates (per document type, with placeholders) and
// employees (company signers). Admin-only on the API: other roles are not asked (runtimeDataAccess),
// get null lists marked as withheld, and the server-side validation fills the gap.
import { create } from 'zustand';
import type { DealEvent, Employee, Role, StoredEventList, TemplateInfo } from '../../../schemas/types.generated.ts';
import { api, request } from '../api/client.ts';
import { useSessionStore } from '../api/session.ts';
import { runtimeDataAccess } from './runtime-data-access.ts';

interface RuntimeData {
  templates: TemplateInfo[] | null;
  employees: Employee[] | null;
  /** Lists the role may not read: the forms show their pickers disabled with this reason. */
  withheld: { templates: boolean; employees: boolean };
  error: string | null;
  /** Recent deals of a pipeline (contact roles to suggest); empty for roles that may not read them. */
  recentEvents: { pipelineId: string; events: DealEvent[] } | null;
  /** role: the signed-in one unless given (screens render only once it is known). */
  load: (role?: Role | null) => Promise<void>;
  loadRecentEvents: (pipelineId: string, role?: Role | null) => Promise<void>;
}

const sessionRole = () => useSessionStore.getState().role;
const reasonOf = (result: PromiseSettledResult<unknown>) =>
  result.status === 'rejected' ? String((result.reason as Error).message ?? result.reason) : null;

export const useRuntimeData = create<RuntimeData>((set, get) => ({
  templates: null,
  employees: null,
  withheld: { templates: false, employees: false },
  error: null,
  recentEvents: null,
  loadRecentEvents: async (pipelineId, role = sessionRole()) => {
    if (!runtimeDataAccess(role).storedEvents) return;
    if (get().recentEvents?.pipelineId === pipelineId) return;
    set({ recentEvents: { pipelineId, events: [] } });
    try {
      const list = await request<StoredEventList>(
        'GET',
        `/pipelines/${encodeURIComponent(pipelineId)}/events?limit=100`,
      );
      set({ recentEvents: { pipelineId, events: list.events.map((stored) => stored.event) } });
    } catch {
      // Suggestions then come from the flow alone.
    }
  },
  load: async (role = sessionRole()) => {
    const access = runtimeDataAccess(role);
    const [templates, employees] = await Promise.allSettled([
      access.templates ? api.listTemplates() : Promise.resolve(null),
      access.employees ? api.listEmployees() : Promise.resolve(null),
    ]);
    set({
      templates: templates.status === 'fulfilled' ? templates.value : null,
      employees: employees.status === 'fulfilled' ? employees.value : null,
      withheld: { templates: !access.templates, employees: !access.employees },
      error: reasonOf(templates) ?? reasonOf(employees),
    });
  },
}));
