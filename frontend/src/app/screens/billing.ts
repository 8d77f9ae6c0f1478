// The billing profile form's model: its fields, validation mirroring domain.md §6, what changed, and
// redoing an edit on top of a newer version after a CONFLICT.
import type { BillingProfileFieldsFragment, UpdateBillingProfileInput } from '../gql/graphql';
import type { MessageKey } from '../i18n/messages/en';
import * as rules from '../validation/rules';

export const BILLING_FIELDS = [
  'companyName',
  'firstName',
  'lastName',
  'email',
  'addressLine1',
  'addressLine2',
  'city',
  'state',
  'postalCode',
  'country',
  'phoneNumber',
  'culture',
  'language',
] as const;
export type BillingField = (typeof BILLING_FIELDS)[number];
export type BillingValues = Record<BillingField, string>;

export const FIELD_LABEL: Record<BillingField, MessageKey> = {
  companyName: 'field.billToName',
  firstName: 'field.firstName',
  lastName: 'field.lastName',
  email: 'field.email',
  addressLine1: 'field.addressLine1',
  addressLine2: 'field.addressLine2',
  city: 'field.city',
  state: 'field.state',
  postalCode: 'field.postalCode',
  country: 'field.country',
  phoneNumber: 'field.phoneNumber',
  culture: 'field.culture',
  language: 'field.language',
};

export function valuesOf(p: BillingProfileFieldsFragment): BillingValues {
  const out = {} as BillingValues;
  for (const f of BILLING_FIELDS) out[f] = p[f] ?? '';
  return out;
}

export function changedFields(from: BillingValues, to: BillingValues): BillingField[] {
  return BILLING_FIELDS.filter((f) => from[f].trim() !== to[f].trim());
}

/** The mutation input: only the fields that changed, based on `version`. */
export function updateInput(customerID: string, version: number, base: BillingValues, edited: BillingValues): UpdateBillingProfileInput {
  const input: UpdateBillingProfileInput = { customerID, version };
  for (const f of changedFields(base, edited)) input[f] = edited[f].trim();
  return input;
}

export interface ConflictRow {
  field: BillingField;
  was: string;
  now: string;
  yours: string | null;
  both: boolean;
}

/** What changed between the version an edit started from and the latest, next to the edit. */
export function conflictRows(base: BillingValues, latest: BillingValues, mine: BillingValues): ConflictRow[] {
  const theirs = new Set(changedFields(base, latest));
  const ours = new Set(changedFields(base, mine));
  return BILLING_FIELDS.filter((f) => theirs.has(f) || ours.has(f)).map((f) => ({
    field: f,
    was: base[f],
    now: latest[f],
    yours: ours.has(f) ? mine[f] : null,
    both: theirs.has(f) && ours.has(f) && latest[f].trim() !== mine[f].trim(),
  }));
}

/** The latest values with my changes applied on top. */
export function redoOnTop(base: BillingValues, latest: BillingValues, mine: BillingValues): BillingValues {
  const out = { ...latest };
  for (const f of changedFields(base, mine)) out[f] = mine[f];
  return out;
}

export function validateBilling(v: BillingValues, partnerDomains: readonly string[]): Partial<Record<BillingField, rules.Problem>> {
  const out: Partial<Record<BillingField, rules.Problem>> = {};
  const set = (f: BillingField, p: rules.Problem | null) => {
    if (p) out[f] = p;
  };
  set('companyName', rules.companyName(v.companyName));
  set('firstName', rules.personName(v.firstName));
  set('lastName', rules.personName(v.lastName));
  set('email', rules.email(v.email, partnerDomains));
  set('addressLine1', rules.length(v.addressLine1, 1, 200));
  set('addressLine2', rules.length(v.addressLine2, 0, 200));
  set('city', rules.city(v.city, v.country));
  set('state', rules.state(v.state, v.country));
  set('postalCode', rules.postalCode(v.postalCode, v.country));
  set('country', rules.country(v.country));
  set('phoneNumber', rules.phone(v.phoneNumber, v.country));
  if (!/^[a-z]{2}-[A-Z]{2}$/.test(v.culture)) out.culture = { code: v.culture ? 'INVALID' : 'REQUIRED' };
  if (!/^[a-z]{2}$/.test(v.language)) out.language = { code: v.language ? 'INVALID' : 'REQUIRED' };
  return out;
}
