// The add-customer wizard's model: steps, their fields, validation mirroring domain.md §6, the
// mutation input, and where the server's userErrors belong.
import type { CreateCustomerInput, CustomerQualification, UserErrorFieldsFragment } from '../gql/graphql';
import { byField } from '../graphql/userErrors';
import { defaultCulture, defaultLanguage } from '../validation/countries';
import { countryRule } from '../validation/countryRules';
import * as rules from '../validation/rules';

export const STEPS = ['account', 'company', 'contact', 'gdap', 'review', 'done'] as const;
export type Step = (typeof STEPS)[number];

export interface AddValues {
  companyName: string;
  domainPrefix: string;
  country: string;
  language: string;
  culture: string;
  billToName: string;
  registrationID: string;
  qualification: CustomerQualification;
  addressLine1: string;
  addressLine2: string;
  city: string;
  state: string;
  postalCode: string;
  phoneNumber: string;
  firstName: string;
  lastName: string;
  email: string;
  defaultGdap: boolean;
  tagIDs: string[];
  /** For an indirect provider: the reseller the customer is added for ('' for none). */
  associatedResellerID: string;
}
export type AddField = Exclude<keyof AddValues, 'defaultGdap' | 'tagIDs'>;

export const STEP_FIELDS: Record<Step, readonly AddField[]> = {
  account: ['companyName', 'domainPrefix', 'country', 'language', 'culture', 'associatedResellerID'],
  company: ['billToName', 'registrationID', 'qualification', 'addressLine1', 'addressLine2', 'city', 'state', 'postalCode', 'phoneNumber'],
  contact: ['firstName', 'lastName', 'email'],
  gdap: [],
  review: [],
  done: [],
};

export function emptyValues(country = 'PL'): AddValues {
  return {
    companyName: '',
    domainPrefix: '',
    country,
    language: defaultLanguage(country),
    culture: defaultCulture(country),
    billToName: '',
    registrationID: '',
    qualification: 'NONE',
    addressLine1: '',
    addressLine2: '',
    city: '',
    state: '',
    postalCode: '',
    phoneNumber: '',
    firstName: '',
    lastName: '',
    email: '',
    defaultGdap: true,
    tagIDs: [],
    associatedResellerID: '',
  };
}

export function validateAdd(v: AddValues, partnerDomains: readonly string[]): Partial<Record<AddField, rules.Problem>> {
  const out: Partial<Record<AddField, rules.Problem>> = {};
  const set = (f: AddField, p: rules.Problem | null) => {
    if (p) out[f] = p;
  };
  set('companyName', rules.companyName(v.companyName));
  set('domainPrefix', rules.domainPrefix(v.domainPrefix));
  set('country', rules.country(v.country));
  if (!/^[a-z]{2}$/.test(v.language)) out.language = { code: 'REQUIRED' };
  if (!/^[a-z]{2}-[A-Z]{2}$/.test(v.culture)) out.culture = { code: 'REQUIRED' };
  if (v.billToName.trim()) set('billToName', rules.companyName(v.billToName));
  set('registrationID', rules.registrationId(v.registrationID, v.country));
  set('addressLine1', rules.length(v.addressLine1, 1, 200));
  set('addressLine2', rules.length(v.addressLine2, 0, 200));
  set('city', rules.city(v.city, v.country));
  set('state', rules.state(v.state, v.country));
  set('postalCode', rules.postalCode(v.postalCode, v.country));
  set('phoneNumber', rules.phone(v.phoneNumber, v.country));
  set('firstName', rules.personName(v.firstName));
  set('lastName', rules.personName(v.lastName));
  set('email', rules.email(v.email, partnerDomains));
  return out;
}

const opt = (s: string) => (s.trim() ? s.trim() : null);

export function createInput(v: AddValues): CreateCustomerInput {
  return {
    domainPrefix: v.domainPrefix,
    companyName: v.companyName.trim(),
    country: v.country,
    language: v.language,
    culture: v.culture,
    registrationID: countryRule(v.country).requiresRegistrationID ? opt(v.registrationID) : null,
    qualification: v.qualification,
    defaultGdap: v.defaultGdap,
    tagIDs: v.tagIDs.length ? v.tagIDs : null,
    associatedResellerID: v.associatedResellerID || null,
    billingProfile: {
      companyName: opt(v.billToName) ?? v.companyName.trim(),
      firstName: v.firstName.trim(),
      lastName: v.lastName.trim(),
      email: v.email.trim(),
      culture: v.culture,
      language: v.language,
      addressLine1: v.addressLine1.trim(),
      addressLine2: opt(v.addressLine2),
      city: v.city.trim(),
      state: opt(v.state),
      postalCode: opt(v.postalCode),
      country: v.country,
      phoneNumber: opt(v.phoneNumber),
    },
  };
}

/** Maps a server field path (after "input") to the wizard's field. */
export function fieldForPath(path: string): AddField | null {
  const map: Record<string, AddField> = {
    domainPrefix: 'domainPrefix',
    primaryDomain: 'domainPrefix',
    companyName: 'companyName',
    country: 'country',
    language: 'language',
    culture: 'culture',
    registrationID: 'registrationID',
    registrationId: 'registrationID',
    qualification: 'qualification',
    associatedResellerID: 'associatedResellerID',
    'billingProfile.companyName': 'billToName',
    'billingProfile.firstName': 'firstName',
    'billingProfile.lastName': 'lastName',
    'billingProfile.email': 'email',
    'billingProfile.culture': 'culture',
    'billingProfile.language': 'language',
    'billingProfile.addressLine1': 'addressLine1',
    'billingProfile.addressLine2': 'addressLine2',
    'billingProfile.city': 'city',
    'billingProfile.state': 'state',
    'billingProfile.postalCode': 'postalCode',
    'billingProfile.country': 'country',
    'billingProfile.phoneNumber': 'phoneNumber',
  };
  return map[path] ?? null;
}

export function stepOf(f: AddField): Step {
  return (STEPS.find((s) => STEP_FIELDS[s].includes(f)) ?? 'review') as Step;
}

/** Server errors by wizard field, plus those that belong to no field. */
export function serverErrorsByField(errors: readonly UserErrorFieldsFragment[]) {
  const fields: Partial<Record<AddField, UserErrorFieldsFragment>> = {};
  const general: UserErrorFieldsFragment[] = [];
  for (const [path, err] of Object.entries(byField(errors))) {
    const f = fieldForPath(path);
    if (f) fields[f] = err;
    else general.push(err);
  }
  return { fields, general };
}
