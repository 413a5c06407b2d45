import { describe, expect, it } from 'vitest';
import type { Diagnostic, FlowVersionInfo } from '../../../schemas/types.generated.ts';
import { publishFindings } from './publish-findings.ts';

const info: FlowVersionInfo = {
  flowId: 'sales',
  version: 3,
  publishedAt: '2026-12-02T02:00:00.000Z',
  ruleCount: 2,
  active: true,
  message: null,
  publishedBy: 'admin',
};

const warning = (n: number): Diagnostic => ({
  code: 'RULE_OVERLAP',
  severity: 'warning',
  message: `overlap ${n}`,
  nodeId: `n${n}`,
});

describe('publishFindings', () => {
  it('has nothing to say when the answer carries no diagnostics (older runtimes)', () => {
    expect(publishFindings(info)).toEqual({ shown: [], notShown: 0, total: 0 });
  });

  it('lists every warning when they fit', () => {
    const findings = publishFindings({ ...info, diagnostics: [warning(1), warning(2)] });
    expect(findings.shown.map((d) => d.message)).toEqual(['overlap 1', 'overlap 2']);
    expect(findings.notShown).toBe(0);
  });

  it('counts the warnings the runtime cut as well as those cut here', () => {
    const diagnostics = Array.from({ length: 50 }, (_, n) => warning(n));
    const findings = publishFindings({ ...info, diagnostics, diagnosticsTruncated: { shown: 50, total: 73 } }, 10);
    expect(findings.shown).toHaveLength(10);
    expect(findings.total).toBe(73);
    expect(findings.notShown).toBe(63);
  });
});
