import { createContext, useContext, useEffect } from 'react';
import type { PartnerCapacity, Permission, RelationshipType, ViewerFieldsFragment } from './gql/graphql';

export type Viewer = ViewerFieldsFragment;

/** Commands of the web app, each needing one of the server's permissions (`viewer.permissions`). */
export type Action =
  | 'viewCustomers'
  | 'addCustomer'
  | 'editBilling'
  | 'manageTags'
  | 'placeOrders'
  | 'confirmAgreement'
  | 'exportCustomers'
  | 'viewActivity'
  | 'manageUsers'
  | 'requestRelationship'
  | 'purchasePermissions'
  | 'costVisibility';

const NEEDS: Record<Action, Permission> = {
  viewCustomers: 'VIEW_CUSTOMERS',
  addCustomer: 'ADD_CUSTOMER',
  editBilling: 'UPDATE_BILLING',
  manageTags: 'MANAGE_TAGS',
  placeOrders: 'PLACE_ORDERS',
  confirmAgreement: 'CONFIRM_AGREEMENT',
  exportCustomers: 'EXPORT_CUSTOMERS',
  viewActivity: 'VIEW_ACTIVITY',
  manageUsers: 'MANAGE_USERS',
  requestRelationship: 'REQUEST_RELATIONSHIP',
  purchasePermissions: 'PURCHASE_PERMISSIONS',
  costVisibility: 'COST_VISIBILITY',
};

/**
 * Whether the viewer may use a command, from the permissions the server computed from its roles (no
 * role table in the app); adding customers also needs a partner capacity. The server decides in the end.
 */
export function can(viewer: Viewer | null | undefined, action: Action): boolean {
  if (!viewer) return false;
  if (!viewer.permissions.includes(NEEDS[action])) return false;
  if (action === 'addCustomer') return canAddCustomers(viewer.partner.capacities);
  return true;
}

/** A partner that is only an indirect reseller cannot add customers (domain.md §1). */
export function canAddCustomers(capacities: readonly PartnerCapacity[]): boolean {
  return capacities.some((c) => c === 'DIRECT_BILL' || c === 'INDIRECT_PROVIDER');
}

/** Whether the viewer's partner is the customer's bill-to partner (DIRECT_BILL or INDIRECT_PROVIDER). */
export function isBillTo(relationships: ReadonlyArray<{ type: RelationshipType; status: string }> | null | undefined): boolean {
  return (relationships ?? []).some((r) => r.status === 'ACTIVE' && (r.type === 'DIRECT_BILL' || r.type === 'INDIRECT_PROVIDER'));
}

interface ViewerContextValue {
  viewer: Viewer | null;
  setViewer: (v: Viewer | null) => void;
}

export const ViewerContext = createContext<ViewerContextValue>({ viewer: null, setViewer: () => {} });

export const useViewer = () => useContext(ViewerContext).viewer;

const HINT_KEY = 'partnerhub.viewerHint';

/**
 * Remembers the signed-in viewer's permissions across page loads (null forgets them), so a screen opened
 * directly can shape its one query before the server has answered (see useMayUse).
 */
export function rememberViewer(viewer: Viewer | null) {
  try {
    if (viewer) window.localStorage.setItem(HINT_KEY, JSON.stringify({ user: viewer.user.id, permissions: viewer.permissions }));
    else window.localStorage.removeItem(HINT_KEY);
  } catch {
    // storage may be unavailable (privacy mode): screens then learn the permissions from their query
  }
}

function rememberedPermissions(): readonly Permission[] | null {
  try {
    const raw = window.localStorage.getItem(HINT_KEY);
    const hint = raw ? (JSON.parse(raw) as { permissions?: unknown }) : null;
    return Array.isArray(hint?.permissions) ? (hint.permissions as Permission[]) : null;
  } catch {
    return null;
  }
}

/**
 * Whether the viewer may use a command, as far as the app knows before a screen's query answers: from
 * the viewer of the running app, else the permissions remembered from the last page load. For optional
 * parts of a screen's one query (`@include(if: …)`); the server decides in the end, and a screen drops
 * the part if the server refuses it (see refusedField).
 */
export function useMayUse(action: Action): boolean {
  const viewer = useViewer();
  if (viewer) return can(viewer, action);
  return rememberedPermissions()?.includes(NEEDS[action]) ?? false;
}

/** Whether a query's error is the server refusing one of its root fields (such as activityLog). */
export function refusedField(error: { graphQLErrors: ReadonlyArray<{ path?: ReadonlyArray<string | number>; extensions?: Record<string, unknown> }> } | undefined, field: string): boolean {
  return !!error?.graphQLErrors.some((e) => e.path?.[0] === field && e.extensions?.code === 'FORBIDDEN');
}

/** Screens report the viewer their query loaded, for the header. */
export function useReportViewer(viewer: Viewer | null | undefined) {
  const { setViewer } = useContext(ViewerContext);
  const key = viewer ? `${viewer.user.id}:${viewer.user.name}:${viewer.partner.name}:${viewer.permissions.join()}` : '';
  useEffect(() => {
    if (viewer) setViewer(viewer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
}
