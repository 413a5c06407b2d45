// Random valid flows: a pipeline with stages and typed custom fields; stage and document
// triggers; condition nodes wired into chains and diamonds (both branches, several paths to one
// action); sendDocument / moveDeal / callWebhook actions with priorities.
import fc from 'fast-check';
import type { ActionSettings, Flow, FlowEdge, FlowNode, Pipeline } from '../../schemas/index.ts';
import { conditionGroupOver } from './condition-arbitraries.ts';
import { contactRoles, documentTypes, fieldIds, pipelineIds, prototypeFieldIds, stageIds } from './scenario-pools.ts';

export function pipelineArbitrary(id: string): fc.Arbitrary<Pipeline> {
  return fc.record({
    id: fc.constant(id),
    name: fc.constant(`Pipeline ${id}`),
    stages: fc.subarray([...stageIds], { minLength: 1 }).map((ids) => ids.map((stage) => ({ id: stage, name: stage }))),
    fields: fc.uniqueArray(
      fc.record({
        id: fc.constantFrom(...fieldIds, ...prototypeFieldIds),
        type: fc.constantFrom('number', 'string', 'boolean' as const),
      }),
      { selector: (field) => field.id, maxLength: 3 },
    ),
  });
}

type TriggerNode = Extract<FlowNode, { type: 'stageEntered' | 'documentCompleted' | 'documentDeclined' }>;
type TriggerPart = Pick<TriggerNode, 'type' | 'data'>;

function triggerArbitrary(pipeline: Pipeline): fc.Arbitrary<TriggerPart> {
  const stage = fc.constantFrom(...pipeline.stages.map((candidate) => candidate.id));
  const documentType = fc.constantFrom(...documentTypes);
  return fc.oneof(
    { weight: 2, arbitrary: stage.map((stageId): TriggerPart => ({ type: 'stageEntered', data: { stageId } })) },
    documentType.map((type): TriggerPart => ({ type: 'documentCompleted', data: { documentType: type } })),
    documentType.map((type): TriggerPart => ({ type: 'documentDeclined', data: { documentType: type } })),
  );
}

type ActionPart = { type: 'sendDocument' | 'moveDeal' | 'callWebhook'; data: ActionSettings };

function actionArbitrary(pipeline: Pipeline): fc.Arbitrary<ActionPart> {
  const sendDocument = fc.record({
    documentType: fc.constantFrom(...documentTypes),
    templateId: fc.constantFrom('tpl-a', 'tpl-b'),
    priority: fc.integer({ min: 1, max: 3 }),
    companySigner: fc.oneof(
      fc.constant({ kind: 'employee' as const, employeeId: 'director' }),
      fc.constant({ kind: 'responsibleUser' as const }),
    ),
    counterparties: fc.oneof(
      fc.constant({ kind: 'allContacts' as const }),
      fc.constantFrom(...contactRoles).map((role) => ({ kind: 'role' as const, role })),
    ),
    signingOrder: fc.constantFrom('companyFirst', 'clientsFirst', 'parallel' as const),
    linkExpiryDays: fc.constant(14),
  });
  const stage = fc.constantFrom(...pipeline.stages.map((candidate) => candidate.id));
  return fc.oneof(
    { weight: 3, arbitrary: sendDocument.map((data): ActionPart => ({ type: 'sendDocument', data })) },
    stage.map((stageId): ActionPart => ({ type: 'moveDeal', data: { stageId } })),
    fc.nat(9).map((n): ActionPart => ({ type: 'callWebhook', data: { url: `https://crm.example/hooks/${n}` } })),
  );
}

interface Parts {
  pipeline: Pipeline;
  triggers: TriggerPart[];
  conditions: FlowNode[];
  actions: ActionPart[];
  /** One draw per (source, target) pair, 0–99: whether and by which branch they are wired. */
  wiring: number[];
}

function wire(parts: Parts): FlowEdge[] {
  const { triggers, conditions, actions, wiring } = parts;
  const edges: FlowEdge[] = [];
  // Nodes a stage trigger reaches: moveDeal and callWebhook must not follow them (validation rule).
  const fromStage = new Set(triggers.flatMap((trigger, at) => (trigger.type === 'stageEntered' ? [`t${at}`] : [])));
  const connect = (source: string, target: string, sourceHandle?: 'true' | 'false') => {
    edges.push({ id: `e${edges.length}`, source, target, ...(sourceHandle ? { sourceHandle } : {}) });
    if (fromStage.has(source)) fromStage.add(target);
  };
  let draw = 0;
  const sources = [...triggers.map((_, at) => `t${at}`), ...conditions.map((_, at) => `c${at}`)];
  for (const [at, source] of sources.entries()) {
    const isTrigger = at < triggers.length;
    // Conditions only feed later conditions: the graph stays acyclic, with chains and diamonds.
    const firstCondition = isTrigger ? 0 : at - triggers.length + 1;
    const targets = [
      ...conditions.slice(firstCondition).map((_, c) => `c${c + firstCondition}`),
      ...actions.map((_, a) => `a${a}`),
    ];
    for (const target of targets) {
      const action = target.startsWith('a') ? actions[Number(target.slice(1))] : undefined;
      if (action && action.type !== 'sendDocument' && fromStage.has(source)) continue;
      const roll = wiring[draw++ % wiring.length] as number;
      // Triggers lead to conditions more often than straight to actions: most rules test something.
      if (isTrigger && roll < (target.startsWith('c') ? 50 : 15)) connect(source, target);
      if (!isTrigger && roll < 44) connect(source, target, roll < 22 ? 'true' : 'false');
      if (!isTrigger && roll < 4) connect(source, target, 'false'); // both branches into one target
    }
  }
  return edges;
}

function assemble(id: string, parts: Parts): Flow {
  const position = { x: 0, y: 0 };
  const nodes = [
    ...parts.triggers.map((trigger, at) => ({ id: `t${at}`, position, ...trigger })),
    ...parts.conditions.map((condition, at) => ({ ...condition, id: `c${at}` })),
    ...parts.actions.map((action, at) => ({ id: `a${at}`, position, ...action })),
  ] as FlowNode[];
  return { schemaVersion: 1, id, version: 1, name: `Flow ${id}`, pipeline: parts.pipeline, nodes, edges: wire(parts) };
}

export function flowArbitrary(id: string): fc.Arbitrary<Flow> {
  return fc
    .constantFrom(...pipelineIds)
    .chain(pipelineArbitrary)
    .chain((pipeline) =>
      fc.record({
        pipeline: fc.constant(pipeline),
        triggers: fc.array(triggerArbitrary(pipeline), { minLength: 1, maxLength: 3 }),
        conditions: fc.array(
          conditionGroupOver(pipeline).map(
            (conditions): FlowNode => ({ id: 'c', type: 'condition', position: { x: 0, y: 0 }, data: { conditions } }),
          ),
          { maxLength: 5 },
        ),
        actions: fc.array(actionArbitrary(pipeline), { minLength: 1, maxLength: 5 }),
        wiring: fc.array(fc.nat(99), { minLength: 64, maxLength: 64 }),
      }),
    )
    .map((parts) => assemble(id, parts));
}

/** One or two flows (distinct ids; maybe the same pipeline, so their rules share buckets). */
export const flowsArbitrary: fc.Arbitrary<Flow[]> = fc
  .tuple(flowArbitrary('flow-a'), fc.option(flowArbitrary('flow-b'), { freq: 2 }))
  .map(([first, second]) => (second ? [first, second] : [first]));
