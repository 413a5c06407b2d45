// Flows at the documented limit (5,000 nodes), one per shape that used to crash or stall the
// engine: a chain (5,000 levels of graph depth), a ladder (both branches to the next node: 2^n
// paths), a fan-out (5,000 actions of one type: n² conflicts) and deep nesting (conditions at
// the deepest allowed group depth). Shared by test/engine, the engine bench and the API tests.
import { maxConditionDepth } from '../../engine/json/find-deep-nesting.ts';
import type { ConditionGroup, DealEvent, Flow, FlowEdge, FlowNode } from '../../schemas/index.ts';
import { exampleEvent } from './examples.ts';

export const largeFlowNodes = 5_000;

const position = { x: 0, y: 0 };
const pipeline: Flow['pipeline'] = {
  id: 'sales',
  name: 'Sales',
  stages: ['proposal', 'contract', 'won'].map((id) => ({ id, name: id })),
  fields: [{ id: 'region', type: 'string' }],
};

const trigger: FlowNode = { id: 'start', type: 'stageEntered', position, data: { stageId: 'contract' } };

export const amountAbove = (value: number): ConditionGroup => ({
  all: [{ fact: 'amount', operator: 'greaterThan', value }],
});

/** `amount > value` wrapped so that the tree is `depth` groups deep: `all`s around pairs of `not`s. */
export function nestedAmountAbove(value: number, depth: number): ConditionGroup {
  let tree: ConditionGroup = { all: [{ fact: 'amount', operator: 'greaterThan', value }] };
  let groups = 1;
  // Pairs of `not` keep the test's meaning; an odd remainder becomes one more `all`.
  while (groups + 2 <= depth) {
    tree = { not: { not: tree } };
    groups += 2;
  }
  if (groups < depth) tree = { all: [tree] };
  return tree;
}

const conditionNode = (id: string, conditions: ConditionGroup): FlowNode => ({
  id,
  type: 'condition',
  position,
  data: { conditions },
});

export const sendContract = (id: string, priority = 1): FlowNode => ({
  id,
  type: 'sendDocument',
  position,
  data: {
    documentType: 'contract',
    templateId: 'contract-standard',
    priority,
    companySigner: { kind: 'responsibleUser' },
    counterparties: { kind: 'allContacts' },
    signingOrder: 'companyFirst',
    linkExpiryDays: 14,
  },
});

const edge = (source: string, target: string, sourceHandle?: 'true' | 'false'): FlowEdge =>
  sourceHandle
    ? { id: `e-${source}-${sourceHandle}-${target}`, source, target, sourceHandle }
    : { id: `e-${source}-${target}`, source, target };

const flowOf = (id: string, nodes: FlowNode[], edges: FlowEdge[]): Flow => ({
  schemaVersion: 1,
  id,
  name: id,
  pipeline,
  nodes,
  edges,
});

/** trigger → c1 → c2 → … → send, every condition `amount > i` (true branches). */
export function chainFlow(nodes = largeFlowNodes, conditionOf = (at: number) => amountAbove(at)): Flow {
  const conditions = nodes - 2;
  const list: FlowNode[] = [trigger];
  const edges: FlowEdge[] = [edge('start', 'c0')];
  for (let at = 0; at < conditions; at++) {
    list.push(conditionNode(`c${at}`, conditionOf(at)));
    if (at > 0) edges.push(edge(`c${at - 1}`, `c${at}`, 'true'));
  }
  list.push(sendContract('send'));
  edges.push(edge(`c${conditions - 1}`, 'send', 'true'));
  return flowOf('chain', list, edges);
}

/** trigger → c1 ⇉ c2 ⇉ … → send: both branches of every condition lead to the next one. */
export function ladderFlow(nodes = largeFlowNodes): Flow {
  const flow = chainFlow(nodes);
  const conditions = nodes - 2;
  for (let at = 1; at < conditions; at++) flow.edges.push(edge(`c${at - 1}`, `c${at}`, 'false'));
  return { ...flow, id: 'ladder' };
}

/** trigger → n − 1 send-document actions of one document type, every priority `priorityOf(i)`. */
export function fanOutFlow(nodes = largeFlowNodes, priorityOf: (at: number) => number = () => 1): Flow {
  const list: FlowNode[] = [trigger];
  const edges: FlowEdge[] = [];
  for (let at = 0; at < nodes - 1; at++) {
    list.push(sendContract(`send${at}`, priorityOf(at)));
    edges.push(edge('start', `send${at}`));
  }
  return flowOf('fan-out', list, edges);
}

/** A document trigger → n − 1 webhooks, which all run. */
export function webhookFanOutFlow(nodes = largeFlowNodes): Flow {
  const signed: FlowNode = { id: 'signed', type: 'documentCompleted', position, data: { documentType: 'contract' } };
  const list: FlowNode[] = [signed];
  const edges: FlowEdge[] = [];
  for (let at = 0; at < nodes - 1; at++) {
    list.push({ id: `hook${at}`, type: 'callWebhook', position, data: { url: `https://crm.example/hooks/${at}` } });
    edges.push(edge('signed', `hook${at}`));
  }
  return flowOf('webhook-fan-out', list, edges);
}

/** Half the nodes stage triggers (on three stages) into a chain of the other half: one rule per stage. */
export function manyTriggersFlow(nodes = largeFlowNodes): Flow {
  const flow = chainFlow(nodes / 2 + 1);
  const stages = ['proposal', 'contract', 'won'];
  for (let at = 1; at < nodes / 2; at++) {
    const stageId = stages[at % stages.length] as string;
    flow.nodes.push({ id: `start${at}`, type: 'stageEntered', position, data: { stageId } });
    flow.edges.push(edge(`start${at}`, 'c0'));
  }
  return { ...flow, id: 'many-triggers' };
}

/** Half the nodes document triggers of distinct types into one condition, which leads to the other half (webhooks). */
export function hubFlow(nodes = largeFlowNodes): Flow {
  const list: FlowNode[] = [conditionNode('hub', amountAbove(0))];
  const edges: FlowEdge[] = [];
  const triggers = nodes / 2;
  for (let at = 0; at < triggers; at++) {
    list.push({ id: `signed${at}`, type: 'documentCompleted', position, data: { documentType: `type${at}` } });
    edges.push(edge(`signed${at}`, 'hub'));
  }
  for (let at = 0; at < nodes - triggers - 1; at++) {
    list.push({ id: `hook${at}`, type: 'callWebhook', position, data: { url: `https://crm.example/hooks/${at}` } });
    edges.push(edge('hub', `hook${at}`, 'true'));
  }
  return flowOf('hub', list, edges);
}

/** The demo's "contract completed" event. */
export const contractCompletedEvent = (): DealEvent => exampleEvent('contract-completed');

/** A chain whose every condition is nested to the deepest allowed depth. */
export function deepChainFlow(nodes = largeFlowNodes): Flow {
  return { ...chainFlow(nodes, (at) => nestedAmountAbove(at, maxConditionDepth)), id: 'deep-chain' };
}

/** trigger → a deepest condition whose true and false branches both lead to the action: two paths. */
export function deepBothBranchesFlow(): Flow {
  const nodes = [trigger, conditionNode('deep', nestedAmountAbove(1000, maxConditionDepth)), sendContract('send')];
  return flowOf('deep-both', nodes, [
    edge('start', 'deep'),
    edge('deep', 'send', 'true'),
    edge('deep', 'send', 'false'),
  ]);
}

/** The demo's contract event with a given amount. */
export function contractEvent(amount: number): DealEvent {
  const event = exampleEvent('contract');
  return { ...event, deal: { ...event.deal, amount } };
}
