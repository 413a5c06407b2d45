import { describe, expect, it } from 'vitest';
import type { Deal, PlanWarning, SendDocumentSettings } from '../../schemas/index.ts';
import { sendDocumentSettings } from '../../test/support/rule-sets.ts';
import { planSigners } from './plan-signers.ts';

const deal: Deal = {
  id: 'D-1',
  stageId: 'contract',
  responsibleUserId: 'u-7',
  contacts: [
    { id: 'P-1', name: 'Ana', email: 'ana@x.example', phone: '+1', role: 'signer' },
    { id: 'P-2', name: 'Bruno', role: 'finance' },
    { id: 'P-3', name: 'Carla', email: 'carla@x.example', role: 'signer' },
  ],
};

function plan(overrides: Partial<SendDocumentSettings>, onDeal: Deal = deal) {
  const warnings: PlanWarning[] = [];
  const signers = planSigners(sendDocumentSettings(overrides), onDeal, 'rule-1', warnings);
  return { signers, warnings };
}

const turnsOf = (signers: ReturnType<typeof plan>['signers']) =>
  signers.map((signer) => `${signer.side === 'company' ? 'company' : signer.contactId}@${signer.order}`);

describe('planSigners', () => {
  it('takes the counterparties with the role, with what the deal knows of them', () => {
    const { signers, warnings } = plan({ counterparties: { kind: 'role', role: 'signer' } });
    expect(signers).toEqual([
      { side: 'company', order: 1, userId: 'u-7' },
      { side: 'counterparty', order: 2, contactId: 'P-1', name: 'Ana', email: 'ana@x.example', phone: '+1' },
      { side: 'counterparty', order: 2, contactId: 'P-3', name: 'Carla', email: 'carla@x.example' },
    ]);
    expect(warnings).toEqual([]);
  });

  it('takes every contact for allContacts, and a named employee for the company', () => {
    const { signers } = plan({
      counterparties: { kind: 'allContacts' },
      companySigner: { kind: 'employee', employeeId: 'director' },
    });
    expect(signers[0]).toEqual({ side: 'company', order: 1, employeeId: 'director' });
    expect(signers.slice(1).map((signer) => signer.contactId)).toEqual(['P-1', 'P-2', 'P-3']);
  });

  it('orders the turns: company first, clients first, or all at once', () => {
    expect(turnsOf(plan({ signingOrder: 'companyFirst' }).signers)).toEqual(['company@1', 'P-1@2', 'P-3@2']);
    expect(turnsOf(plan({ signingOrder: 'clientsFirst' }).signers)).toEqual(['company@2', 'P-1@1', 'P-3@1']);
    expect(turnsOf(plan({ signingOrder: 'parallel' }).signers)).toEqual(['company@1', 'P-1@1', 'P-3@1']);
  });

  it('warns NO_COUNTERPARTIES when no contact has the role, and the company signs in turn 1', () => {
    const { signers, warnings } = plan({
      signingOrder: 'clientsFirst',
      counterparties: { kind: 'role', role: 'legal' },
    });
    expect(turnsOf(signers)).toEqual(['company@1']);
    expect(warnings).toEqual([
      {
        code: 'NO_COUNTERPARTIES',
        ruleName: 'rule-1',
        message: 'deal D-1 has no contact with role "legal" to sign contract as counterparty',
      },
    ]);
  });

  it('warns NO_RESPONSIBLE_USER when the deal names none, and the clients sign in turn 1', () => {
    const { signers, warnings } = plan({}, { ...deal, responsibleUserId: undefined });
    expect(turnsOf(signers)).toEqual(['P-1@1', 'P-3@1']);
    expect(warnings.map((warning) => warning.code)).toEqual(['NO_RESPONSIBLE_USER']);
  });

  it('warns twice for a deal without contacts and without a responsible user', () => {
    const { signers, warnings } = plan({}, { id: 'D-2', stageId: 'contract' });
    expect(signers).toEqual([]);
    expect(warnings.map((warning) => warning.code)).toEqual(['NO_RESPONSIBLE_USER', 'NO_COUNTERPARTIES']);
  });
});
