// POST /flows/:id/backtest: the draft against the active version over the newest stored events.
import type { BacktestResult, Flow } from '../../../schemas/types.generated.ts';
import { request } from './client.ts';

export const backtestApi = {
  run: (flowId: string, draft: Flow, limit: number) =>
    request<BacktestResult>('POST', `/flows/${encodeURIComponent(flowId)}/backtest`, { draft, limit }),
};
