// inkflow → Bitrix24: move a deal (crm.deal.update with the inkflow stage mapped back to STAGE_ID)
// and add a timeline comment (crm.timeline.comment.add). Errors are the REST client's JobErrors:
// retried for the network and 5xx, final for refusals; a stage with no Bitrix24 name is final too.
import { JobError } from '../../jobs/job-error.ts';
import type { CrmConnector } from '../crm-connector.ts';
import type { Bitrix24Config } from './bitrix24-config.ts';
import { bitrix24Rest } from './bitrix24-rest.ts';
import { bitrixStageOf } from './stage-mapping.ts';

/** Bitrix24 keeps comments of any length; a bound keeps a runaway text out of the CRM. */
export const maxCommentLength = 10_000;

function bitrixDealId(dealId: string): string {
  if (!/^[1-9][0-9]{0,17}$/.test(dealId))
    throw new JobError(
      'CRM_DEAL_ID_INVALID',
      `"${dealId.slice(0, 50)}" is not a Bitrix24 deal id (a positive integer)`,
      {
        retryable: false,
      },
    );
  return dealId;
}

export function bitrix24Connector(config: Bitrix24Config): CrmConnector {
  const rest = bitrix24Rest(config);
  return {
    name: 'bitrix24',
    async moveDeal({ dealId, pipelineId, stageId }) {
      const id = bitrixDealId(dealId);
      const target = bitrixStageOf(config.pipelines, pipelineId, stageId);
      if (!target)
        throw new JobError(
          'CRM_STAGE_NOT_MAPPED',
          `inkflow stage "${stageId}" of pipeline "${pipelineId}" has no Bitrix24 stage: map it in INKFLOW_BITRIX24_PIPELINES`,
          { retryable: false },
        );
      const result = await rest.call('crm.deal.update', { id, fields: { STAGE_ID: target.stageId } });
      if (result !== true)
        throw new JobError('BITRIX24_REFUSED', `Bitrix24 crm.deal.update did not confirm moving deal ${id}`, {
          retryable: false,
        });
    },
    async addTimelineComment({ dealId, text }) {
      const id = bitrixDealId(dealId);
      if (text.trim() === '' || text.length > maxCommentLength)
        throw new JobError('CRM_COMMENT_INVALID', `a timeline comment must have 1 to ${maxCommentLength} characters`, {
          retryable: false,
        });
      await rest.call('crm.timeline.comment.add', {
        fields: { ENTITY_ID: Number(id), ENTITY_TYPE: 'deal', COMMENT: text },
      });
    },
  };
}
