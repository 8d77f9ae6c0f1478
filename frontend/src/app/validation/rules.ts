// Client-side checks mirroring domain.md §6 and the server's rules, so people see problems as they
// type. The server stays the authority: its userErrors are shown on the same fields.
import { en, type MessageKey } from '../i18n/messages/en';
import type { Params, Translator } from '../i18n/core';
import type { UserErrorCode } from '../gql/graphql';
import { postalFormat } from './countries';
import { countryRule, isKnownCountry } from './countryRules';

export interface Problem {
  code: UserErrorCode;
  /** A specific message; without it the code's message is used (with min/max when known). */
  key?: MessageKey;
  params?: Params;
  /** Allowed, but worth telling (".com" in a company name). */
  warning?: boolean;
}

export function problemMessage(t: Translator['t'], p: Problem): string {
  if (p.key) return t(p.key, p.params);
  if (p.code === 'TOO_SHORT' && p.params?.min !== undefined) return t('userError.minChars', { count: p.params.min });
  if (p.code === 'TOO_LONG' && p.params?.max !== undefined) return t('userError.maxChars', { count: p.params.max });
  const key = `userError.${p.code}`;
  // A code newer than this build of the app: the generic message.
  return t((key in en ? key : 'userError.INVALID') as MessageKey, p.params);
}

const chars = (s: string) => Array.from(s.normalize('NFC')).length;

export function length(s: string, min: number, max: number): Problem | null {
  const n = chars(s.trim());
  if (n === 0 && min > 0) return { code: 'REQUIRED' };
  if (n < min) return { code: 'TOO_SHORT', params: { min } };
  if (n > max) return { code: 'TOO_LONG', params: { max } };
  return null;
}

/** Folds for comparing with word lists: lower case, no accents, letters and digits only. */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

function tokens(s: string): string[] {
  return s
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .map(fold)
    .filter(Boolean);
}

/** Drops trailing numbers ("test 2", "demo123"). */
function withoutTrailingDigits(toks: string[]): string[] {
  const out = [...toks];
  while (out.length > 0) {
    const last = out[out.length - 1] ?? '';
    const trimmed = last.replace(/\d+$/, '');
    if (trimmed === last) break;
    if (trimmed === '') out.pop();
    else {
      out[out.length - 1] = trimmed;
      break;
    }
  }
  return out;
}

function oneCharRepeated(s: string): boolean {
  const cs = Array.from(s.replace(/\s/g, '').toLowerCase());
  return cs.length >= 2 && cs.every((c) => c === cs[0]);
}

const LEGAL_FORMS = new Set(
  [
    'llc', 'inc', 'ltd', 'limited', 'gmbh', 'ag', 'kg', 'ohg', 'ug', 'corp', 'corporation', 'co', 'plc',
    'llp', 'lp', 'sa', 'sas', 'sarl', 'sasu', 'eurl', 'snc', 'srl', 'spa', 'sapa', 'snc', 'sp z oo', 'spzoo',
    'sa', 'sk', 'ska', 'bv', 'nv', 'ab', 'as', 'oy', 'ooo', 'oao', 'zao', 'pao', 'ao', 'ip', 'ооо', 'оао', 'зао',
    'пао', 'ао', 'ип', 'тов', 'пп', 'kft', 'zrt', 'sro', 'as', 'doo', 'pty', 'pty ltd', 'pte ltd', 'kk',
  ].map(fold),
);
const TEST_NAMES = new Set(
  ['test', 'demo', 'asdf', 'qwerty', 'sample', 'example', 'dummy', 'foo', 'bar', 'foobar', 'xxx', 'abc', 'тест', 'test company', 'demo company'].map(fold),
);
/** Special characters allowed in a company name (domain.md §6), plus typographic quotes found in real names. */
const COMPANY_SPECIALS = new Set(Array.from('~-=_#.%+:^[]$–—&@*(),"⟨⟩`<>!\\/{}|‘\'،;?' + '’“”„«»'));

