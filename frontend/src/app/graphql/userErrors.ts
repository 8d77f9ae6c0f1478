import type { UserErrorFieldsFragment } from '../gql/graphql';

/**
 * Groups a payload's userErrors by field, the path after "input" joined with dots
 * (["input", "billingProfile", "email"] → "billingProfile.email"); errors about the input as a whole
 * go under "".
 */
export function byField(errors: readonly UserErrorFieldsFragment[] | null | undefined): Record<string, UserErrorFieldsFragment> {
  const out: Record<string, UserErrorFieldsFragment> = {};
  for (const e of errors ?? []) {
    const path = (e.field ?? []).filter((p, i) => !(i === 0 && p === 'input')).join('.');
    if (!out[path]) out[path] = e;
  }
  return out;
}
