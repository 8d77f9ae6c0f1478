import { describe, expect, it } from 'vitest';
import * as rules from './rules';

const code = (p: rules.Problem | null) => p?.code ?? null;
const key = (p: rules.Problem | null) => p?.key ?? null;

describe('company name (domain.md §6)', () => {
  it.each(['Wrocław Logistics Sp. z o.o.', 'ООО «Контур»', 'Société Générale', 'AT&T', 'Łódź Trading', '3M', 'Café „Mała”'])(
    'accepts %s',
    (name) => expect(rules.companyName(name)).toBeNull(),
  );
  it('needs 2 to 255 characters', () => {
    expect(code(rules.companyName(''))).toBe('REQUIRED');
    expect(code(rules.companyName('A'))).toBe('TOO_SHORT');
    expect(code(rules.companyName('a'.repeat(256)))).toBe('TOO_LONG');
  });
  it('refuses only digits or special characters', () => expect(key(rules.companyName('123 456'))).toBe('v.company.onlySpecial'));
  it('refuses one character repeated', () => expect(key(rules.companyName('aaa'))).toBe('v.company.repeated'));
  it('refuses single characters separated by spaces', () => expect(key(rules.companyName('a b c'))).toBe('v.company.spaced'));
  it.each(['LLC', 'Inc.', 'GmbH', 'Sp. z o.o.', 'ООО'])('refuses the bare legal form %s', (name) =>
    expect(key(rules.companyName(name))).toBe('v.company.legalForm'),
  );
  it.each(['test', 'Demo', 'asdf', 'Test 2'])('refuses the test name %s', (name) =>
    expect(key(rules.companyName(name))).toBe('v.company.testName'),
  );
  it('refuses characters outside the allowed list', () => expect(key(rules.companyName('Acme ☃ Ltd'))).toBe('v.company.badChar'));
  it('warns about a web extension but allows it', () => {
    expect(rules.companyName('Contoso.com')).toBeNull();
    expect(rules.companyNameWarning('Contoso.com')?.warning).toBe(true);
    expect(rules.companyNameWarning('Contoso')).toBeNull();
  });
});

describe('person name', () => {
  it('accepts real names, and one Chinese character', () => {
    expect(rules.personName('Anna')).toBeNull();
    expect(rules.personName('Łukasz')).toBeNull();
    expect(rules.personName('王')).toBeNull();
  });
  it('refuses short, long, digits, emoji and placeholders', () => {
    expect(code(rules.personName('A'))).toBe('TOO_SHORT');
    expect(code(rules.personName('A'.repeat(41)))).toBe('TOO_LONG');
    expect(key(rules.personName('1234'))).toBe('v.person.invalid');
    expect(key(rules.personName('Anna 😀'))).toBe('v.person.invalid');
    expect(key(rules.personName('admin'))).toBe('v.person.placeholder');
    expect(key(rules.personName('Nobody'))).toBe('v.person.placeholder');
  });
});

describe('email', () => {
  it('accepts a valid address', () => expect(rules.email('anna@wroclawlogistics.pl')).toBeNull());
  it('refuses invalid, microsoft.com and the partner’s own domains', () => {
    expect(key(rules.email('anna@'))).toBe('v.email.invalid');
    expect(key(rules.email('x@microsoft.com'))).toBe('v.email.microsoft');
    expect(key(rules.email('x@eu.microsoft.com'))).toBe('v.email.microsoft');
    expect(rules.email('x@contoso-demo.example', ['contoso-demo.example'])?.params).toEqual({ domain: 'contoso-demo.example' });
  });
});

describe('domain prefix', () => {
  it('takes 1 to 27 lower-case letters and digits', () => {
    expect(rules.domainPrefix('wroclawlogistics')).toBeNull();
    expect(code(rules.domainPrefix(''))).toBe('REQUIRED');
    expect(code(rules.domainPrefix('a'.repeat(28)))).toBe('TOO_LONG');
    expect(key(rules.domainPrefix('Wroclaw-Logistics'))).toBe('v.domain.invalid');
  });
  it('is suggested from the company name', () => {
    expect(rules.suggestDomainPrefix('Wrocław Logistics Sp. z o.o.')).toBe('wroclawlogistics');
    expect(rules.suggestDomainPrefix('Société Générale SA')).toBe('societegenerale');
  });
});

