// Publish, versions, rule diff and rollback of a flow.
import type { FlowDiff, FlowVersionDetail, FlowVersionInfo } from '../../../schemas/types.generated.ts';
import { request } from './client.ts';

const enc = encodeURIComponent;

/** A published version with its author (token name) and message (null for older versions). */
export type VersionInfo = FlowVersionInfo;

export const historyApi = {
  listVersions: (flowId: string) => request<VersionInfo[]>('GET', `/flows/${enc(flowId)}/versions`),
  getVersion: (flowId: string, version: number) =>
    request<FlowVersionDetail>('GET', `/flows/${enc(flowId)}/versions/${version}`),
  diff: (flowId: string, from: number, to: number) =>
    request<FlowDiff>('GET', `/flows/${enc(flowId)}/diff?from=${from}&to=${to}`),
  publish: (flowId: string, message: string) =>
    request<VersionInfo>(
      'POST',
      `/flows/${enc(flowId)}/publish`,
      message.trim() ? { message: message.trim() } : undefined,
    ),
  rollback: (flowId: string, version: number) =>
    request<VersionInfo>('POST', `/flows/${enc(flowId)}/rollback`, { version }),
};
