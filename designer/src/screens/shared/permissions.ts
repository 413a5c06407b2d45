// What each role may do on these screens, from the runtime's role table (README "Tokens and
// roles"): hidden or disabled in the UI, not just refused by the API.
import type { Role } from '../../../../schemas/index.ts';

type Check = (role: Role | null) => boolean;
const admin: Check = (role) => role === 'admin';

export const may = {
  publish: admin,
  rollback: admin,
  manageTemplates: admin,
  previewDocuments: admin,
  /** GET /templates and GET /employees are admin-only: other roles are not asked (no 403s). */
  readTemplates: admin,
  readEmployees: admin,
  /** Stored events and runs hold the deal's personal data: admin and the CRM client, not analysts. */
  readStoredEvents: (role) => role === 'admin' || role === 'client',
  readRuns: (role) => role === 'admin' || role === 'client',
  /** Flows and versions: admin and analyst (the CRM client reads runs, not rules). */
  readFlows: (role) => role === 'admin' || role === 'analyst',
  seePersonalData: (role) => role === 'admin' || role === 'client',
} satisfies Record<string, Check>;
