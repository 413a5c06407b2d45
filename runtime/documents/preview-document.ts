// POST /previews/document: the PDF a sendDocument node would make for a deal event, rendered by the
// same path as a rule's document (renderDocumentFiles: template, signers, DOCX, PDF) and then
// dropped: nothing is stored, nothing is sent, no run is touched.
import { planSigners } from '../../engine/evaluate/plan-signers.ts';
import type { DealEvent, PlanWarning, RunMessage, SendDocumentSettings } from '../../schemas/index.ts';
import { validationError } from '../errors/app-error.ts';
import { timeOrderedId } from '../runs/time-ordered-id.ts';
import type { RuntimeServices } from '../services.ts';
import { renderDocumentFiles } from './render-document-files.ts';

export interface DocumentPreviewInput {
  event: DealEvent;
  settings: SendDocumentSettings;
  ruleName?: string;
}

export interface DocumentPreview {
  pdf: Uint8Array;
  warnings: RunMessage[];
}

export async function previewDocument(
  services: RuntimeServices,
  input: DocumentPreviewInput,
): Promise<DocumentPreview> {
  const { event, settings } = input;
  if (settings.templateId === '') {
    throw validationError('ACTION_TEMPLATE_MISSING', 'Choose a template for this document before previewing it', [
      { pointer: '/settings/templateId', message: 'must name a template' },
    ]);
  }
  const ruleName = input.ruleName ?? null;
  const planWarnings: PlanWarning[] = [];
  const signers = planSigners(settings, event.deal, ruleName ?? 'preview', planWarnings);
  const files = await renderDocumentFiles(
    services,
    {
      actionKey: `preview:${timeOrderedId()}`,
      runId: null,
      ruleName,
      event,
      settings,
      signers,
      warnings: planWarnings.map((warning) => ({ code: warning.code, message: warning.message })),
    },
    'preview',
  );
  return { pdf: files.pdf, warnings: files.warnings };
}
