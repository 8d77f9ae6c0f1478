// Pure helpers of the new-order flow and the agreement form (tested in orderModel.test.ts).
import type { UserErrorFieldsFragment } from '../gql/graphql';
import { byField } from '../graphql/userErrors';
import * as rules from '../validation/rules';

export const CATALOGS = ['AZURE', 'MARKETPLACE', 'SOFTWARE', 'ONLINE_SERVICES'] as const;
export type Catalog = (typeof CATALOGS)[number];

export interface AgreementValues {
  firstName: string;
  lastName: string;
  email: string;
  phoneNumber: string;
  dateAgreed: string;
}
export type AgreementField = keyof AgreementValues;

/** Today as YYYY-MM-DD in local time. */
export function today(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export function emptyAgreement(now = new Date()): AgreementValues {
  return { firstName: '', lastName: '', email: '', phoneNumber: '', dateAgreed: today(now) };
}

export function validateAgreement(v: AgreementValues, now = new Date()): Partial<Record<AgreementField, rules.Problem>> {
  const out: Partial<Record<AgreementField, rules.Problem>> = {};
  for (const f of ['firstName', 'lastName'] as const) {
    const p = v[f].trim() ? rules.personName(v[f]) : { code: 'REQUIRED' as const };
    if (p) out[f] = p;
  }
  const e = rules.email(v.email);
  if (e) out.email = e;
  const phone = v.phoneNumber.trim();
  if (phone && !/^\+?[\d\s().-]{5,25}$/.test(phone)) out.phoneNumber = { code: 'INVALID' };
  if (!v.dateAgreed) out.dateAgreed = { code: 'REQUIRED' };
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(v.dateAgreed)) out.dateAgreed = { code: 'INVALID' };
  else if (v.dateAgreed > today(now)) out.dateAgreed = { code: 'INVALID', key: 'agreement.future' };
  return out;
}

export interface OrderLine {
  offerID: string;
  name: string;
  minQuantity: number;
  maxQuantity: number;
  quantity: string;
  autoRenew: boolean;
}

export function quantityProblem(l: Pick<OrderLine, 'quantity' | 'minQuantity' | 'maxQuantity'>): rules.Problem | null {
  const s = l.quantity.trim();
  if (!s) return { code: 'REQUIRED' };
  if (!/^\d+$/.test(s)) return { code: 'INVALID' };
  const n = Number(s);
  if (n < l.minQuantity || n > l.maxQuantity) return { code: 'INVALID', key: 'order.quantityRange', params: { min: l.minQuantity, max: l.maxQuantity } };
  return null;
}

/** Adds an offer (or one more of it, when it is already a line). */
export function addLine(lines: readonly OrderLine[], offer: { id: string; name: string; minQuantity: number; maxQuantity: number }): OrderLine[] {
  const i = lines.findIndex((l) => l.offerID === offer.id);
  if (i >= 0) {
    return lines.map((l, j) => (j === i && /^\d+$/.test(l.quantity) ? { ...l, quantity: String(Math.min(Number(l.quantity) + 1, l.maxQuantity)) } : l));
  }
  return [
    ...lines,
    { offerID: offer.id, name: offer.name, minQuantity: offer.minQuantity, maxQuantity: offer.maxQuantity, quantity: String(Math.max(1, offer.minQuantity)), autoRenew: true },
  ];
}

export function orderInput(customerID: string, lines: readonly OrderLine[]) {
  return { customerID, lines: lines.map((l) => ({ offerID: l.offerID, quantity: Number(l.quantity), autoRenew: l.autoRenew })) };
}

/**
 * Splits a placeOrder's userErrors: per line (["input","lines","1","quantity"] → line 1) and the rest
 * (AGREEMENT_REQUIRED, NOT_VERIFIED, errors about the order as a whole).
 */
export function splitOrderErrors(errors: readonly UserErrorFieldsFragment[] | null | undefined): {
  lines: Record<number, UserErrorFieldsFragment>;
  general: UserErrorFieldsFragment[];
} {
  const lines: Record<number, UserErrorFieldsFragment> = {};
  const general: UserErrorFieldsFragment[] = [];
  for (const [path, e] of Object.entries(byField(errors))) {
    const m = /^lines\.(\d+)(\.|$)/.exec(path);
    if (m) lines[Number(m[1])] ??= e;
    else general.push(e);
  }
  // byField keeps one error per path; keep every general one with a distinct code.
  for (const e of errors ?? []) {
    const path = (e.field ?? []).filter((p, i) => !(i === 0 && p === 'input')).join('.');
    if (!/^lines\.\d+/.test(path) && !general.some((g) => g.code === e.code)) general.push(e);
  }
  return { lines, general };
}
