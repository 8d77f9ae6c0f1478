// The customer list's state lives in the URL (shareable, survives reloads and the back button).
import type {
  CustomerListFilter,
  CustomerListQueryVariables,
  CustomerOrderField,
  CustomerVerificationStatus,
  OrderDirection,
  RelationshipType,
} from '../gql/graphql';

export const PAGE_SIZES = [20, 50, 100] as const;
export const SORT_FIELDS: readonly CustomerOrderField[] = ['COMPANY_NAME', 'DOMAIN', 'COUNTRY', 'CREATED_AT'];
export const REL_TYPES: readonly RelationshipType[] = ['DIRECT_BILL', 'INDIRECT_PROVIDER', 'INDIRECT_RESELLER', 'ADVISOR'];
export const STATUSES: readonly CustomerVerificationStatus[] = ['UNDER_REVIEW', 'ALLOWED', 'NOT_ALLOWED'];

export interface ListState {
  q: string;
  tags: string[];
  rel: RelationshipType[];
  reseller: string[];
  status: CustomerVerificationStatus[];
  country: string[];
  sort: CustomerOrderField;
  dir: OrderDirection;
  size: number;
  after: string | null;
  before: string | null;
  page: number;
}

const list = (v: string | null) => (v ? v.split(',').filter(Boolean) : []);
const oneOf = <T extends string>(all: readonly T[], v: string[]) => v.filter((x): x is T => (all as readonly string[]).includes(x));

export function parseListState(p: URLSearchParams): ListState {
  const sort = p.get('sort') as CustomerOrderField | null;
  const size = Number(p.get('size'));
  return {
    q: p.get('q') ?? '',
    tags: list(p.get('tags')),
    rel: oneOf(REL_TYPES, list(p.get('rel'))),
    reseller: list(p.get('reseller')),
    status: oneOf(STATUSES, list(p.get('status'))),
    country: list(p.get('country')).filter((c) => /^[A-Z]{2}$/.test(c)),
    sort: sort && SORT_FIELDS.includes(sort) ? sort : 'COMPANY_NAME',
    dir: p.get('dir') === 'DESC' ? 'DESC' : 'ASC',
    size: (PAGE_SIZES as readonly number[]).includes(size) ? size : 20,
    after: p.get('after'),
    before: p.get('before'),
    page: Math.max(1, Number(p.get('page')) || 1),
  };
}

export function serializeListState(s: ListState): string {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  if (s.tags.length) p.set('tags', s.tags.join(','));
  if (s.rel.length) p.set('rel', s.rel.join(','));
  if (s.reseller.length) p.set('reseller', s.reseller.join(','));
  if (s.status.length) p.set('status', s.status.join(','));
  if (s.country.length) p.set('country', s.country.join(','));
  if (s.sort !== 'COMPANY_NAME') p.set('sort', s.sort);
  if (s.dir !== 'ASC') p.set('dir', s.dir);
  if (s.size !== 20) p.set('size', String(s.size));
  if (s.after) p.set('after', s.after);
  if (s.before) p.set('before', s.before);
  if (s.page > 1) p.set('page', String(s.page));
  const str = p.toString();
  return str ? `?${str}` : '';
}

/** Changing what is listed starts again from the first page. */
export function withFirstPage(s: ListState): ListState {
  return { ...s, after: null, before: null, page: 1 };
}

export function toVariables(s: ListState): CustomerListQueryVariables {
  const filter: CustomerListFilter = {};
  if (s.tags.length) filter.tagsAny = s.tags;
  if (s.rel.length) filter.relationshipTypes = s.rel;
  if (s.reseller.length) filter.associatedPartnerIDs = s.reseller;
  if (s.status.length) filter.verificationStatuses = s.status;
  if (s.country.length) filter.countries = s.country;
  const q = s.q.trim();
  return {
    search: q || null,
    filter: Object.keys(filter).length ? filter : null,
    orderBy: [{ field: s.sort, direction: s.dir }],
    ...(s.before ? { last: s.size, before: s.before } : { first: s.size, after: s.after }),
  };
}

export const hasFilters = (s: ListState) =>
  s.tags.length + s.rel.length + s.reseller.length + s.status.length + s.country.length > 0;
