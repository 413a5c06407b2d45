// Placeholders no document can ever fill: not a path of the template data
// (schemas/template-data.schema.json) and, under deal.fields, not a custom field of any pipeline.
// Each comes with the closest known path, since most are typos ({Deal.Title}, {ourCompany.site}).
import { closestName } from '../../engine/validation/message-text.ts';
import type { TemplateWarning } from '../../schemas/index.ts';
import { pathKind, templatePaths } from '../documents/render/template-paths.ts';

const fieldsPrefix = 'deal.fields.';

/** `customFields` undefined: no pipeline is known yet, so any deal.fields.<name> may come. */
export function placeholderWarnings(
  placeholders: readonly string[],
  customFields: readonly string[] | undefined,
): TemplateWarning[] {
  const fieldPaths = (customFields ?? []).map((field) => `${fieldsPrefix}${field}`);
  const known = [...templatePaths.keys(), ...fieldPaths];
  const warnings: TemplateWarning[] = [];
  for (const placeholder of placeholders) {
    if (isKnown(placeholder, customFields)) continue;
    const suggestion = closestName(placeholder, known);
    const isField = placeholder.startsWith(fieldsPrefix);
    const reason = isField
      ? `"${placeholder.slice(fieldsPrefix.length)}" is not a custom field of any pipeline`
      : 'it is not a path of the template data';
    warnings.push({
      code: 'PLACEHOLDER_UNKNOWN',
      placeholder,
      ...(suggestion ? { suggestion } : {}),
      message:
        `{${placeholder}} can never be filled: ${reason}, so it will always print empty.` +
        (suggestion ? ` Did you mean {${suggestion}}?` : ' See the template data paths in the README.'),
    });
  }
  return warnings;
}

function isKnown(placeholder: string, customFields: readonly string[] | undefined): boolean {
  if (placeholder.startsWith(fieldsPrefix)) {
    const field = placeholder.slice(fieldsPrefix.length);
    return customFields === undefined || customFields.includes(field.split('.')[0] ?? '');
  }
  return pathKind(placeholder) !== undefined;
}
