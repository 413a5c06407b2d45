// What validation checks a flow against on this instance: the stored template and employee ids,
// each template's placeholders that no deal can fill and the highest client its marks name (warnings on publish).
import type { ValidationContext } from '../../engine/validation/validate-flow.ts';
import type { SignatureMark } from '../../schemas/index.ts';
import type { RuntimeServices } from '../services.ts';
import { loadCustomFields } from '../templates/load-custom-fields.ts';
import { placeholderWarnings } from '../templates/placeholder-warnings.ts';

export async function loadValidationContext(services: Pick<RuntimeServices, 'database'>): Promise<ValidationContext> {
  const { db } = services.database;
  const [templates, employees, customFields] = await Promise.all([
    db.selectFrom('templates').select(['id', 'placeholders', 'marks']).orderBy('id').execute(),
    db.selectFrom('employees').select('id').orderBy('id').execute(),
    loadCustomFields(services),
  ]);
  const unknownPlaceholders: Record<string, string[]> = {};
  const clientMarks: Record<string, number> = {};
  for (const row of templates) {
    const marks = JSON.parse(row.marks) as SignatureMark[];
    const highest = Math.max(0, ...marks.filter((mark) => mark.party === 'client').map((mark) => mark.partyIndex));
    if (highest > 0) clientMarks[row.id] = highest;
    const warnings = placeholderWarnings(JSON.parse(row.placeholders) as string[], customFields);
    if (warnings.length > 0) unknownPlaceholders[row.id] = warnings.map((warning) => warning.placeholder);
  }
  return {
    templates: templates.map((row) => row.id),
    employees: employees.map((row) => row.id),
    unknownPlaceholders,
    clientMarks,
  };
}