describe('registration ID and phone by country', () => {
  it('is required in the 24 countries and refused elsewhere', () => {
    expect(code(rules.registrationId('', 'PL'))).toBe('REQUIRED');
    expect(code(rules.registrationId('', 'RU'))).toBe('REQUIRED');
    expect(rules.registrationId('', 'FR')).toBeNull();
    expect(key(rules.registrationId('123', 'FR'))).toBe('v.regId.notAccepted');
    expect(code(rules.phone('', 'PL'))).toBe('REQUIRED');
    expect(rules.phone('', 'FR')).toBeNull();
  });
  it('checks the Russian INN', () => {
    expect(rules.registrationId('7707083893', 'RU')).toBeNull();
    expect(rules.registrationId('500100732259', 'RU')).toBeNull();
    expect(key(rules.registrationId('7707083894', 'RU'))).toBe('v.regId.invalid');
  });
  it('checks the Polish NIP', () => {
    expect(rules.registrationId('526-000-12-46', 'PL')).toBeNull();
    expect(rules.registrationId('PL5260001246', 'PL')).toBeNull();
    expect(key(rules.registrationId('5260001247', 'PL'))).toBe('v.regId.invalid');
  });
  it('checks the Brazilian CNPJ', () => {
    expect(rules.registrationId('11.222.333/0001-81', 'BR')).toBeNull();
    expect(key(rules.registrationId('11.222.333/0001-82', 'BR'))).toBe('v.regId.invalid');
  });
  it('checks phone numbers loosely (the server checks them per country)', () => {
    expect(rules.phone('+48 71 123 45 67', 'PL')).toBeNull();
    expect(key(rules.phone('call me', 'PL'))).toBe('v.phone.invalid');
  });
});

describe('address', () => {
  it('checks postal codes where the format is known', () => {
    expect(rules.postalCode('50-068', 'PL')).toBeNull();
    expect(rules.postalCode('50068', 'PL')?.params).toEqual({ example: '50-068' });
    expect(rules.postalCode('', 'AE')).toBeNull();
  });
  it('takes a state from the list for the US', () => {
    expect(rules.state('WA', 'US')).toBeNull();
    expect(rules.state('Washington', 'US')).toBeNull();
    expect(key(rules.state('Atlantis', 'US'))).toBe('v.state.choose');
    expect(code(rules.state('', 'US'))).toBe('REQUIRED');
    expect(rules.state('', 'PL')).toBeNull();
  });
});

describe('tags', () => {
  it('takes 1 to 50 characters, unique per partner', () => {
    expect(rules.tagName('Renewal Q3')).toBeNull();
    expect(code(rules.tagName(''))).toBe('REQUIRED');
    expect(code(rules.tagName('x'.repeat(51)))).toBe('TOO_LONG');
    expect(code(rules.tagName('renewal q3', ['Renewal Q3']))).toBe('TAKEN');
  });
});

describe('country rules from the server', () => {
  it('take over from the built-in table once loaded', async () => {
    const { setServerCountries, clearServerCountries, countryCodes } = await import('./countryRules');
    setServerCountries([
      {
        code: 'MX', requiresRegistrationID: false, requiresPhone: false, requiresState: true, requiresPostalCode: true,
        requiresCity: true, postalCodeExample: '06000', states: [{ code: 'CMX', name: 'Ciudad de México' }],
      },
      {
        code: 'HK', requiresRegistrationID: false, requiresPhone: false, requiresState: false, requiresPostalCode: false,
        requiresCity: false, postalCodeExample: null, states: [],
      },
    ]);
    try {
      expect(countryCodes()).toEqual(['MX', 'HK']);
      expect(rules.state('CMX', 'MX')).toBeNull();
      expect(rules.state('Ciudad de Mexico', 'MX')).toBeNull();
      expect(key(rules.state('Atlantis', 'MX'))).toBe('v.state.choose');
      expect(code(rules.postalCode('', 'MX'))).toBe('REQUIRED');
      expect(rules.city('', 'HK')).toBeNull();
      expect(key(rules.country('PL'))).toBe('v.country.invalid');
    } finally {
      clearServerCountries();
    }
    expect(rules.country('PL')).toBeNull();
  });
});
