// POST /templates/:id/preview: a template filled with a deal (the request's, or the demo deal) as
// PDF, through the same rendering as a rule's document; nothing is stored or sent. The company
// signs through the first employee on file, or the deal's responsible user when there is none.
import { readFileSync } from 'node:fs';
import type { Deal, DealEvent, SendDocumentSettings } from '../../schemas/index.ts';
import { type DocumentPreview, previewDocument } from '../documents/preview-document.ts';
import { notFound } from '../errors/app-error.ts';
import type { RuntimeServices } from '../services.ts';

const demoEventFile = new URL('../../schemas/examples/deal-event.contract.json', import.meta.url);
let demoEvent: DealEvent | undefined;

/** The demo deal event (schemas/examples), read once. */
export function sampleDealEvent(): DealEvent {
  demoEvent ??= JSON.parse(readFileSync(demoEventFile, 'utf8')) as DealEvent;
  return structuredClone(demoEvent);
}

export async function previewTemplate(
  services: RuntimeServices,
  templateId: string,
  deal: Deal | undefined,
): Promise<DocumentPreview> {
  const { db } = services.database;
  const template = await db
    .selectFrom('templates')
    .select('document_type')
    .where('id', '=', templateId)
    .executeTakeFirst();
  if (!template) throw notFound('Template', templateId);
  const employee = await db.selectFrom('employees').select('id').orderBy('id').limit(1).executeTakeFirst();
  const settings: SendDocumentSettings = {
    documentType: template.document_type,
    templateId,
    companySigner: employee ? { kind: 'employee', employeeId: employee.id } : { kind: 'responsibleUser' },
    counterparties: { kind: 'allContacts' },
    signingOrder: 'companyFirst',
    linkExpiryDays: 14,
  };
  const event = sampleDealEvent();
  if (deal) event.deal = deal;
  event.eventId = `preview:${templateId}`;
  return previewDocument(services, { event, settings });
}
