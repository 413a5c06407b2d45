// STAGE_UNKNOWN: a stage trigger or a move-deal action names a stage the pipeline does not have,
// so the trigger would never fire (or the CRM would reject the move).
import type { Diagnostic } from '../../schemas/index.ts';
import { error } from './diagnostic.ts';
import { type FlowUnderCheck, nodePointer, uniqueNodes } from './flow-under-check.ts';
import { didYouMean, listForMessage } from './message-text.ts';

export function checkStages(subject: FlowUnderCheck): Diagnostic[] {
  const pipeline = subject.flow.pipeline;
  const stageIds = pipeline.stages.map((stage) => stage.id);
  const diagnostics: Diagnostic[] = [];
  for (const node of uniqueNodes(subject)) {
    if (node.type !== 'stageEntered' && node.type !== 'moveDeal') continue;
    const stageId = node.data.stageId;
    if (stageIds.includes(stageId)) continue;
    const message =
      `Stage "${stageId}" is not in pipeline ${pipeline.id} (stages: ${listForMessage(stageIds)}).` +
      `${didYouMean(stageId, stageIds)} Pick one of the pipeline's stages.`;
    diagnostics.push(
      error('STAGE_UNKNOWN', message, { nodeId: node.id, pointer: nodePointer(subject, node.id, '/data/stageId') }),
    );
  }
  return diagnostics;
}
