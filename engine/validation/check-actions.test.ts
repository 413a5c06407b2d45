import { describe, expect, it } from 'vitest';
import { checkActions } from './check-actions.ts';
import { prepareFlow } from './flow-under-check.ts';
import { edge, sendDocument, stageTrigger, testFlow } from './test-flow.ts';

const flowWith = (...senders: ReturnType<typeof sendDocument>[]) =>
  prepareFlow(
    testFlow(
      [stageTrigger('start', 'contract'), ...senders],
      senders.map((sender) => edge('start', sender.id)),
    ),
  );

describe('checkActions', () => {
  it('reports a send-document action without a template', () => {
    const diagnostics = checkActions(flowWith(sendDocument('draft', { templateId: ' ' })));
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'ACTION_TEMPLATE_MISSING',
        nodeId: 'draft',
        pointer: '/nodes/1/data/templateId',
      }),
    ]);
    expect(diagnostics[0]?.message).toContain('choose the template to render for the contract');
  });

  it('checks templates and employees only against lists the caller gives', () => {
    const subject = flowWith(
      sendDocument('send', { templateId: 'contract-larg', companySigner: { kind: 'employee', employeeId: 'ceo' } }),
    );
    expect(checkActions(subject)).toEqual([]);
    const diagnostics = checkActions(subject, { templates: ['contract-large'], employees: ['director'] });
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'TEMPLATE_UNKNOWN', nodeId: 'send', pointer: '/nodes/1/data/templateId' }),
      expect.objectContaining({
        code: 'EMPLOYEE_UNKNOWN',
        nodeId: 'send',
        pointer: '/nodes/1/data/companySigner/employeeId',
      }),
    ]);
    expect(diagnostics[0]?.message).toContain('Did you mean "contract-large"?');
    expect(diagnostics[1]?.message).toContain('(employees: director)');
  });

  it('accepts known templates and employees, and the responsible user as signer', () => {
    const subject = flowWith(
      sendDocument('a', { templateId: 'contract-large', companySigner: { kind: 'employee', employeeId: 'director' } }),
      sendDocument('b', { templateId: 'contract-large', companySigner: { kind: 'responsibleUser' } }),
    );
    expect(checkActions(subject, { templates: ['contract-large'], employees: ['director'] })).toEqual([]);
  });
});
