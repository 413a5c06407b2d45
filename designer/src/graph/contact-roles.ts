// Contact roles to suggest for "contacts with a role": those the flow already uses and those
// seen on the deals the runtime received, most frequent first.
import type { DealEvent, Flow } from '../../../schemas/types.generated.ts';

export function contactRoles(flow: Flow, events: readonly DealEvent[]): string[] {
  const counts = new Map<string, number>();
  const add = (role: string | undefined, weight: number) => {
    const trimmed = role?.trim();
    if (trimmed) counts.set(trimmed, (counts.get(trimmed) ?? 0) + weight);
  };
  for (const node of flow.nodes) {
    if (node.type === 'sendDocument' && node.data.counterparties.kind === 'role') add(node.data.counterparties.role, 1);
  }
  for (const event of events) for (const contact of event.deal.contacts ?? []) add(contact.role, 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([role]) => role);
}
