// A country's requirements: the server's (the `countries` query, loaded with the add-customer screen)
// once known, else the app's own table (countries.ts) so forms still guide before that.
import type { CountryRulesFragment } from '../gql/graphql';
import { COUNTRY_CODES, STATES, postalFormat, requiresRegistrationId, requiresState } from './countries';

export type CountryRule = Omit<CountryRulesFragment, '__typename'>;

let fromServer: Map<string, CountryRule> | null = null;

export function setServerCountries(list: readonly CountryRule[] | null | undefined) {
  if (list && list.length > 0) fromServer = new Map(list.map((c) => [c.code, c]));
}

/** One country's requirements from the server (`country(code:)`), without changing the list of countries. */
const single = new Map<string, CountryRule>();
export function setServerCountry(rule: CountryRule | null | undefined) {
  if (rule) single.set(rule.code, rule);
}

/** For tests. */
export function clearServerCountries() {
  fromServer = null;
  single.clear();
}

export function countryCodes(): string[] {
  return fromServer ? [...fromServer.keys()] : COUNTRY_CODES;
}

export function isKnownCountry(code: string): boolean {
  return fromServer ? fromServer.has(code) : COUNTRY_CODES.includes(code);
}

export function countryRule(code: string): CountryRule {
  const server = fromServer?.get(code) ?? single.get(code);
  if (server) return server;
  const postal = postalFormat(code);
  return {
    code,
    requiresRegistrationID: requiresRegistrationId(code),
    requiresPhone: requiresRegistrationId(code),
    requiresState: requiresState(code),
    requiresPostalCode: !!postal,
    requiresCity: true,
    postalCodeExample: postal?.example ?? null,
    states: (STATES[code] ?? []).map(([c, name]) => ({ code: c, name })),
  };
}
