// Runtime data the forms and checks need: templates (per document type, with placeholders) and
// employees (company signers). Admin-only on the API; other roles get empty lists and the
// server-side validation fills the gap.
import { create } from 'zustand';
import type { Employee, TemplateInfo } from '../../../schemas/types.generated.ts';
import { api } from '../api/client.ts';

interface RuntimeData {
  templates: TemplateInfo[] | null;
  employees: Employee[] | null;
  error: string | null;
  load: () => Promise<void>;
}

export const useRuntimeData = create<RuntimeData>((set) => ({
  templates: null,
  employees: null,
  error: null,
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
