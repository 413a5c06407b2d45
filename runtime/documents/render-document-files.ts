// Template + deal → DOCX → PDF, and the signing setup stored with them. Each tag the deal lacks
// renders empty and becomes a warning naming the tag and the rule. Conversion errors keep their
// meaning for the caller: retryable ones (LibreOffice crashed or timed out) are "unavailable".
import type { OurCompany, RunMessage, SigningSetup } from '../../schemas/index.ts';
import { AppError } from '../errors/app-error.ts';
import { measureConversion } from '../metrics/record-metrics.ts';
import { PdfConversionError } from '../pdf/pdf-conversion-error.ts';
import type { RuntimeServices } from '../services.ts';
import type { DocumentOrder } from './document-order.ts';
import { loadOurCompany } from './load-our-company.ts';
import { locateMarks } from './locate-marks.ts';
import { buildTemplateData } from './render/build-template-data.ts';
import type { RenderedMark } from './render/signature-marks-module.ts';
import { renderDocxInWorker } from './render/template-in-worker.ts';
import { resolveSigners } from './resolve-signers.ts';
import type { DocumentFiles } from './store-document.ts';

async function loadTemplate(services: RuntimeServices, order: DocumentOrder): Promise<Uint8Array> {
  const { templateId } = order.settings;
  const row = await services.database.db
    .selectFrom('templates')
    .select('content')
    .where('id', '=', templateId)
    .executeTakeFirst();
  if (!row) {
    const by = order.ruleName ? `rule "${order.ruleName}"` : 'this document';
    throw new AppError('not_found', 'TEMPLATE_MISSING', `Template "${templateId}", used by ${by}, does not exist`);
  }
  return row.content;
}

async function convert(services: RuntimeServices, docx: Uint8Array): Promise<Uint8Array> {
  try {
    return await measureConversion(services, () => services.pdf.convert(docx));
  } catch (error) {
    const code = error instanceof PdfConversionError ? error.code : 'PDF_CONVERSION_FAILED';
    const retryable = (error as { retryable?: unknown }).retryable !== false;
    const message = `Converting the document to PDF failed: ${(error as Error).message}`;
    throw new AppError(retryable ? 'unavailable' : 'validation', code, message);
  }
}

function placeholderWarnings(order: DocumentOrder, tags: readonly { tag: string; message: string }[]): RunMessage[] {
  return tags.map(({ tag, message }) => ({
    code: 'PLACEHOLDER_MISSING',
    message: order.ruleName ? `${message} (rule "${order.ruleName}")` : message,
    tag,
    ...(order.ruleName ? { ruleName: order.ruleName } : {}),
  }));
}

export type RenderedDocument = Omit<DocumentFiles, 'pdf' | 'marks'> & {
  /** The marks as rendered, with their anchors; located in the PDF once it is converted. */
  renderedMarks: RenderedMark[];
};

/** The DOCX of a document with its signing setup and warnings, before conversion to PDF. */
export async function renderDocument(
  services: RuntimeServices,
  order: DocumentOrder,
  documentId: string,
): Promise<RenderedDocument> {
  const template = await loadTemplate(services, order);
  const ourCompany = await loadOurCompany(services, order.event.ourCompany);
  const resolved = await resolveSigners(services, order.signers, order.ruleName);
  const employee = resolved.companyEmployee;
  const data = buildTemplateData({
    event: order.event,
    // Unset details render as missing tags (with warnings), not as invented values.
    ourCompany: ourCompany ?? ({} as OurCompany),
    ...(employee ? { companySigner: { name: employee.name, email: employee.email } } : {}),
    signers: resolved.signers,
    documentType: order.settings.documentType,
    documentId,
    now: services.now(),
  });
  const rendered = await renderDocxInWorker(template, data);
  const { companySigner, counterparties, signingOrder, linkExpiryDays, reminderDays, language } = order.settings;
  const signing: SigningSetup = {
    companySigner,
    counterparties,
    signingOrder,
    linkExpiryDays,
    ...(reminderDays !== undefined ? { reminderDays } : {}),
    ...(language !== undefined ? { language } : {}),
    signers: resolved.signers,
  };
  const at = services.now().toISOString();
  const warnings = [...order.warnings, ...resolved.warnings, ...placeholderWarnings(order, rendered.warnings)];
  return {
    docx: rendered.docx,
    signing,
    warnings: warnings.map((warning) => ({ at, ...warning })),
    senderCompany: ourCompany?.name ?? 'inkflow',
    renderedMarks: rendered.marks,
  };
}

export async function renderDocumentFiles(
  services: RuntimeServices,
  order: DocumentOrder,
  documentId: string,
): Promise<DocumentFiles> {
  const { renderedMarks, ...rendered } = await renderDocument(services, order, documentId);
  const pdf = await convert(services, rendered.docx);
  return { ...rendered, pdf, marks: await locateMarks(pdf, renderedMarks) };
}
