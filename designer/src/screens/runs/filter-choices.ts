// The runs screen's stage and document-type pickers: the stages of the pipelines (in their order),
// the document types the flows (draft and active version) and the templates know, and whatever
// the runs on screen show, so that a role that may not read flows still gets the values it sees.
import { nodeKinds } from '../../../../engine/flow/node-kinds.ts';
import type { Flow, FlowNode, Pipeline, Run, TemplateInfo } from '../../../../schemas/index.ts';
import { runDocumentTypes, runStage } from './run-filters.ts';

export interface StageChoice {
  stageId: string;
  /** The stage's name, with its pipeline's when more than one pipeline is known. */
  label: string;
}

export interface FilterSources {
  pipelines: readonly Pipeline[];
  flows: readonly Flow[];
  templates: readonly TemplateInfo[];
  runs: readonly Run[];
}

export interface FilterChoices {
  stages: StageChoice[];
  documentTypes: string[];
}

/** The document types a flow sends or is triggered by (completed / declined documents). */
export function flowDocumentTypes(flow: Flow): string[] {
  const types = new Set<string>();
  for (const node of flow.nodes) {
    if (node.type === 'sendDocument') types.add(node.data.documentType);
    const spec = nodeKinds[node.type];
    if (spec.role === 'trigger' && spec.selectorFact === 'documentType') {
      types.add((spec.selectorValue as (trigger: FlowNode) => string)(node));
    }
  }
  types.delete('');
  return [...types];
}

export function filterChoices(sources: FilterSources): FilterChoices {
  const labels = new Map<string, string[]>();
  const several = sources.pipelines.length > 1;
  for (const pipeline of sources.pipelines) {
    for (const stage of pipeline.stages) {
      const label = several ? `${stage.name} (${pipeline.name})` : stage.name;
      labels.set(stage.id, [...(labels.get(stage.id) ?? []), label]);
    }
  }
  for (const run of sources.runs) {
    const stageId = runStage(run);
    if (stageId && !labels.has(stageId)) labels.set(stageId, [stageId]);
  }
  const stages = [...labels].map(([stageId, names]) => ({ stageId, label: names.join(' · ') }));
  const documentTypes = new Set<string>();
  for (const flow of sources.flows) for (const type of flowDocumentTypes(flow)) documentTypes.add(type);
  for (const template of sources.templates) documentTypes.add(template.documentType);
  for (const run of sources.runs) for (const type of runDocumentTypes(run)) documentTypes.add(type);
  return { stages, documentTypes: [...documentTypes].sort() };
}
