// The embedded defaults: on an empty database, the demo pipeline `sales`, our company, the two
// employees who sign (a director, and the example deals' responsible user), the three demo
// templates and the demo flow, published — all through the same use cases as the API, so the demo
// is checked like any admin's input.
import { readFileSync } from 'node:fs';
import type { Flow } from '../../schemas/index.ts';
import { createFlow } from '../flows/create-flow.ts';
import { publishFlow } from '../flows/publish-flow.ts';
import type { RuntimeServices } from '../services.ts';
import { saveEmployee } from '../settings/save-employee.ts';
import { saveOurCompany } from '../settings/save-our-company.ts';
import { uploadTemplate } from '../templates/upload-template.ts';

const demoFlowFile = new URL('../../schemas/examples/flow.sales.json', import.meta.url);
const demoTemplates = [
  { id: 'contract-standard', documentType: 'contract', name: 'Contract (standard)', file: 'contract-standard.docx' },
  { id: 'contract-large', documentType: 'contract', name: 'Contract (large deal)', file: 'contract-large.docx' },
  { id: 'invoice', documentType: 'invoice', name: 'Invoice', file: 'invoice.docx' },
] as const;

async function isEmpty(services: RuntimeServices): Promise<boolean> {
  const flow = await services.database.db.selectFrom('flows').select('id').limit(1).executeTakeFirst();
  const template = await services.database.db.selectFrom('templates').select('id').limit(1).executeTakeFirst();
  return flow === undefined && template === undefined;
}

/** Seeds the demo when the store has no flow and no template; returns whether it did. */
export async function seedDemo(services: RuntimeServices): Promise<boolean> {
  if (!(await isEmpty(services))) return false;
  await saveOurCompany(services, {
    name: 'Inkflow Demo Ltd',
    taxId: 'IE1234567X',
    address: '1 Dock Road, Dublin 2, Ireland',
    director: 'Maria Keane',
  });
  await saveEmployee(services, 'director', {
    id: 'director',
    name: 'Maria Keane',
    email: 'maria.keane@inkflow-demo.example',
    role: 'Director',
  });
  // The responsible user of the example deals (schemas/examples/deal-event.*.json): the standard
  // contract and the invoice are signed by the deal's responsible user, so they must be an employee.
  await saveEmployee(services, 'u-7', {
    id: 'u-7',
    name: 'Sam Rivera',
    email: 'sam.rivera@inkflow-demo.example',
    role: 'Account executive',
  });
  for (const template of demoTemplates) {
    const bytes = new Uint8Array(readFileSync(new URL(`templates/${template.file}`, import.meta.url)));
    await uploadTemplate(services, {
      fields: { id: template.id, documentType: template.documentType, name: template.name },
      file: { fileName: template.file, bytes },
    });
  }
  const draft = JSON.parse(readFileSync(demoFlowFile, 'utf8')) as Flow;
  const created = await createFlow(services, { draft });
  await publishFlow(services, created.flow.id);
  services.logger.info(
    { flowId: created.flow.id, templates: demoTemplates.length },
    'demo pipeline, templates and flow seeded',
  );
  return true;
}
