import { describe, expect, it } from 'vitest';
import { checkActions } from './check-actions.ts';
import { prepareFlow } from './flow-under-check.ts';
import { edge, sendDocument, stageTrigger, testFlow } from './test-flow.ts';

const flowWith = (sender: ReturnType<typeof sendDocument>) =>
  prepareFlow(testFlow([stageTrigger('start', 'contract'), sender], [edge('start', sender.id)]));

describe('TEMPLATE_CLIENT_MARK_WITHOUT_COUNTERPARTY', () => {
  it('warns when the template has marks of client 2 or more, pointing at the counterparties', () => {
    const subject = flowWith(
      sendDocument('send', { templateId: 'two-clients', counterparties: { kind: 'role', role: 'signatory' } }),
    );
    const diagnostics = checkActions(subject, { templates: ['two-clients'], clientMarks: { 'two-clients': 2 } });
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'TEMPLATE_CLIENT_MARK_WITHOUT_COUNTERPARTY',
        severity: 'warning',
        nodeId: 'send',
        pointer: '/nodes/1/data/counterparties',
      }),
    ]);
    expect(diagnostics[0]?.message).toContain('marks up to client 2');
    expect(diagnostics[0]?.message).toContain('the role "signatory"');
  });

  it('says nothing for one client, no client marks, or no known marks', () => {
    const subject = flowWith(sendDocument('send', { templateId: 'one-client' }));
    expect(checkActions(subject, { templates: ['one-client'], clientMarks: { 'one-client': 1 } })).toEqual([]);
    expect(checkActions(subject, { templates: ['one-client'], clientMarks: {} })).toEqual([]);
    expect(checkActions(subject, { templates: ['one-client'] })).toEqual([]);
  });
});
