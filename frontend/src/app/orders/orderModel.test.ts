import { describe, expect, it } from 'vitest';
import { addLine, emptyAgreement, orderInput, quantityProblem, splitOrderErrors, today, validateAgreement } from './orderModel';

const now = new Date(2026, 10, 22, 12, 0, 0);

describe('agreement form validation', () => {
  it('needs names, an email and a date', () => {
    const v = { ...emptyAgreement(now), dateAgreed: '' };
    const p = validateAgreement(v, now);
    expect(p.firstName?.code).toBe('REQUIRED');
    expect(p.lastName?.code).toBe('REQUIRED');
    expect(p.email?.code).toBe('REQUIRED');
    expect(p.dateAgreed?.code).toBe('REQUIRED');
    expect(p.phoneNumber).toBeUndefined();
  });
  it('accepts a complete form dated today, and refuses a future date', () => {
    const v = { firstName: 'Anna', lastName: 'Kowalska', email: 'anna@example.pl', phoneNumber: '+48 71 123 45 67', dateAgreed: today(now) };
    expect(validateAgreement(v, now)).toEqual({});
    expect(validateAgreement({ ...v, dateAgreed: '2026-11-23' }, now).dateAgreed?.key).toBe('agreement.future');
    expect(validateAgreement({ ...v, email: 'anna@microsoft.com' }, now).email?.code).toBe('INVALID');
    expect(validateAgreement({ ...v, phoneNumber: 'call me' }, now).phoneNumber?.code).toBe('INVALID');
  });
});

describe('order lines', () => {
  const offer = { id: 'off_1', name: 'Microsoft 365 E3', minQuantity: 1, maxQuantity: 5 };
  it('adds an offer once, then raises its quantity up to the maximum', () => {
    let lines = addLine([], offer);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.quantity).toBe('1');
    for (let i = 0; i < 10; i++) lines = addLine(lines, offer);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.quantity).toBe('5');
    expect(orderInput('cus_1', lines)).toEqual({ customerID: 'cus_1', lines: [{ offerID: 'off_1', quantity: 5, autoRenew: true }] });
  });
  it('checks quantities against the offer', () => {
    expect(quantityProblem({ quantity: '', minQuantity: 1, maxQuantity: 5 })?.code).toBe('REQUIRED');
    expect(quantityProblem({ quantity: '2.5', minQuantity: 1, maxQuantity: 5 })?.code).toBe('INVALID');
    expect(quantityProblem({ quantity: '6', minQuantity: 1, maxQuantity: 5 })?.params).toEqual({ min: 1, max: 5 });
    expect(quantityProblem({ quantity: '5', minQuantity: 1, maxQuantity: 5 })).toBeNull();
  });
  it('puts the server’s per-line errors on their line and keeps the rest', () => {
    const r = splitOrderErrors([
      { field: ['input', 'lines', '1', 'quantity'], code: 'INVALID', message: 'x' },
      { field: ['input', 'customerID'], code: 'AGREEMENT_REQUIRED', message: 'y' },
      { field: null, code: 'NOT_VERIFIED', message: 'z' },
    ]);
    expect(Object.keys(r.lines)).toEqual(['1']);
    expect(r.lines[1]!.code).toBe('INVALID');
    expect(r.general.map((e) => e.code).sort()).toEqual(['AGREEMENT_REQUIRED', 'NOT_VERIFIED']);
  });
});
