// Bitrix24 stages ↔ inkflow stages. A deal's CATEGORY_ID (0: the default pipeline) picks the
// inkflow pipeline from INKFLOW_BITRIX24_PIPELINES; its STAGE_ID ("NEW", "C1:PREPARATION") is the
// stage the category's `stages` names for it, or else, by rule, without the "C<n>:" prefix and in
// lower case ("C1:PREPARATION" → "preparation"). Going back, the same table is read the other way.
import type { Bitrix24PipelineMap } from '../../../schemas/index.ts';

export type InkflowStage = { mapped: true; pipelineId: string; stageId: string } | { mapped: false; reason: string };

const identifier = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;
const bitrixStage = /^[A-Z0-9_]{1,64}$/;

const categoryPrefix = (categoryId: string): string => (categoryId === '0' ? '' : `C${categoryId}:`);

/** The inkflow pipeline and stage of a Bitrix24 deal's category and stage. */
export function inkflowStageOf(pipelines: Bitrix24PipelineMap, categoryId: string, stageId: string): InkflowStage {
  const entry = Object.hasOwn(pipelines, categoryId) ? pipelines[categoryId] : undefined;
  if (!entry)
    return {
      mapped: false,
      reason: `Bitrix24 deal category ${categoryId} is not mapped to an inkflow pipeline: add "${categoryId}" to INKFLOW_BITRIX24_PIPELINES`,
    };
  const listed = entry.stages && Object.hasOwn(entry.stages, stageId) ? entry.stages[stageId] : undefined;
  const named = listed ?? stageId.replace(/^C\d+:/, '').toLowerCase();
  if (!identifier.test(named))
    return {
      mapped: false,
      reason: `Bitrix24 stage "${stageId}" gives no usable inkflow stage id: map it in INKFLOW_BITRIX24_PIPELINES["${categoryId}"].stages`,
    };
  return { mapped: true, pipelineId: entry.pipelineId, stageId: named };
}

/** The Bitrix24 STAGE_ID for an inkflow pipeline's stage, or undefined when none maps to it. */
export function bitrixStageOf(
  pipelines: Bitrix24PipelineMap,
  pipelineId: string,
  stageId: string,
): { categoryId: string; stageId: string } | undefined {
  const category = Object.entries(pipelines).find(([, entry]) => entry?.pipelineId === pipelineId);
  const [categoryId, entry] = category ?? [];
  if (categoryId === undefined || !entry) return undefined;
  const listed = Object.entries(entry.stages ?? {}).find(([, inkflow]) => inkflow === stageId)?.[0];
  if (listed !== undefined) return { categoryId, stageId: listed };
  const byRule = stageId.toUpperCase();
  // Only a name the rule could have made is turned back; anything else must be listed.
  if (!bitrixStage.test(byRule) || stageId !== stageId.toLowerCase()) return undefined;
  return { categoryId, stageId: `${categoryPrefix(categoryId)}${byRule}` };
}
