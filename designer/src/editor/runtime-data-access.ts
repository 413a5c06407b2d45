// Which of the runtime's lists the editor may ask for with this role. The API answers 403 to the
// others, so they are not asked at all and the forms say why they are disabled instead.
import type { Role } from '../../../schemas/types.generated.ts';
import { may } from '../screens/shared/permissions.ts';

export interface RuntimeDataAccess {
  templates: boolean;
  employees: boolean;
  /** Recent deals (contact roles to suggest): personal data. */
  storedEvents: boolean;
}

export function runtimeDataAccess(role: Role | null): RuntimeDataAccess {
  return {
    templates: may.readTemplates(role),
    employees: may.readEmployees(role),
    storedEvents: may.readStoredEvents(role),
  };
}
