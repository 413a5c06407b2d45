// The deal a template preview is filled with: the runtime's demo deal (no body), the deal of a
// stored event, or one typed into the sample-deal form. Sent as POST /templates/:id/preview {deal}.
import type { Deal, DealEvent, Pipeline } from '../../../../schemas/index.ts';
import type { DealFormSpec } from '../test-deal/deal-form.ts';
import { blankForm, eventFromForm, type Problem, type SampleForm } from '../test-deal/sample-event.ts';

export type PreviewChoice =
  | { kind: 'demo' }
  | { kind: 'stored'; event: DealEvent | undefined }
  | { kind: 'form'; spec: DealFormSpec; form: SampleForm; pipelineId: string };

export type PreviewDeal =
  | { ok: true; deal: Deal | undefined }
  | { ok: false; reason: 'noEvent' }
  | { ok: false; reason: 'problems'; problems: Problem[] };

/**
 * A blank sample for previews. The form is read as a completed document's event so that the
 * deal's stage stays an input of its own (a stage trigger would fix it); only the deal is sent.
 */
export function previewSampleForm(pipeline: Pipeline, now: Date): SampleForm {
  const form = blankForm({ type: 'document.completed', selector: 'template-preview' }, now);
  const firstStage = pipeline.stages[0];
  return firstStage ? { ...form, values: { ...form.values, '/deal/stageId': firstStage.id } } : form;
}

export function previewDeal(choice: PreviewChoice): PreviewDeal {
  if (choice.kind === 'demo') return { ok: true, deal: undefined };
  if (choice.kind === 'stored')
    return choice.event ? { ok: true, deal: choice.event.deal } : { ok: false, reason: 'noEvent' };
  const built = eventFromForm(choice.spec, choice.form, choice.pipelineId);
  return built.ok ? { ok: true, deal: built.event.deal } : { ok: false, reason: 'problems', problems: built.problems };
}
