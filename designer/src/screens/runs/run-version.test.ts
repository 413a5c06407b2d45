import { describe, expect, it } from 'vitest';
import type { FlowVersionInfo, Run } from '../../../../schemas/index.ts';
import { flowIdOfRun, runVersion } from './run-version.ts';

const plan = {
  eventId: 'e',
  pipelineId: 'sales',
  bucket: 'sales/deal.stage_changed/lead',
  rulesConsidered: 1,
  suppressed: [],
  warnings: [],
};
const baseRun: Omit<Run, 'plan'> = {
  id: 'r',
  eventId: 'e',
  pipelineId: 'sales',
  dealId: 'D',
  status: 'completed',
  documents: [],
  warnings: [],
  errors: [],
  actions: [],
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
};
const versions: FlowVersionInfo[] = [
  {
    flowId: 'sales-documents',
    version: 1,
    publishedAt: '2026-11-01T00:00:00.000Z',
    ruleCount: 5,
    active: false,
    message: null,
    publishedBy: null,
  },
  {
    flowId: 'sales-documents',
    version: 2,
    publishedAt: '2026-11-20T00:00:00.000Z',
    ruleCount: 5,
    active: false,
    message: null,
    publishedBy: null,
  },
  {
    flowId: 'sales-documents',
    version: 3,
    publishedAt: '2026-12-02T00:00:00.000Z',
    ruleCount: 5,
    active: true,
    message: null,
    publishedBy: null,
  },
];

describe('runVersion', () => {
  it('takes the version its actions name', () => {
    const run = {
      ...baseRun,
      plan: {
        ...plan,
        actions: [{ kind: 'moveDeal', ruleName: 'x', flowId: 'f', flowVersion: 7, actionNodeId: 'a', stageId: 's' }],
      },
    } as unknown as Run;
    expect(runVersion(run, undefined)).toEqual({ flowId: 'f', version: 7, inferred: false });
  });

  it('without actions, infers the version active when the run was made', () => {
    const run = {
      ...baseRun,
      plan: {
        ...plan,
        actions: [],
        trace: [
          {
            ruleName: 'sales-documents:enter->send',
            priority: 1,
            fired: false,
            conditions: { group: 'all', result: false, children: [] },
          },
        ],
      },
    } as unknown as Run;
    expect(flowIdOfRun(run)).toBe('sales-documents');
    expect(runVersion(run, versions)).toEqual({ flowId: 'sales-documents', version: 2, inferred: true });
  });

  it('knows nothing of a run not yet evaluated', () => {
    expect(runVersion({ ...baseRun, plan: null } as unknown as Run, versions)).toBeUndefined();
  });
});
