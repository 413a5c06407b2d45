// Renders a DOCX template with a deal's data. A tag the data lacks renders empty and is reported
// once as a warning (a section on an absent value is a false condition, not a warning), so a half-filled template still yields a document the run can show and explain.
import type { DXT } from 'docxtemplater';
import type { TemplateData } from '../../../schemas/index.ts';
import { openTemplate } from './open-template.ts';
import { qualifyInLoops } from './placeholder-path.ts';

export interface RenderWarning {
  code: 'PLACEHOLDER_MISSING';
  tag: string;
  message: string;
}

export interface RenderedDocx {
  docx: Uint8Array;
  warnings: RenderWarning[];
}

// Fixed entry dates make the output a function of template and data alone. Built from local
// components because zip stores local time: the bytes are the same in every time zone.
const entryDate = new Date(2000, 0, 1, 0, 0, 0);

export function renderDocx(template: Uint8Array, data: TemplateData): RenderedDocx {
  const missing = new Set<string>();
  const nullGetter = (part: DXT.Part, scopeManager: DXT.ScopeManager): string => {
    // A section ({#deal.fields.vip}…, {^…}) on an absent value is a condition that is false: its
    // content is left out (or shown, for ^) as the author wrote, which is nothing to warn about.
    if (part.module !== 'loop') missing.add(qualifyInLoops(scopeManager.scopePath, part.value));
    return '';
  };
  const document = openTemplate(template, { nullGetter });
  document.render(data);
  const zip = document.getZip();
  for (const entry of Object.values(zip.files)) entry.date = entryDate;
  const docx = zip.generate({ type: 'uint8array', compression: 'DEFLATE' });
  const warnings = [...missing].map((tag) => ({
    code: 'PLACEHOLDER_MISSING' as const,
    tag,
    message: `The template uses {${tag}} but the data for this document has no value for it; it was left empty.`,
  }));
  return { docx, warnings };
}
