import type { CustomerDetailFragment, CustomerListQuery, ViewerFieldsFragment } from '../app/gql/graphql';

export const viewer: ViewerFieldsFragment = {
  user: { id: 'usr_1', name: 'Mark Palmer', email: 'admin@contoso-demo.example', roles: ['GLOBAL_ADMIN'] },
  permissions: [
    'VIEW_CUSTOMERS',
    'EXPORT_CUSTOMERS',
    'ADD_CUSTOMER',
    'UPDATE_BILLING',
    'MANAGE_TAGS',
    'REQUEST_RELATIONSHIP',
    'REMOVE_RELATIONSHIP',
    'CONFIRM_AGREEMENT',
    'PURCHASE_PERMISSIONS',
    'COST_VISIBILITY',
    'PLACE_ORDERS',
    'VIEW_ACTIVITY',
  ],
  partner: {
    id: 'ptn_1',
    name: 'Contoso Cloud Solutions',
    capacities: ['DIRECT_BILL', 'INDIRECT_RESELLER'],
    emailDomains: ['contoso-demo.example'],
    resellers: [],
    providers: [{ id: 'ptn_2', name: 'Fabrikam Distribution' }],
  },
};

export const tags = [
  { id: 'tag_1', name: 'Priority', color: '#7c3aed', customerCount: 12 },
  { id: 'tag_2', name: 'SMB', color: '#16a34a', customerCount: 40 },
];

export function row(i: number, over: Partial<CustomerDetailFragment> = {}) {
  return {
    id: `cus_${i}`,
    displayName: `Łódź Trading ${i}`,
    companyName: `Łódź Trading ${i}`,
    primaryDomain: `lodztrading${i}.onmicrosoft.com`,
    microsoftID: `00000000-0000-0000-0000-00000000000${i}`,
    country: 'PL',
    verificationStatus: 'ALLOWED' as const,
    createdAt: '2025-01-0' + ((i % 9) + 1) + 'T10:00:00Z',
    relationships: [{ id: `rel_${i}`, type: 'DIRECT_BILL' as const, status: 'ACTIVE' as const, associatedPartner: null }],
    tags: i === 1 ? [{ id: 'tag_1', name: 'Priority', color: '#7c3aed' }] : [],
    ...over,
  };
}

export function listData(n: number, total = n, hasNextPage = false): CustomerListQuery {
  return {
    viewer,
    customers: {
      totalCount: total,
      pageInfo: { hasNextPage, hasPreviousPage: false, startCursor: 'c1', endCursor: `c${n}` },
      edges: Array.from({ length: n }, (_, i) => ({ cursor: `c${i + 1}`, node: row(i + 1) })),
    },
    tags,
  };
}

export const billingProfile = {
  id: 'bp_1',
  version: 3,
  companyName: 'Wrocław Logistics',
  firstName: 'Anna',
  lastName: 'Kowalska',
  email: 'anna@wroclawlogistics.pl',
  culture: 'pl-PL',
  language: 'pl',
  addressLine1: 'ul. Świdnicka 12',
  addressLine2: null,
  city: 'Wrocław',
  state: null,
  postalCode: '50-068',
  country: 'PL',
  phoneNumber: '+48 71 123 45 67',
  updatedAt: '2025-01-01T00:00:00Z',
};
