import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeClient, renderWith } from '../../test/render';
import { viewer } from '../../test/fixtures';
import { NewOrder } from './NewOrder';

const offers = [
  { id: 'off_1', catalog: 'ONLINE_SERVICES', sku: 'CFQ7TTC0LH18:0001', name: 'Microsoft 365 Business Basic', publisher: 'Microsoft', termMonths: 12, billingFrequency: 'MONTHLY', minQuantity: 1, maxQuantity: 300, active: true },
  { id: 'off_2', catalog: 'ONLINE_SERVICES', sku: 'CFQ7TTC0LDPB:0001', name: 'Microsoft 365 E3', publisher: 'Microsoft', termMonths: 1, billingFrequency: 'MONTHLY', minQuantity: 1, maxQuantity: 300, active: true },
];
const node = (over: Record<string, unknown> = {}) => ({ id: 'cus_1', displayName: 'Wrocław Logistics', verificationStatus: 'ALLOWED', agreementConfirmed: true, ...over });

async function addBothAndReview(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: 'Add Microsoft 365 Business Basic to the order' }));
  await user.click(screen.getByRole('button', { name: 'Add Microsoft 365 E3 to the order' }));
  const qty = screen.getByRole('spinbutton', { name: 'Quantity of Microsoft 365 E3' });
  await user.clear(qty);
  await user.type(qty, '25');
  await user.click(screen.getByRole('checkbox', { name: 'Auto-renew Microsoft 365 E3' }));
  await user.click(screen.getByRole('button', { name: 'Review order' }));
  await screen.findByRole('heading', { name: 'Review and place the order' });
}

describe('new order', () => {
  it('loads with one request, builds lines, and places the order', async () => {
    const { client, sent } = fakeClient((op) =>
      op.name === 'NewOrderScreen'
        ? { data: { viewer, node: node(), offers } }
        : { data: { placeOrder: { order: { id: 'ord_1' }, customer: null, userErrors: [] } } },
    );
    await renderWith(<NewOrder id="cus_1" />, client);
    expect(await screen.findByRole('heading', { level: 1, name: 'New order for Wrocław Logistics' })).toBeTruthy();
    expect(sent.map((s) => s.name)).toEqual(['NewOrderScreen']);
    const user = userEvent.setup();
    await addBothAndReview(user);
    await user.click(screen.getByRole('button', { name: 'Place order' }));
    await waitFor(() => expect(sent.some((s) => s.name === 'PlaceOrder')).toBe(true));
    expect(sent.find((s) => s.name === 'PlaceOrder')!.variables).toEqual({
      input: {
        customerID: 'cus_1',
        lines: [
          { offerID: 'off_1', quantity: 1, autoRenew: true },
          { offerID: 'off_2', quantity: 25, autoRenew: false },
        ],
      },
    });
    await waitFor(() => expect(window.location.pathname).toBe('/customers/cus_1'));
  });

  it('checks quantities before reviewing', async () => {
    const { client, sent } = fakeClient(() => ({ data: { viewer, node: node(), offers } }));
    await renderWith(<NewOrder id="cus_1" />, client);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add Microsoft 365 E3 to the order' }));
    const qty = screen.getByRole('spinbutton', { name: 'Quantity of Microsoft 365 E3' });
    await user.clear(qty);
    await user.type(qty, '0');
    await user.click(screen.getByRole('button', { name: 'Review order' }));
    expect(await screen.findByText('Enter a whole number from 1 to 300.')).toBeTruthy();
    expect(qty.getAttribute('aria-invalid')).toBe('true');
    expect(sent.every((s) => s.name === 'NewOrderScreen')).toBe(true);
  });

  it('shows AGREEMENT_REQUIRED with the agreement form, and a server error on its line', async () => {
    let placed = 0;
    const { client, sent } = fakeClient((op) => {
      if (op.name === 'NewOrderScreen') return { data: { viewer, node: node(), offers } };
      if (op.name === 'ConfirmCustomerAgreement') return { data: { confirmCustomerAgreement: { customer: { id: 'cus_1', agreementConfirmed: true }, userErrors: [] } } };
      placed++;
      return {
        data: {
          placeOrder: {
            order: null,
            customer: null,
            userErrors: [
              { field: ['input', 'customerID'], code: 'AGREEMENT_REQUIRED', message: 'a' },
              { field: ['input', 'lines', '1', 'quantity'], code: 'LIMIT_EXCEEDED', message: 'b' },
            ],
          },
        },
      };
    });
    await renderWith(<NewOrder id="cus_1" />, client);
    const user = userEvent.setup();
    await addBothAndReview(user);
    await user.click(screen.getByRole('button', { name: 'Place order' }));
    expect(await screen.findByText('The customer agreement must be confirmed before ordering.')).toBeTruthy();
    expect(placed).toBe(1);
    // Back on the lines, with the error on the second line.
    const qty = await screen.findByRole('spinbutton', { name: 'Quantity of Microsoft 365 E3' });
    expect(qty.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('This goes over the limit.')).toBeTruthy();
    // The agreement form: a future date is refused before sending.
    const form = screen.getByRole('form', { name: 'Confirm the customer agreement' });
    await user.type(within(form).getByLabelText(/Contact first name/), 'Anna');
    await user.type(within(form).getByLabelText(/Contact last name/), 'Kowalska');
    await user.type(within(form).getByLabelText(/Contact email/), 'anna@wroclawlogistics.pl');
    const date = within(form).getByLabelText(/Date agreed/);
    await user.clear(date);
    await user.type(date, '2999-01-01');
    await user.click(within(form).getByRole('button', { name: 'Confirm agreement' }));
    expect(await within(form).findByText('The date cannot be in the future.')).toBeTruthy();
    expect(sent.some((s) => s.name === 'ConfirmCustomerAgreement')).toBe(false);
    await user.clear(date);
    await user.type(date, '2025-01-15');
    await user.click(within(form).getByRole('button', { name: 'Confirm agreement' }));
    await waitFor(() => expect(sent.some((s) => s.name === 'ConfirmCustomerAgreement')).toBe(true));
    expect(sent.find((s) => s.name === 'ConfirmCustomerAgreement')!.variables).toEqual({
      input: { customerID: 'cus_1', firstName: 'Anna', lastName: 'Kowalska', email: 'anna@wroclawlogistics.pl', phoneNumber: null, dateAgreed: '2025-01-15' },
    });
  });

  it('explains NOT_VERIFIED', async () => {
    const { client } = fakeClient(() => ({ data: { viewer, node: node({ verificationStatus: 'UNDER_REVIEW' }), offers } }));
    await renderWith(<NewOrder id="cus_1" />, client);
    expect(await screen.findByText(/This customer is not verified \(allowed\) yet/)).toBeTruthy();
  });

  it('shows an empty offer list', async () => {
    const { client } = fakeClient(() => ({ data: { viewer, node: node(), offers: [] } }));
    await renderWith(<NewOrder id="cus_1" />, client);
    expect(await screen.findByText('No offers match.')).toBeTruthy();
  });
});