export function companyName(raw: string): Problem | null {
  const s = raw.trim();
  const len = length(s, 2, 255);
  if (len) return len;
  for (const c of Array.from(s)) {
    if (/[\p{L}\p{M}\p{N}\s]/u.test(c) || COMPANY_SPECIALS.has(c)) continue;
    return { code: 'INVALID', key: 'v.company.badChar', params: { char: `“${c}”` } };
  }
  if (!/\p{L}/u.test(s)) return { code: 'INVALID', key: 'v.company.onlySpecial' };
  const toks = tokens(s);
  if (LEGAL_FORMS.has(toks.join('')) || toks.every((tk) => LEGAL_FORMS.has(tk))) {
    return { code: 'INVALID', key: 'v.company.legalForm' };
  }
  if (oneCharRepeated(s)) return { code: 'INVALID', key: 'v.company.repeated' };
  if (/^(\S\s+)+\S$/u.test(s)) return { code: 'INVALID', key: 'v.company.spaced' };
  if (TEST_NAMES.has(withoutTrailingDigits(toks).join(''))) return { code: 'INVALID', key: 'v.company.testName' };
  return null;
}

/** A warning, not an error: ".com" and the like in a company name. */
export function companyNameWarning(raw: string): Problem | null {
  return /\.(com|net|org|io|biz|info|co|eu|ru|pl|fr|it|de|uk)\b/i.test(raw)
    ? { code: 'INVALID', key: 'v.company.web', warning: true }
    : null;
}

const PLACEHOLDERS = new Set(
  ['test', 'admin', 'nobody', 'none', 'user', 'unknown', 'na', 'asdf', 'xxx', 'name', 'firstname', 'lastname', 'noname', 'anonymous', 'тест'].map(fold),
);

