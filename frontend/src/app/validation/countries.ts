// Country data the forms need until the server's `countries` query exists (then it becomes the
// source): ISO 3166-1 alpha-2 codes (names come from Intl.DisplayNames in the UI language), the 24
// countries of domain.md §6 that require a registration ID and a phone number, default language and
// culture, postal code formats for common countries, and the state lists of the US and Canada.

export const COUNTRY_CODES = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO ' +
  'JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR ' +
  'MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO ' +
  'RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV ' +
  'TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' ');

const COUNTRY_SET = new Set(COUNTRY_CODES);
export const isCountryCode = (c: string) => COUNTRY_SET.has(c);

/** domain.md §6: registration ID and phone are required for customers in these countries. */
export const REGISTRATION_ID_COUNTRIES = new Set(
  'AM AZ BY BR HU IN IQ KZ KG MD MM PL RU SA ZA SS TJ TH TR UA AE UZ VE VN'.split(' '),
);
export const requiresRegistrationId = (country: string) => REGISTRATION_ID_COUNTRIES.has(country);
export const requiresPhone = requiresRegistrationId;

/** Language spoken by default in a country; the culture is `${language}-${country}`. */
const DEFAULT_LANGUAGE: Record<string, string> = {
  PL: 'pl', RU: 'ru', BY: 'ru', KZ: 'ru', KG: 'ru', FR: 'fr', BE: 'fr', LU: 'fr', MC: 'fr', IT: 'it', SM: 'it',
  VA: 'it', DE: 'de', AT: 'de', CH: 'de', LI: 'de', ES: 'es', MX: 'es', AR: 'es', CO: 'es', CL: 'es', PE: 'es',
  VE: 'es', PT: 'pt', BR: 'pt', NL: 'nl', SE: 'sv', NO: 'nb', DK: 'da', FI: 'fi', CZ: 'cs', SK: 'sk', HU: 'hu',
  RO: 'ro', BG: 'bg', GR: 'el', TR: 'tr', UA: 'uk', JP: 'ja', CN: 'zh', TW: 'zh', KR: 'ko', TH: 'th', VN: 'vi',
  SA: 'ar', AE: 'ar', IQ: 'ar', EG: 'ar', IL: 'he', HR: 'hr', SI: 'sl', RS: 'sr', LT: 'lt', LV: 'lv', EE: 'et',
  AM: 'hy', AZ: 'az', UZ: 'uz', TJ: 'tg', MD: 'ro', MM: 'my', ID: 'id', MY: 'ms',
};
export const defaultLanguage = (country: string) => DEFAULT_LANGUAGE[country] ?? 'en';
export const defaultCulture = (country: string) => `${defaultLanguage(country)}-${country}`;

/** Languages offered for a customer (ISO 639-1). */
export const LANGUAGE_CODES = (
  'ar az bg cs da de el en es et fi fr he hr hu hy id it ja ko lt lv ms my nb nl pl pt ro ru sk sl sr sv tg th tr uk uz vi zh'
).split(' ');

/** Postal code formats (a subset; the server checks every country). */
const POSTAL: Record<string, { re: RegExp; example: string }> = {
  PL: { re: /^\d{2}-\d{3}$/, example: '50-068' },
  RU: { re: /^\d{6}$/, example: '101000' },
  BY: { re: /^\d{6}$/, example: '220030' },
  KZ: { re: /^(\d{6}|[A-Z]\d{2}[A-Z]\d[A-Z]\d)$/, example: '050000' },
  UA: { re: /^\d{5}$/, example: '01001' },
  FR: { re: /^\d{5}$/, example: '75008' },
  IT: { re: /^\d{5}$/, example: '00144' },
  DE: { re: /^\d{5}$/, example: '10115' },
  ES: { re: /^\d{5}$/, example: '28001' },
  US: { re: /^\d{5}(-\d{4})?$/, example: '98052' },
  CA: { re: /^[A-Z]\d[A-Z] ?\d[A-Z]\d$/i, example: 'K1A 0B1' },
  GB: { re: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i, example: 'SW1A 1AA' },
  NL: { re: /^\d{4} ?[A-Z]{2}$/i, example: '1012 AB' },
  BR: { re: /^\d{5}-?\d{3}$/, example: '01310-100' },
  IN: { re: /^\d{6}$/, example: '110001' },
  TR: { re: /^\d{5}$/, example: '34000' },
  CH: { re: /^\d{4}$/, example: '8001' },
  AT: { re: /^\d{4}$/, example: '1010' },
  BE: { re: /^\d{4}$/, example: '1000' },
  HU: { re: /^\d{4}$/, example: '1051' },
};
export const postalFormat = (country: string) => POSTAL[country];

/** Countries whose state must be chosen from a list (domain.md §6 also names CN and MX: free text here). */
export const STATES: Record<string, Array<[code: string, name: string]>> = {
  US: [
    ['AL', 'Alabama'], ['AK', 'Alaska'], ['AZ', 'Arizona'], ['AR', 'Arkansas'], ['CA', 'California'],
    ['CO', 'Colorado'], ['CT', 'Connecticut'], ['DE', 'Delaware'], ['DC', 'District of Columbia'],
    ['FL', 'Florida'], ['GA', 'Georgia'], ['HI', 'Hawaii'], ['ID', 'Idaho'], ['IL', 'Illinois'], ['IN', 'Indiana'],
    ['IA', 'Iowa'], ['KS', 'Kansas'], ['KY', 'Kentucky'], ['LA', 'Louisiana'], ['ME', 'Maine'], ['MD', 'Maryland'],
    ['MA', 'Massachusetts'], ['MI', 'Michigan'], ['MN', 'Minnesota'], ['MS', 'Mississippi'], ['MO', 'Missouri'],
    ['MT', 'Montana'], ['NE', 'Nebraska'], ['NV', 'Nevada'], ['NH', 'New Hampshire'], ['NJ', 'New Jersey'],
    ['NM', 'New Mexico'], ['NY', 'New York'], ['NC', 'North Carolina'], ['ND', 'North Dakota'], ['OH', 'Ohio'],
    ['OK', 'Oklahoma'], ['OR', 'Oregon'], ['PA', 'Pennsylvania'], ['RI', 'Rhode Island'], ['SC', 'South Carolina'],
    ['SD', 'South Dakota'], ['TN', 'Tennessee'], ['TX', 'Texas'], ['UT', 'Utah'], ['VT', 'Vermont'],
    ['VA', 'Virginia'], ['WA', 'Washington'], ['WV', 'West Virginia'], ['WI', 'Wisconsin'], ['WY', 'Wyoming'],
  ],
  CA: [
    ['AB', 'Alberta'], ['BC', 'British Columbia'], ['MB', 'Manitoba'], ['NB', 'New Brunswick'],
    ['NL', 'Newfoundland and Labrador'], ['NS', 'Nova Scotia'], ['NT', 'Northwest Territories'], ['NU', 'Nunavut'],
    ['ON', 'Ontario'], ['PE', 'Prince Edward Island'], ['QC', 'Quebec'], ['SK', 'Saskatchewan'], ['YT', 'Yukon'],
  ],
};
/** Countries whose customers need a state (the lists above, plus CN and MX typed by hand). */
export const requiresState = (country: string) => country in STATES || country === 'CN' || country === 'MX';
