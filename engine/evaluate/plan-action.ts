// A fired rule → the action it plans. What does not depend on the event is prepared (and checked)
// once per rule when the evaluator is built; only signers are resolved per event.
import type { CompiledRule, Deal, PlannedAction, PlanWarning, SendDocumentSettings } from '../../schemas/index.ts';
import { planSigners } from './plan-signers.ts';
import { RuleSetError } from './rule-set-error.ts';

interface Origin {
  ruleName: string;
  flowId: string;
  flowVersion: number;
  actionNodeId: string;
}

/**
 * Fired rules with the same `exclusive.key` compete and the first in bucket order wins (one
 * document per type, one stage move); `exclusive.reportedAs` is the suppressed entry's
 * documentType. Webhooks have none: they all run.
 */
export interface Exclusive {
  key: string;
  reportedAs: string;
}

export type PreparedAction =
  | { kind: 'sendDocument'; origin: Origin; exclusive: Exclusive; priority: number; settings: SendDocumentSettings }
  | { kind: 'moveDeal'; origin: Origin; exclusive: Exclusive; stageId: string }
  | { kind: 'callWebhook'; origin: Origin; exclusive: undefined; url: string };

// Keys of their own namespace: a hand-edited documentType "moveDeal" must not compete with a move.
const moveDealExclusive: Exclusive = { key: 'move', reportedAs: 'moveDeal' };

const signingOrders = new Set(['companyFirst', 'clientsFirst', 'parallel']);

function ensure(holds: boolean, rule: CompiledRule, what: string): asserts holds {
  if (!holds) throw new RuleSetError(`rule "${rule.name}": ${what}`);
}

function checkSendDocument(rule: CompiledRule, settings: Partial<SendDocumentSettings>): void {
  ensure(typeof settings.documentType === 'string', rule, 'sendDocument needs a documentType');
  ensure(typeof settings.templateId === 'string', rule, 'sendDocument needs a templateId');
  const signer = settings.companySigner;
  ensure(
    signer?.kind === 'responsibleUser' || (signer?.kind === 'employee' && typeof signer.employeeId === 'string'),
    rule,
    'sendDocument needs a companySigner (employee with employeeId, or responsibleUser)',
  );
  const counterparties = settings.counterparties;
  ensure(
    counterparties?.kind === 'allContacts' ||
      (counterparties?.kind === 'role' && typeof counterparties.role === 'string'),
    rule,
    'sendDocument needs counterparties (allContacts, or role with a role)',
  );
  ensure(signingOrders.has(settings.signingOrder as string), rule, 'sendDocument needs a known signingOrder');
  ensure(typeof settings.linkExpiryDays === 'number', rule, 'sendDocument needs linkExpiryDays');
}

/**
 * A copy of what planning reads: later edits to the caller's rule set cannot reach the evaluator,
 * and a bucket's settings sit together in memory (measured: pointer chasing into settings
 * scattered across a 10,000-rule set cost ~15% of an evaluation).
 */
function copySettings(settings: SendDocumentSettings): SendDocumentSettings {
  const { companySigner, counterparties } = settings;
  return {
    documentType: settings.documentType,
    templateId: settings.templateId,
    companySigner:
      companySigner.kind === 'employee'
        ? { kind: 'employee', employeeId: companySigner.employeeId }
        : { kind: 'responsibleUser' },
    counterparties:
      counterparties.kind === 'role' ? { kind: 'role', role: counterparties.role } : { kind: 'allContacts' },
    signingOrder: settings.signingOrder,
    linkExpiryDays: settings.linkExpiryDays,
  };
}

export function prepareAction(rule: CompiledRule): PreparedAction {
  const params = rule.event?.params;
  ensure(params !== undefined && typeof params === 'object', rule, 'event.params is missing');
  const origin = {
    ruleName: rule.name,
    flowId: params.flowId,
    flowVersion: params.flowVersion,
    actionNodeId: params.actionNodeId,
  };
  ensure(typeof origin.flowId === 'string' && typeof origin.actionNodeId === 'string', rule, 'params lack ids');
  ensure(Number.isInteger(origin.flowVersion), rule, 'params.flowVersion must be an integer');
  const action = (params.action ?? {}) as unknown as Record<string, unknown>;
  switch (rule.event.type) {
    case 'sendDocument': {
      checkSendDocument(rule, action as unknown as SendDocumentSettings);
      const settings = copySettings(action as unknown as SendDocumentSettings);
      const exclusive = { key: `document:${settings.documentType}`, reportedAs: settings.documentType };
      return { kind: 'sendDocument', origin, exclusive, priority: rule.priority, settings };
    }
    case 'moveDeal':
      ensure(typeof action.stageId === 'string', rule, 'moveDeal needs a stageId');
      return { kind: 'moveDeal', origin, exclusive: moveDealExclusive, stageId: action.stageId as string };
    case 'callWebhook':
      ensure(typeof action.url === 'string', rule, 'callWebhook needs a url');
      return { kind: 'callWebhook', origin, exclusive: undefined, url: action.url as string };
    default:
      throw new RuleSetError(`rule "${rule.name}": unknown event type "${String(rule.event.type)}"`);
  }
}

export function planAction(prepared: PreparedAction, deal: Deal, warnings: PlanWarning[]): PlannedAction {
  const { origin } = prepared;
  switch (prepared.kind) {
    case 'moveDeal':
      return { kind: 'moveDeal', ...origin, stageId: prepared.stageId };
    case 'callWebhook':
      return { kind: 'callWebhook', ...origin, url: prepared.url };
    case 'sendDocument': {
      const { settings } = prepared;
      return {
        kind: 'sendDocument',
        ...origin,
        priority: prepared.priority,
        documentType: settings.documentType,
        templateId: settings.templateId,
        signingOrder: settings.signingOrder,
        linkExpiryDays: settings.linkExpiryDays,
        signers: planSigners(settings, deal, origin.ruleName, warnings),
      };
    }
  }
}
