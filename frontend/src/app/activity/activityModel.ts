// The activity screen's filters, kept in the URL and shared by the query and the CSV download.
export const RESOURCE_TYPES = [
  'CUSTOMER',
  'BILLING_PROFILE',
  'RELATIONSHIP',
  'TAG',
  'CUSTOMER_TAGS',
  'AGREEMENT',
  'PERMISSIONS',
  'ORDER',
  'SUBSCRIPTION',
  'USER',
  'INVITATION',
] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

export interface ActivityFilters {
  /** YYYY-MM-DD, local days */
  from: string;
  to: string;
  customerID: string;
  type: ResourceType | '';
  succeeded: '' | 'true' | 'false';
  after: string;
}

export function filtersFromSearch(p: URLSearchParams): ActivityFilters {
  const type = p.get('type') ?? '';
  const succeeded = p.get('succeeded') ?? '';
  return {
    from: /^\d{4}-\d{2}-\d{2}$/.test(p.get('from') ?? '') ? p.get('from')! : '',
    to: /^\d{4}-\d{2}-\d{2}$/.test(p.get('to') ?? '') ? p.get('to')! : '',
    customerID: p.get('customer') ?? '',
    type: (RESOURCE_TYPES as readonly string[]).includes(type) ? (type as ResourceType) : '',
    succeeded: succeeded === 'true' || succeeded === 'false' ? succeeded : '',
    after: p.get('after') ?? '',
  };
}

export function searchFromFilters(f: ActivityFilters): string {
  const p = new URLSearchParams();
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  if (f.customerID) p.set('customer', f.customerID);
  if (f.type) p.set('type', f.type);
  if (f.succeeded) p.set('succeeded', f.succeeded);
  if (f.after) p.set('after', f.after);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** A local day's start, or (end = true) the next day's start, as RFC 3339. */
function dayBoundary(day: string, end: boolean): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + (end ? 1 : 0)).toISOString();
}

export function queryVariables(f: ActivityFilters, first = 50) {
  return {
    first,
    after: f.after || null,
    from: f.from ? dayBoundary(f.from, false) : null,
    to: f.to ? dayBoundary(f.to, true) : null,
    customerID: f.customerID || null,
    resourceTypes: f.type ? [f.type] : null,
    succeeded: f.succeeded ? f.succeeded === 'true' : null,
  };
}

/** The same filters as query parameters of /export/activity.csv. */
export function exportParams(f: ActivityFilters): URLSearchParams {
  const v = queryVariables(f);
  const p = new URLSearchParams();
  if (v.from) p.set('from', v.from);
  if (v.to) p.set('to', v.to);
  if (v.customerID) p.set('customerID', v.customerID);
  for (const t of v.resourceTypes ?? []) p.append('resourceType', t);
  if (v.succeeded !== null) p.set('succeeded', String(v.succeeded));
  return p;
}

/** The fields a change touched, with their values before and after. */
export function changes(before: Record<string, unknown> | null | undefined, after: Record<string, unknown> | null | undefined) {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].sort();
  const show = (v: unknown) => (v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v));
  return keys.map((k) => ({ field: k, before: show(before?.[k]), after: show(after?.[k]) }));
}
