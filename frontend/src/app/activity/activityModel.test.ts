import { describe, expect, it } from 'vitest';
import { changes, exportParams, filtersFromSearch, queryVariables, searchFromFilters } from './activityModel';

describe('activity filters', () => {
  it('round-trips through the URL and ignores bad values', () => {
    const f = filtersFromSearch(new URLSearchParams('from=2026-11-01&to=2026-11-20&type=ORDER&succeeded=false&customer=cus_1&after=abc'));
    expect(f).toEqual({ from: '2026-11-01', to: '2026-11-20', customerID: 'cus_1', type: 'ORDER', succeeded: 'false', after: 'abc' });
    expect(filtersFromSearch(new URLSearchParams(searchFromFilters(f).slice(1)))).toEqual(f);
    expect(filtersFromSearch(new URLSearchParams('type=NOPE&succeeded=maybe&from=yesterday'))).toMatchObject({ type: '', succeeded: '', from: '' });
  });
  it('gives the query and the CSV download the same filters', () => {
    const f = filtersFromSearch(new URLSearchParams('from=2026-11-01&to=2026-11-01&type=SUBSCRIPTION&succeeded=true&customer=cus_9'));
    const v = queryVariables(f);
    expect(v.resourceTypes).toEqual(['SUBSCRIPTION']);
    expect(v.succeeded).toBe(true);
    expect(new Date(v.to!).getTime() - new Date(v.from!).getTime()).toBe(24 * 3600 * 1000);
    const p = exportParams(f);
    expect(p.get('from')).toBe(v.from);
    expect(p.get('to')).toBe(v.to);
    expect(p.getAll('resourceType')).toEqual(['SUBSCRIPTION']);
    expect(p.get('succeeded')).toBe('true');
    expect(p.get('customerID')).toBe('cus_9');
    expect(exportParams(filtersFromSearch(new URLSearchParams(''))).toString()).toBe('');
  });
  it('lists the changed fields with before and after', () => {
    expect(changes({ 'subscription.quantity': 2 }, { 'subscription.quantity': 5, 'subscription.autoRenew': false })).toEqual([
      { field: 'subscription.autoRenew', before: '', after: 'false' },
      { field: 'subscription.quantity', before: '2', after: '5' },
    ]);
  });
});
