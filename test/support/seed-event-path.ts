// The admin's setup that the event → run → document path reads, made through the admin use cases:
// the demo pipeline, our company, the director who signs large contracts, the deals' responsible
// user who signs the others, the demo templates
// (or replacements) and the demo flow, published.
import { buildDemoTemplates } from '../../runtime/demo/build-demo-templates.ts';
import { createFlow } from '../../runtime/flows/create-flow.ts';
import { publishFlow } from '../../runtime/flows/publish-flow.ts';
import { putPipeline } from '../../runtime/pipelines/put-pipeline.ts';
import type { RuntimeServices } from '../../runtime/services.ts';
import { saveEmployee } from '../../runtime/settings/save-employee.ts';
import { saveOurCompany } from '../../runtime/settings/save-our-company.ts';
import { uploadTemplate } from '../../runtime/templates/upload-template.ts';
import type { Employee, Flow, OurCompany } from '../../schemas/index.ts';
import { demoFlow } from './examples.ts';

export const demoOurCompany: OurCompany = {
  name: 'Initech Serviços Ltda',
  taxId: '98.765.432/0001-10',
  address: 'Avenida Paulista 1000, São Paulo',
  director: 'Carla Mendes',
};

export const demoDirector: Employee = {
  id: 'director',
  name: 'Carla Mendes',
  email: 'carla@initech.example',
  role: 'Director',
};

/** The example deals' responsible user (schemas/examples/deal-event.*.json), who signs small contracts. */
export const demoResponsibleUser: Employee = {
  id: 'u-7',
  name: 'Sam Rivera',
  email: 'sam.rivera@initech.example',
  role: 'Account executive',
};

export type DemoTemplateId = 'contract-standard' | 'contract-large' | 'invoice';

const documentTypes: Record<DemoTemplateId, string> = {
  'contract-standard': 'contract',
  'contract-large': 'contract',
  invoice: 'invoice',
};

export async function seedPipelineOf(services: RuntimeServices, flow: Flow): Promise<void> {
  await putPipeline(services, flow.pipeline.id, flow.pipeline);
}

export async function seedTemplate(
  services: RuntimeServices,
  id: string,
  documentType: string,
  bytes: Uint8Array,
): Promise<void> {
  await uploadTemplate(services, { fields: { id, documentType }, file: { fileName: `${id}.docx`, bytes } });
}

/** Everything the demo flow needs, then the flow published. `templates` replaces demo templates. */
export async function seedDemoSales(
  services: RuntimeServices,
  templates: Partial<Record<DemoTemplateId, Uint8Array>> = {},
): Promise<void> {
  await saveOurCompany(services, demoOurCompany);
  await saveEmployee(services, demoDirector.id, demoDirector);
  await saveEmployee(services, demoResponsibleUser.id, demoResponsibleUser);
  const demo = buildDemoTemplates();
  const files: Record<DemoTemplateId, Uint8Array> = {
    'contract-standard': demo['contract-standard.docx'],
    'contract-large': demo['contract-large.docx'],
    invoice: demo['invoice.docx'],
    ...templates,
  };
  for (const [id, bytes] of Object.entries(files) as [DemoTemplateId, Uint8Array][]) {
    await seedTemplate(services, id, documentTypes[id], bytes);
  }
  const flow = demoFlow();
  await createFlow(services, { draft: flow });
  await publishFlow(services, flow.id);
}
