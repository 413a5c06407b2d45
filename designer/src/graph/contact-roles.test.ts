import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DealEvent } from '../../../schemas/types.generated.ts';
import { contactRoles } from './contact-roles.ts';
import { demoFlow } from './fixture-flows.test-support.ts';

describe('contact role suggestions', () => {
  it('lists the flow roles and the roles of received deals, most frequent first, once each', () => {
    const flow = demoFlow();
    const deal = (roles: (string | undefined)[]) =>
      ({
        deal: { contacts: roles.map((role, index) => ({ id: `c${index}`, name: 'x', ...(role ? { role } : {}) })) },
      }) as unknown as DealEvent;
    const roles = contactRoles(flow, [deal(['buyer', 'legal', undefined]), deal(['buyer', ' '])]);
    expect(roles[0]).toBe('buyer');
    expect(roles).toContain('legal');
    expect(new Set(roles).size).toBe(roles.length);
    const used = flow.nodes.flatMap((node) =>
      node.type === 'sendDocument' && node.data.counterparties.kind === 'role' ? [node.data.counterparties.role] : [],
    );
    for (const role of used) expect(roles).toContain(role);
  });

  it('collects the roles of the schema example events', () => {
    const folder = new URL('../../../schemas/examples/', import.meta.url);
    const events = readdirSync(folder)
      .filter((file) => file.includes('event') && file.endsWith('.json'))
      .map((file) => JSON.parse(readFileSync(new URL(file, folder), 'utf8')) as DealEvent)
      .filter((event) => event?.deal);
    const roles = contactRoles({ ...demoFlow(), nodes: [] }, events);
    expect(roles).toEqual(expect.arrayContaining(['signer', 'finance']));
  });
});
