import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, initialLang, interpolate, loadMessages, makeTranslator } from './core';
import { en, type MessageKey, type PluralMessage } from './messages/en';

const placeholders = (m: string | PluralMessage) =>
  [...new Set((typeof m === 'string' ? m : m.other).match(/\{\w+\}/g) ?? [])].sort();

/** The user error codes the server declares (graph/*.graphql), so a new code fails this test until translated. */
function serverUserErrorCodes(): string[] {
  const schema = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'graph', 'partnerhub.graphql'), 'utf8');
  const body = /enum UserErrorCode \{([^}]*)\}/.exec(schema)?.[1] ?? '';
  return body
    .replace(/"""[\s\S]*?"""/g, '')
    .split(/\s+/)
    .filter((w) => /^[A-Z_]+$/.test(w));
}

describe('message catalogs', () => {
  it.each(LANGUAGES)('%s has every message, with the same placeholders as English', async (lang) => {
    const messages = await loadMessages(lang);
    for (const key of Object.keys(en) as MessageKey[]) {
      const m = messages[key];
      expect(m, `${lang}: ${key}`).toBeDefined();
      expect(placeholders(m), `${lang}: ${key}`).toEqual(placeholders(en[key]));
      if (typeof m !== 'string') expect(m.other, `${lang}: ${key}.other`).toBeTruthy();
    }
  });

  it('covers every user error code of the server in every language', async () => {
    const codes = serverUserErrorCodes();
    expect(codes).toContain('CONFLICT');
    for (const lang of LANGUAGES) {
      const messages = await loadMessages(lang);
      for (const code of codes) {
        expect(messages[`userError.${code}` as MessageKey], `${lang}: userError.${code}`).toBeTruthy();
      }
    }
  });

  it('covers every top-level error code in every language', async () => {
    for (const lang of LANGUAGES) {
      const messages = await loadMessages(lang);
      for (const code of ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'INTERNAL']) {
        expect(messages[`error.${code}` as MessageKey], `${lang}: error.${code}`).toBeTruthy();
      }
    }
  });
});

describe('translator', () => {
  it('uses CLDR plural categories', async () => {
    const ru = makeTranslator('ru', await loadMessages('ru'), en);
    expect(ru.t('list.total', { count: 1 })).toBe('1 клиент');
    expect(ru.t('list.total', { count: 3 })).toBe('3 клиента');
    expect(ru.t('list.total', { count: 25 })).toBe('25 клиентов');
    const pl = makeTranslator('pl', await loadMessages('pl'), en);
    expect(pl.t('userError.minChars', { count: 2 })).toBe('Wpisz co najmniej 2 znaki.');
    expect(pl.t('userError.minChars', { count: 5 })).toBe('Wpisz co najmniej 5 znaków.');
  });

  it('formats numbers, dates and country names for the language', async () => {
    const fr = makeTranslator('fr', await loadMessages('fr'), en);
    expect(fr.t('list.total', { count: 1234 })).toMatch(/^1\s234 clients$/);
    expect(fr.countryName('PL')).toBe('Pologne');
    expect(fr.formatDate('2026-03-05T10:00:00Z')).toMatch(/5 mars 2026/);
    const it_ = makeTranslator('it', await loadMessages('it'), en);
    expect(it_.countryName('DE')).toBe('Germania');
    const ru = makeTranslator('ru', await loadMessages('ru'), en);
    expect(ru.countryName('FR')).toBe('Франция');
  });

  it('interpolates named placeholders', () => {
    expect(interpolate('{a} and {b}', { a: 'x', b: 2 }, 'en-GB')).toBe('x and 2');
  });

  it('remembers the chosen language, else follows the browser', () => {
    expect(initialLang({ getItem: () => 'pl' }, ['fr-FR'])).toBe('pl');
    expect(initialLang({ getItem: () => null }, ['de-DE', 'it-IT'])).toBe('it');
    expect(initialLang({ getItem: () => 'xx' }, ['de-DE'])).toBe('en');
  });
});
