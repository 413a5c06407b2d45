// Renders a DOCX template with a deal's data. A tag the data lacks renders empty and is reported
// once as a warning (a section on an absent value is a false condition, not a warning), so a half-filled template still yields a document the run can show and explain.
import { createHash } from 'node:crypto';
import type { DXT } from 'docxtemplater';
import type { TemplateData } from '../../../schemas/index.ts';
import { openTemplate } from './open-template.ts';
import { qualifyInLoops } from './placeholder-path.ts';
import { createSignatureMarksModule, type RenderedMark } from './signature-marks-module.ts';

export interface RenderWarning {
  code: 'PLACEHOLDER_MISSING';
  tag: string;
  message: string;
}

export interface RenderedDocx {
  docx: Uint8Array;
  warnings: RenderWarning[];
  /** Each mark as rendered, in document order, with the anchors that locate its box in the PDF. */
  marks: RenderedMark[];
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
  // The anchors' nonce is a function of template and data (the output stays deterministic) that a
  // deal's own text cannot predict, so it cannot plant a fake anchor to move a signature box.
  const nonce = createHash('sha256')
    .update(template)
    .update(JSON.stringify(data))
    .digest('hex')
    .slice(0, 8)
    .toUpperCase();
  const marks = createSignatureMarksModule(nonce);
  const document = openTemplate(template, { nullGetter, marks });
  document.render(data);
  const zip = document.getZip();
  for (const entry of Object.values(zip.files)) entry.date = entryDate;
  const docx = zip.generate({ type: 'uint8array', compression: 'DEFLATE' });
  const warnings = [...missing].map((tag) => ({
    code: 'PLACEHOLDER_MISSING' as const,
    tag,
    message: `The template uses {${tag}} but the data for this document has no value for it; it was left empty.`,
  }));
  return { docx, warnings, marks: marks.rendered };
}
