// Random deal events, aimed mostly at the buckets of the given flows' triggers: amounts as numbers,
// numeric strings ("20000") or null, missing fields, custom fields of any scalar type, contacts
// with and without roles. Many are schema-invalid on purpose: both engines must still agree.
import fc from 'fast-check';
import { triggerOf } from '../../engine/flow/node-kinds.ts';
import type { DealEvent, Flow, Scalar } from '../../schemas/index.ts';
import {
  contactEmails,
  contactNames,
  contactRoles,
  currencies,
  documentTypes,
  fieldIds,
  numbers,
  numericStrings,
  pipelineIds,
  prototypeFieldIds,
  stageIds,
  strings,
} from './scenario-pools.ts';

type EventType = DealEvent['type'];
const eventTypes: EventType[] = ['deal.stage_changed', 'document.completed', 'document.declined'];

interface Target {
  pipelineId: string;
  type: EventType;
  stageId: fc.Arbitrary<string>;
  documentType: fc.Arbitrary<string>;
}

const anyScalar: fc.Arbitrary<Scalar> = fc.constantFrom<Scalar>(
  ...numbers,
  ...numericStrings,
  ...strings,
  true,
  false,
  null,
);

const contact = fc.record(
  {
    id: fc.constantFrom('P-1', 'P-2', 'P-3'),
    name: fc.constantFrom(...contactNames),
    email: fc.constantFrom(...contactEmails),
    phone: fc.constant('+5511999990000'),
    role: fc.constantFrom(...contactRoles),
  },
  { requiredKeys: ['id', 'name'] },
);

// Parsed from JSON text, as a posted event is: `__proto__` then is an own property, not the prototype.
const fieldsArbitrary = fc
  .uniqueArray(fc.tuple(fc.constantFrom(...fieldIds, ...prototypeFieldIds, '__proto__'), anyScalar), {
    selector: ([key]) => key,
    maxLength: 4,
  })
  .map((entries) => {
    const members = entries.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`);
    return JSON.parse(`{${members.join(',')}}`) as Record<string, Scalar>;
  });

function dealArbitrary(stageId: fc.Arbitrary<string>) {
  return fc.record(
    {
      id: fc.constant('D-1'),
      stageId,
      title: fc.constantFrom('Annual support', 'Starter'),
      previousStageId: fc.oneof(fc.constantFrom(...stageIds), fc.constant(null)),
      amount: fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom<unknown>(...numbers) },
        fc.constantFrom<unknown>(...numericStrings, null),
      ),
      currency: fc.constantFrom(...currencies, 'eur'),
      responsibleUserId: fc.constantFrom('u-7', ''),
      fields: fieldsArbitrary,
      company: fc.record(
        { id: fc.constant('C-1'), name: fc.constantFrom('Globex', 'Initech'), taxId: fc.constant('12.345') },
        { requiredKeys: ['name'] },
      ),
      contacts: fc.array(contact, { maxLength: 3 }),
    },
    { requiredKeys: ['id', 'stageId'] },
  );
}

function eventFor(target: Target): fc.Arbitrary<DealEvent> {
  const isDocumentEvent = target.type !== 'deal.stage_changed';
  return fc
    .record({
      deal: dealArbitrary(target.stageId),
      documentType: target.documentType,
      // Document events nearly always carry their document; stage events seldom do.
      hasDocument: fc.integer({ min: 0, max: 9 }).map((roll) => (isDocumentEvent ? roll > 0 : roll === 0)),
    })
    .map(({ deal, documentType, hasDocument }) => {
      const event = {
        eventId: 'evt-1',
        type: target.type,
        occurredAt: '2026-11-29T10:15:00Z',
        pipelineId: target.pipelineId,
        deal,
        ...(hasDocument ? { document: { id: 'doc-1', type: documentType } } : {}),
      };
      return event as unknown as DealEvent;
    });
}

const anyStage = fc.constantFrom(...stageIds);
const anyDocumentType = fc.constantFrom(...documentTypes);

function targetsOf(flows: readonly Flow[]): Target[] {
  return flows.flatMap((flow) =>
    flow.nodes.flatMap((node) => {
      const trigger = triggerOf(node);
      if (!trigger) return [];
      const selector = fc.constant(trigger.selector);
      const isStage = trigger.selectorFact === 'stageId';
      return [
        {
          pipelineId: flow.pipeline.id,
          type: trigger.eventType,
          stageId: isStage ? selector : anyStage,
          documentType: isStage ? anyDocumentType : selector,
        },
      ];
    }),
  );
}

/** Three events in four aimed at a trigger of the flows, one anywhere. */
export function dealEventArbitrary(flows: readonly Flow[]): fc.Arbitrary<DealEvent> {
  const anywhere = fc
    .record({ pipelineId: fc.constantFrom(...pipelineIds), type: fc.constantFrom(...eventTypes) })
    .chain(({ pipelineId, type }) => eventFor({ pipelineId, type, stageId: anyStage, documentType: anyDocumentType }));
  const targets = targetsOf(flows);
  if (targets.length === 0) return anywhere;
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...targets).chain(eventFor) },
    { weight: 1, arbitrary: anywhere },
  );
}
