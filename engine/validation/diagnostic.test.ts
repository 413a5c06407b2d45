import { describe, expect, it } from 'vitest';
import { checkDiagnostic } from '../../schemas/index.ts';
import { error, orderDiagnostics, warning } from './diagnostic.ts';
import { edge, sendDocument, stageTrigger, testFlow } from './test-flow.ts';

describe('error / warning', () => {
  it('build diagnostics that match diagnostic.schema.json, leaving out places not given', () => {
    const built = error('STAGE_UNKNOWN', 'Stage "x" is not in pipeline sales.', { nodeId: 'a', pointer: '/nodes/0' });
    expect(built).toEqual({
      code: 'STAGE_UNKNOWN',
      severity: 'error',
      message: 'Stage "x" is not in pipeline sales.',
      nodeId: 'a',
      pointer: '/nodes/0',
    });
    expect(checkDiagnostic(built).ok).toBe(true);
    expect(Object.keys(warning('FLOW_NO_TRIGGER', 'No trigger.'))).toEqual(['code', 'severity', 'message']);
  });
});

describe('orderDiagnostics', () => {
  const flow = testFlow(
    [stageTrigger('first', 'contract'), sendDocument('second'), sendDocument('third')],
    [edge('first', 'second'), edge('first', 'third')],
  );

  it('puts errors before warnings, flow-wide findings first, then nodes in document order, then edges', () => {
    const ordered = orderDiagnostics(
      [
        warning('NODE_UNREACHABLE', 'w third', { nodeId: 'third' }),
        error('EDGE_TARGET_MISSING', 'e edge', { edgeId: 'e:first:second' }),
        error('STAGE_UNKNOWN', 'e third', { nodeId: 'third' }),
        warning('FLOW_NO_TRIGGER', 'w flow'),
        error('RULE_CONFLICT', 'e second', { nodeId: 'second' }),
        error('STAGE_UNKNOWN', 'e first', { nodeId: 'first' }),
      ],
      flow,
    );
    expect(ordered.map((diagnostic) => diagnostic.message)).toEqual([
      'e first',
      'e second',
      'e third',
      'e edge',
      'w flow',
      'w third',
    ]);
  });

  it('keeps the checks’ order for findings at the same place', () => {
    const ordered = orderDiagnostics(
      [error('FACT_UNKNOWN', 'one', { nodeId: 'second' }), error('OPERATOR_UNKNOWN', 'two', { nodeId: 'second' })],
      flow,
    );
    expect(ordered.map((diagnostic) => diagnostic.message)).toEqual(['one', 'two']);
  });
});
