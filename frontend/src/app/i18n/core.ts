// The app's own small i18n: message catalogs per language (English bundled, others loaded on demand),
// {name} interpolation, CLDR plural categories through Intl.PluralRules, and Intl formatters for
// dates, numbers and country names.
import { en, type MessageKey, type Messages, type PluralMessage } from './messages/en';

export const LANGUAGES = ['en', 'ru', 'fr', 'pl', 'it'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** Each language's name in itself, for the switcher. */
export const LANGUAGE_NAMES: Record<Lang, string> = {
  en: 'English',
  ru: 'Русский',
  fr: 'Français',
  pl: 'Polski',
  it: 'Italiano',
};

/** Locale used by Intl formatters for each UI language. */
export const LOCALES: Record<Lang, string> = {
  en: 'en-GB',
  ru: 'ru-RU',
  fr: 'fr-FR',
  pl: 'pl-PL',
  it: 'it-IT',
};

export const STORAGE_KEY = 'partnerhub.lang';

export function isLang(v: unknown): v is Lang {
  return typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v);
}

/** The remembered language, else the browser's, else English. */
export function initialLang(storage: Pick<Storage, 'getItem'> | undefined, navigatorLanguages: readonly string[]): Lang {
  try {
    const stored = storage?.getItem(STORAGE_KEY);
    if (isLang(stored)) return stored;
  } catch {
    // storage may be unavailable (privacy mode)
  }
  for (const l of navigatorLanguages) {
    const short = l.slice(0, 2).toLowerCase();
    if (isLang(short)) return short;
  }
  return 'en';
}

const loaders: Record<Lang, () => Promise<Messages>> = {
  en: () => Promise.resolve(en),
  ru: () => import('./messages/ru').then((m) => m.ru),
  fr: () => import('./messages/fr').then((m) => m.fr),
  pl: () => import('./messages/pl').then((m) => m.pl),
  it: () => import('./messages/it').then((m) => m.it),
};

const loaded = new Map<Lang, Messages>();

export async function loadMessages(lang: Lang): Promise<Messages> {
  const have = loaded.get(lang);
  if (have) return have;
  const messages = await loaders[lang]();
  loaded.set(lang, messages);
  return messages;
}

export type Params = Record<string, string | number>;

export function interpolate(template: string, params: Params | undefined, locale: string): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    return typeof v === 'number' ? new Intl.NumberFormat(locale).format(v) : v;
  });
}

export interface Translator {
  lang: Lang;
  locale: string;
  /** The message for key, with {name} placeholders filled; plural messages take params.count. */
  t: (key: MessageKey, params?: Params) => string;
  formatDate: (iso: string | null | undefined) => string;
  formatDateTime: (iso: string | null | undefined) => string;
  formatNumber: (n: number) => string;
  countryName: (code: string) => string;
  languageName: (code: string) => string;
  compare: (a: string, b: string) => number;
}

export function makeTranslator(lang: Lang, messages: Messages, fallback: Messages): Translator {
  const locale = LOCALES[lang];
  const plural = new Intl.PluralRules(locale);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const number = new Intl.NumberFormat(locale);
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  let regions: Intl.DisplayNames | undefined;
  let languages: Intl.DisplayNames | undefined;
  try {
    regions = new Intl.DisplayNames([locale], { type: 'region' });
    languages = new Intl.DisplayNames([locale], { type: 'language' });
  } catch {
    // very old engines: fall back to codes
  }
  const countryCache = new Map<string, string>();
  return {
    lang,
    locale,
    t(key, params) {
      const m: string | PluralMessage = messages[key] ?? fallback[key] ?? key;
      let template: string;
      if (typeof m === 'string') {
        template = m;
      } else {
        const count = Number(params?.count ?? 0);
        const cat = plural.select(count) as keyof PluralMessage;
        template = m[cat] ?? m.other;
      }
      return interpolate(template, params, locale);
    },
    formatDate: (iso) => (iso ? date.format(new Date(iso)) : ''),
    formatDateTime: (iso) => (iso ? dateTime.format(new Date(iso)) : ''),
    formatNumber: (n) => number.format(n),
    countryName(code) {
      if (!code) return '';
      let name = countryCache.get(code);
      if (name === undefined) {
        try {
          name = regions?.of(code) ?? code;
        } catch {
          name = code;
        }
        countryCache.set(code, name);
      }
      return name;
    },
    languageName(code) {
      try {
        return languages?.of(code) ?? code;
      } catch {
        return code;
      }
    },
    compare: (a, b) => collator.compare(a, b),
  };
}
