import { describe, expect, it } from 'vitest';
import { conflictRows, redoOnTop, updateInput, validateBilling, type BillingValues } from './billing';

const base: BillingValues = {
  companyName: 'Wrocław Logistics',
  firstName: 'Anna',
  lastName: 'Kowalska',
  email: 'anna@wroclawlogistics.pl',
  addressLine1: 'ul. Świdnicka 12',
  addressLine2: '',
  city: 'Wrocław',
  state: '',
  postalCode: '50-068',
  country: 'PL',
  phoneNumber: '+48 71 123 45 67',
  culture: 'pl-PL',
  language: 'pl',
};

describe('billing profile edits', () => {
  it('sends only what changed, with the version it is based on', () => {
    expect(updateInput('cus_1', 4, base, { ...base, city: ' Kraków ' })).toEqual({ customerID: 'cus_1', version: 4, city: 'Kraków' });
  });

  it('after a conflict, lists their changes next to mine and redoes mine on top', () => {
    const latest = { ...base, city: 'Poznań', phoneNumber: '+48 61 000 00 00' };
    const mine = { ...base, city: 'Kraków', email: 'biuro@wroclawlogistics.pl' };
    const rows = conflictRows(base, latest, mine);
    expect(rows.map((r) => r.field)).toEqual(['email', 'city', 'phoneNumber']);
    expect(rows.find((r) => r.field === 'city')).toMatchObject({ was: 'Wrocław', now: 'Poznań', yours: 'Kraków', both: true });
    expect(rows.find((r) => r.field === 'phoneNumber')).toMatchObject({ yours: null, both: false });
    expect(redoOnTop(base, latest, mine)).toEqual({ ...latest, city: 'Kraków', email: 'biuro@wroclawlogistics.pl' });
  });

  it('validates like the server', () => {
    expect(validateBilling(base, [])).toEqual({});
    const v = validateBilling({ ...base, email: 'anna@contoso-demo.example', postalCode: '123', firstName: 'A' }, ['contoso-demo.example']);
    expect(Object.keys(v).sort()).toEqual(['email', 'firstName', 'postalCode']);
  });
});
