// The bucket of an event, and what belonging to a bucket proves about the event's trigger facts.
import type { DealEvent } from '../../schemas/index.ts';
import { bucketKey, nodeKinds } from '../flow/node-kinds.ts';

type SelectorFact = 'stageId' | 'documentType';

// From the node-kind registry, so a new trigger kind brings its selector with it.
const selectorFactByEventType = new Map<string, SelectorFact>();
for (const spec of Object.values(nodeKinds)) {
  if (spec.role === 'trigger') selectorFactByEventType.set(spec.eventType, spec.selectorFact);
}

/** The event's selector fact (stage or document type) for its event type; undefined for others. */
export function selectorOf(event: DealEvent): unknown {
  const selectorFact = selectorFactByEventType.get(event.type);
  if (selectorFact === 'stageId') return event.deal.stageId;
  if (selectorFact === 'documentType') return event.document?.type;
  return undefined;
}

/** pipelineId/eventType/(deal.stageId | document.type): the key of ruleSet.index this event reads. */
export function bucketOf(event: DealEvent): string {
  const selector = selectorOf(event);
  return bucketKey(event.pipelineId, event.type, selector === undefined ? '' : String(selector));
}

/**
 * Whether the event's trigger facts are the very strings its bucket key was built from. Only then
 * may comparisons that the key proves be skipped (a number stageId 5 makes key ".../5" but the
 * fact 5 is not equal to "5").
 */
export function triggerFactsAreExact(event: DealEvent): boolean {
  return (
    typeof event.pipelineId === 'string' && typeof event.type === 'string' && typeof selectorOf(event) === 'string'
  );
}

/** Fact → value that every exact event of this bucket has; undefined when the key is ambiguous. */
export type ImpliedFacts = ReadonlyMap<string, string>;

export function impliedFacts(key: string): ImpliedFacts | undefined {
  const parts = key.split('/');
  // Three non-empty parts: no part contains "/", so the key decomposes one way only.
  if (parts.length !== 3 || parts.some((part) => part === '')) return undefined;
  const [pipelineId, eventType, selector] = parts as [string, string, string];
  const selectorFact = selectorFactByEventType.get(eventType);
  if (!selectorFact) return undefined;
  return new Map([
    ['pipelineId', pipelineId],
    ['eventType', eventType],
    [selectorFact, selector],
  ]);
}
