import { describe, expect, it } from 'vitest';
import { runtimeDataAccess } from './runtime-data-access.ts';

describe('runtimeDataAccess', () => {
  it('asks analysts for none of the admin-only or personal lists', () => {
    expect(runtimeDataAccess('analyst')).toEqual({ templates: false, employees: false, storedEvents: false });
  });

  it('lets the CRM client read recent deals but not templates or employees', () => {
    expect(runtimeDataAccess('client')).toEqual({ templates: false, employees: false, storedEvents: true });
  });

  it('asks everything for admins and nothing before the role is known', () => {
    expect(runtimeDataAccess('admin')).toEqual({ templates: true, employees: true, storedEvents: true });
    expect(runtimeDataAccess(null)).toEqual({ templates: false, employees: false, storedEvents: false });
  });
});
