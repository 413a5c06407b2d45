import { describe, expect, it } from 'vitest';
import { demoFlow } from '../../test/support/examples.ts';
import { edge, sendDocument, stageTrigger, testFlow } from './test-flow.ts';
import { hasErrors, type ValidationContext, validateFlow } from './validate-flow.ts';

describe('validateFlow', () => {
  it('returns the demo flow with no diagnostics', () => {
    const document = demoFlow();
    expect(validateFlow(document)).toEqual({ flow: document, diagnostics: [] });
  });

  it('stops at the schema: no flow and no semantic findings for a document that fails it', () => {
    const document = demoFlow() as unknown as { nodes: { data: Record<string, unknown> }[] };
    (document.nodes[0] as { data: Record<string, unknown> }).data.stageId = 'contrakt';
    delete (document.nodes[5] as { data: Record<string, unknown> }).data.templateId;
    const result = validateFlow(document);
    expect(result.flow).toBe(undefined);
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['SCHEMA_INVALID']);
  });

  it('returns the flow along with its semantic errors, errors first and then by node', () => {
    const flow = testFlow(
      [
        stageTrigger('start', 'contract'),
        sendDocument('loose'),
        sendDocument('draft', { templateId: '' }),
        stageTrigger('typo', 'contrakt'),
      ],
      [edge('start', 'draft'), edge('typo', 'nowhere')],
    );
    const result = validateFlow(flow);
    expect(result.flow).toBe(flow);
    expect(result.diagnostics.map((diagnostic) => [diagnostic.severity, diagnostic.code, diagnostic.nodeId])).toEqual([
      ['error', 'ACTION_TEMPLATE_MISSING', 'draft'],
      ['error', 'STAGE_UNKNOWN', 'typo'],
      ['error', 'EDGE_TARGET_MISSING', undefined],
      ['warning', 'NODE_UNREACHABLE', 'loose'],
      ['warning', 'NODE_NO_OUTPUT', 'typo'],
    ]);
  });

  it('checks templates and employees against the context when given', () => {
    const context = { templates: ['contract-standard', 'invoice'], employees: ['director'] };
    const codes = validateFlow(demoFlow(), context).diagnostics.map((diagnostic) => [
      diagnostic.code,
      diagnostic.nodeId,
    ]);
    expect(codes).toEqual([['TEMPLATE_UNKNOWN', 'send-contract-large']]);
  });

  it('warns on templates with unknown placeholders, a field the context type declares', () => {
    // Typed as the context (not inferred): an undeclared field is a type error here (npm run check).
    const context: ValidationContext = { unknownPlaceholders: { 'contract-standard': ['Deal.Title'] } };
    const found = validateFlow(demoFlow(), context).diagnostics;
    expect(found.map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.nodeId])).toEqual([
      ['TEMPLATE_PLACEHOLDER_UNKNOWN', 'warning', 'send-contract-standard'],
    ]);
    expect(found[0]?.message).toContain('{Deal.Title}');
  });
});

describe('hasErrors', () => {
  it('is true only when some diagnostic is an error', () => {
    expect(hasErrors([])).toBe(false);
    expect(hasErrors([{ code: 'NODE_UNREACHABLE', severity: 'warning', message: 'w' }])).toBe(false);
    expect(
      hasErrors([
        { code: 'NODE_UNREACHABLE', severity: 'warning', message: 'w' },
        { code: 'FLOW_CYCLE', severity: 'error', message: 'e' },
      ]),
    ).toBe(true);
  });
});
