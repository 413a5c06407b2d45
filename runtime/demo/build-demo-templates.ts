// Builds the demo DOCX templates (contract, large-deal contract, invoice) from hand-written
// WordprocessingML and writes them to runtime/demo/templates/. Deterministic: the same source
// gives the same bytes, so the committed files can be checked against a fresh build.
//   npx tsx runtime/demo/build-demo-templates.ts
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildContractTemplate } from './templates/contract-template.ts';
import { buildInvoiceTemplate } from './templates/invoice-template.ts';

export const demoTemplatesDirectory = join(dirname(fileURLToPath(import.meta.url)), 'templates');

export const demoTemplateFiles = ['contract-standard.docx', 'contract-large.docx', 'invoice.docx'] as const;
export type DemoTemplateFile = (typeof demoTemplateFiles)[number];

export function buildDemoTemplates(): Record<DemoTemplateFile, Uint8Array> {
  return {
    'contract-standard.docx': buildContractTemplate('standard'),
    'contract-large.docx': buildContractTemplate('large'),
    'invoice.docx': buildInvoiceTemplate(),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [file, bytes] of Object.entries(buildDemoTemplates())) {
    writeFileSync(join(demoTemplatesDirectory, file), bytes);
    console.log(`wrote ${join(demoTemplatesDirectory, file)} (${bytes.length} bytes)`);
  }
}
