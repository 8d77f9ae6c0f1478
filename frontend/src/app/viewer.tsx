import { createContext, useContext, useEffect } from 'react';
import type { PartnerCapacity, RelationshipType, Role, ViewerFieldsFragment } from './gql/graphql';

export type Viewer = ViewerFieldsFragment;

/** Actions of the role matrix in domain.md §1 that the web app offers. */
export type Action = 'viewCustomers' | 'addCustomer' | 'editBilling' | 'manageTags';

const MATRIX: Record<Action, readonly Role[]> = {
  viewCustomers: ['GLOBAL_ADMIN', 'ADMIN_AGENT', 'SALES_AGENT', 'HELPDESK_AGENT', 'BILLING_ADMIN'],
  addCustomer: ['GLOBAL_ADMIN', 'USER_MANAGEMENT_ADMIN', 'ADMIN_AGENT', 'SALES_AGENT'],
  editBilling: ['GLOBAL_ADMIN', 'ADMIN_AGENT', 'SALES_AGENT'],
  manageTags: ['GLOBAL_ADMIN', 'ADMIN_AGENT', 'SALES_AGENT'],
};

/** Whether the viewer's roles (and partner capacity) allow an action; the server decides in the end. */
export function can(viewer: Viewer | null | undefined, action: Action): boolean {
  if (!viewer) return false;
  const roles = viewer.user.roles;
  if (!roles.some((r) => MATRIX[action].includes(r))) return false;
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

/** Screens report the viewer their query loaded, for the header. */
export function useReportViewer(viewer: Viewer | null | undefined) {
  const { setViewer } = useContext(ViewerContext);
  const key = viewer ? `${viewer.user.id}:${viewer.user.name}:${viewer.partner.name}:${viewer.user.roles.join()}` : '';
  useEffect(() => {
    if (viewer) setViewer(viewer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
}