export function personName(raw: string): Problem | null {
  const s = raw.trim();
  const han = /^\p{Script=Han}+$/u.test(s);
  const len = length(s, han ? 1 : 2, 40);
  if (len) return len;
  if (!/\p{L}/u.test(s) || /\p{Extended_Pictographic}/u.test(s)) return { code: 'INVALID', key: 'v.person.invalid' };
  if (!han && oneCharRepeated(s)) return { code: 'INVALID', key: 'v.person.invalid' };
  if (PLACEHOLDERS.has(withoutTrailingDigits(tokens(s)).join(''))) return { code: 'INVALID', key: 'v.person.placeholder' };
  return null;
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function email(raw: string, partnerDomains: readonly string[] = []): Problem | null {
  const s = raw.trim();
  if (!s) return { code: 'REQUIRED' };
  if (chars(s) > 254) return { code: 'TOO_LONG', params: { max: 254 } };
  if (!EMAIL_RE.test(s)) return { code: 'INVALID', key: 'v.email.invalid' };
  const domain = s.slice(s.lastIndexOf('@') + 1).toLowerCase();
  const at = (d: string) => domain === d || domain.endsWith(`.${d}`);
  if (at('microsoft.com')) return { code: 'INVALID', key: 'v.email.microsoft' };
  const own = partnerDomains.find((d) => at(d.toLowerCase()));
  if (own) return { code: 'INVALID', key: 'v.email.partnerDomain', params: { domain: own } };
  return null;
}

export function domainPrefix(s: string): Problem | null {
  if (!s) return { code: 'REQUIRED' };
  if (s.length > 27) return { code: 'TOO_LONG', params: { max: 27 } };
  if (!/^[a-z0-9]+$/.test(s)) return { code: 'INVALID', key: 'v.domain.invalid' };
  return null;
}

/** Suggests a domain prefix from a company name ("Wrocław Logistics Sp. z o.o." → "wroclawlogistics"). */
export function suggestDomainPrefix(companyName: string): string {
  const toks = companyName
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const words = toks.filter((tk) => !LEGAL_FORMS.has(tk) && !['sp', 'z', 'o'].includes(tk));
  return (words.length ? words : toks).join('').slice(0, 27);
}

export function country(s: string): Problem | null {
  if (!s) return { code: 'REQUIRED' };
  return isKnownCountry(s) ? null : { code: 'INVALID', key: 'v.country.invalid' };
}

export function phone(raw: string, countryCode: string): Problem | null {
  const s = raw.trim();
  if (!s) return countryRule(countryCode).requiresPhone ? { code: 'REQUIRED' } : null;
  if (chars(s) > 32) return { code: 'TOO_LONG', params: { max: 32 } };
  const digits = s.replace(/[\s().-]/g, '');
  if (!/^\+?\d{6,15}$/.test(digits)) return { code: 'INVALID', key: 'v.phone.invalid' };
  return null;
}

export function postalCode(raw: string, countryCode: string): Problem | null {
  const s = raw.trim();
  const rule = countryRule(countryCode);
  const fmt = postalFormat(countryCode);
  if (!s) return rule.requiresPostalCode ? { code: 'REQUIRED' } : null;
  if (chars(s) > 20) return { code: 'TOO_LONG', params: { max: 20 } };
  if (fmt && !fmt.re.test(s)) {
    return { code: 'INVALID', key: 'v.postal.invalid', params: { example: rule.postalCodeExample ?? fmt.example } };
  }
  return null;
}

export function city(raw: string, countryCode: string): Problem | null {
  if (!raw.trim() && !countryRule(countryCode).requiresCity) return null;
  return length(raw, 1, 100);
}

export function state(raw: string, countryCode: string): Problem | null {
  const s = raw.trim();
  const rule = countryRule(countryCode);
  if (!s) return rule.requiresState ? { code: 'REQUIRED' } : null;
  if (chars(s) > 100) return { code: 'TOO_LONG', params: { max: 100 } };
  const list = rule.states;
  if (list.length > 0 && !list.some(({ code, name }) => code === s.toUpperCase() || fold(name) === fold(s))) {
    return { code: 'INVALID', key: 'v.state.choose' };
  }
  return null;
}

const digitsOf = (s: string) => Array.from(s, Number);

function innValid(s: string): boolean {
  const d = digitsOf(s);
  const check = (weights: number[]) => (weights.reduce((sum, w, i) => sum + w * (d[i] ?? 0), 0) % 11) % 10;
  if (d.length === 10) return check([2, 4, 10, 3, 5, 9, 4, 6, 8]) === d[9];
  if (d.length === 12) {
    return check([7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === d[10] && check([3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === d[11];
  }
  return false;
}

function nipValid(s: string): boolean {
  const d = digitsOf(s);
  if (d.length !== 10) return false;
  const sum = [6, 5, 7, 2, 3, 4, 5, 6, 7].reduce((acc, w, i) => acc + w * (d[i] ?? 0), 0) % 11;
  return sum !== 10 && sum === d[9];
}

function cnpjValid(s: string): boolean {
  const d = digitsOf(s);
  if (d.length !== 14 || d.every((x) => x === d[0])) return false;
  const dv = (n: number) => {
    const weights = n === 12 ? [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2] : [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
    const r = weights.reduce((acc, w, i) => acc + w * (d[i] ?? 0), 0) % 11;
    return r < 2 ? 0 : 11 - r;
  };
  return dv(12) === d[12] && dv(13) === d[13];
}

/** Registration ID: required in the 24 countries, refused elsewhere; checksums where they are public. */
export function registrationId(raw: string, countryCode: string): Problem | null {
  const s = raw.trim();
  if (!countryRule(countryCode).requiresRegistrationID) {
    return s ? { code: 'INVALID', key: 'v.regId.notAccepted' } : null;
  }
  if (!s) return { code: 'REQUIRED' };
  if (chars(s) > 64) return { code: 'TOO_LONG', params: { max: 64 } };
  const compact = s.replace(/[\s./-]/g, '');
  const bad: Problem = { code: 'INVALID', key: 'v.regId.invalid' };
  switch (countryCode) {
    case 'RU':
      return /^\d{10}(\d{2})?$/.test(compact) && innValid(compact) ? null : bad;
    case 'PL': {
      const nip = compact.replace(/^PL/i, '');
      return /^\d{10}$/.test(nip) && nipValid(nip) ? null : bad;
    }
    case 'BR':
      return /^\d{14}$/.test(compact) && cnpjValid(compact) ? null : bad;
    case 'UA':
      return /^\d{8}$/.test(compact) ? null : bad;
    case 'KZ':
      return /^\d{12}$/.test(compact) ? null : bad;
    case 'TR':
      return /^\d{10}$/.test(compact) ? null : bad;
    default:
      return /^[\p{L}\p{N}]{2,64}$/u.test(compact) ? null : bad;
  }
}

export function tagName(raw: string, existing: readonly string[] = []): Problem | null {
  const len = length(raw, 1, 50);
  if (len) return len;
  const f = raw.trim().toLowerCase();
  return existing.some((e) => e.trim().toLowerCase() === f) ? { code: 'TAKEN', key: 'v.tag.duplicate' } : null;
}

export function color(s: string): Problem | null {
  return /^#[0-9a-fA-F]{6}$/.test(s) ? null : { code: 'INVALID', key: 'v.color.invalid' };
}
