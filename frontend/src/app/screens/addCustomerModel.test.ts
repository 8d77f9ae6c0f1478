import { describe, expect, it } from 'vitest';
import { createInput, emptyValues, serverErrorsByField, stepOf, validateAdd } from './addCustomerModel';

const filled = {
  ...emptyValues('PL'),
  companyName: 'Wrocław Logistics Sp. z o.o.',
  domainPrefix: 'wroclawlogistics',
  registrationID: '5260001246',
  addressLine1: 'ul. Świdnicka 12',
  city: 'Wrocław',
  postalCode: '50-068',
  phoneNumber: '+48 71 123 45 67',
  firstName: 'Anna',
  lastName: 'Kowalska',
  email: 'anna@wroclawlogistics.pl',
};

describe('add customer model', () => {
  it('has no problems when everything is filled in', () => {
    expect(validateAdd(filled, [])).toEqual({});
  });

  it('requires registration ID and phone in Poland, not in France', () => {
    expect(Object.keys(validateAdd({ ...filled, registrationID: '', phoneNumber: '' }, []))).toEqual(['registrationID', 'phoneNumber']);
    expect(validateAdd({ ...filled, country: 'FR', culture: 'fr-FR', language: 'fr', registrationID: '', phoneNumber: '', postalCode: '75008' }, [])).toEqual({});
  });

  it('builds the createCustomer input, the bill-to name defaulting to the company name', () => {
    const input = createInput(filled);
    expect(input).toMatchObject({
      domainPrefix: 'wroclawlogistics',
      companyName: 'Wrocław Logistics Sp. z o.o.',
      country: 'PL',
      culture: 'pl-PL',
      registrationID: '5260001246',
      defaultGdap: true,
      tagIDs: null,
      billingProfile: { companyName: 'Wrocław Logistics Sp. z o.o.', email: 'anna@wroclawlogistics.pl', addressLine2: null, state: null },
    });
  });

  it('puts server errors on the wizard’s fields and steps', () => {
    const { fields, general } = serverErrorsByField([
      { field: ['input', 'billingProfile', 'email'], code: 'INVALID', message: 'x' },
      { field: ['input', 'domainPrefix'], code: 'TAKEN', message: 'y' },
      { field: null, code: 'FORBIDDEN', message: 'z' },
    ]);
    expect(Object.keys(fields).sort()).toEqual(['domainPrefix', 'email']);
    expect(general).toHaveLength(1);
    expect(stepOf('email')).toBe('contact');
    expect(stepOf('domainPrefix')).toBe('account');
    expect(stepOf('postalCode')).toBe('company');
  });
});
