// Bounds of condition trees read from condition.schema.json (the single source), for the code that
// builds trees the schema must accept: the compiler groups a long path's conditions by these.
import { loadSchema } from './validators.ts';

type GroupSchema = { properties: Record<string, { maxItems: number }> };

function groupLimit(): number {
  const definitions = loadSchema('condition.schema.json').definitions as Record<string, GroupSchema>;
  const all = definitions.allGroup?.properties.all?.maxItems;
  const any = definitions.anyGroup?.properties.any?.maxItems;
  if (typeof all !== 'number' || typeof any !== 'number') throw new Error('condition.schema.json bounds no group');
  return Math.min(all, any);
}

/** The most members an `all` or `any` group may hold. */
export const maxGroupItems: number = groupLimit();
