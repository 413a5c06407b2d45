// DELETE /flows/:id: removes a flow with its draft and every published version, so a flow that
// cannot be fixed (or was a mistake) can go. While it is the active flow of its pipeline, events of
// that pipeline are evaluated with it: refused (409 FLOW_ACTIVE) unless the admin says force, after
// which that pipeline's events make runs without documents until a new flow is published. The
// pipeline stays, and runs and documents keep what they recorded.
import { AppError, conflict, notFound } from '../errors/app-error.ts';
import type { RuntimeServices } from '../services.ts';
import { withinTransaction } from './within-transaction.ts';

export interface DeletedFlow {
  flowId: string;
  versionsDeleted: number;
}

export async function deleteFlow(
  services: Pick<RuntimeServices, 'database'>,
  flowId: string,
  options: { force: boolean },
): Promise<DeletedFlow> {
  return withinTransaction(services, async (trx) => {
    let query = trx.selectFrom('flows').select(['pipeline_id', 'active_version']).where('id', '=', flowId);
    if (services.database.dialect === 'postgres') query = query.forUpdate();
    const flow = await query.executeTakeFirst();
    if (!flow) throw notFound('Flow', flowId);
    if (flow.active_version !== null && !options.force) {
      throw conflict(
        'FLOW_ACTIVE',
        `Flow "${flowId}" is the active flow of pipeline "${flow.pipeline_id}" (version ${flow.active_version}); deleting it stops its documents. Send DELETE /api/v1/flows/${flowId}?force=true to delete it anyway`,
      );
    }
    const versions = await trx.deleteFrom('flow_versions').where('flow_id', '=', flowId).executeTakeFirst();
    const removed = await trx.deleteFrom('flows').where('id', '=', flowId).executeTakeFirst();
    if (Number(removed.numDeletedRows) !== 1)
      throw new AppError('conflict', 'FLOW_CHANGED', `Flow "${flowId}" changed while it was being deleted; try again`);
    return { flowId, versionsDeleted: Number(versions.numDeletedRows) };
  });
}
