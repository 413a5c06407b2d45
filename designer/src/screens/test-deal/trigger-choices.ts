// The triggers a sample deal can be tested against: one per bucket the flow listens to.
import { triggerOf } from '../../../../engine/flow/node-kinds.ts';
import type { Flow } from '../../../../schemas/index.ts';
import type { Trigger } from './sample-event.ts';

export interface TriggerChoice extends Trigger {
  /** The first trigger node of this bucket, for its label. */
  nodeId: string;
  label: string;
}

export const triggerKey = (trigger: Trigger): string => `${trigger.type}/${trigger.selector}`;

export function triggerChoices(flow: Flow): TriggerChoice[] {
  const choices = new Map<string, TriggerChoice>();
  for (const node of flow.nodes) {
    const trigger = triggerOf(node);
    if (!trigger) continue;
    const choice = {
      type: trigger.eventType,
      selector: trigger.selector,
      nodeId: node.id,
      label: node.data.label ?? '',
    };
    if (!choices.has(triggerKey(choice))) choices.set(triggerKey(choice), choice);
  }
  return [...choices.values()];
}
