import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeClient, renderWith } from '../../test/render';
import { billingProfile, row, tags, viewer } from '../../test/fixtures';
import { CustomerPage } from './CustomerPage';

function customer(over: Record<string, unknown> = {}) {
  return {
    ...row(1),
    version: 2,
    displayName: 'Wrocław Logistics',
    companyName: 'Wrocław Logistics Sp. z o.o.',
    language: 'pl',
    culture: 'pl-PL',
    registrationID: '5260001246',
    verificationStatus: 'NOT_ALLOWED',
    verificationReasons: ['The phone number is not valid for Poland.'],
    verificationChangedAt: '2025-02-03T10:00:00Z',
    qualification: 'NONE',
    allowAzureReservations: true,
    allowAzureSavingsPlan: false,
    costVisibility: 'NOT_ALLOWED',
    defaultGdap: true,
    updatedAt: '2025-02-03T10:00:00Z',
    billingProfile,
    relationships: [
      { id: 'rel_1', type: 'DIRECT_BILL', status: 'ACTIVE', delegatedAdmin: true, startedAt: '2024-05-01T00:00:00Z', associatedPartner: null },
    ],
    agreementConfirmed: true,
    subscriptions: {
      totalCount: 1,
      edges: [
        {
          node: {
            id: 'sub_1',
            version: 4,
            quantity: 10,
            status: 'ACTIVE',
            termEnd: '2026-12-31T00:00:00Z',
            autoRenew: true,
            offer: { id: 'off_1', name: 'Microsoft 365 Business Premium', minQuantity: 1, maxQuantity: 300 },
          },
        },
      ],
    },
    ...over,
  };
}

describe('customer page', () => {
  it('loads with one request and shows the company profile, relationships, tags and permissions', async () => {
    const { client, sent } = fakeClient(() => ({ data: { viewer, node: customer(), tags } }));
    await renderWith(<CustomerPage id="cus_1" />, client);
    expect(await screen.findByRole('heading', { level: 1, name: 'Wrocław Logistics' })).toBeTruthy();
    expect(sent.map((s) => s.name)).toEqual(['CustomerPage']);
    const company = screen.getByRole('region', { name: 'Company profile' });
    expect(within(company).getByText('Wrocław Logistics Sp. z o.o.')).toBeTruthy();
    expect(within(company).getByText('The phone number is not valid for Poland.')).toBeTruthy();
    expect(within(company).getByText('Poland')).toBeTruthy();
    const rels = screen.getByRole('region', { name: 'Relationships' });
    expect(within(rels).getByText('Cloud Reseller')).toBeTruthy();
    const perms = screen.getByRole('region', { name: 'Permissions and cost visibility' });
    expect((within(perms).getByRole('checkbox', { name: /reservations/ }) as HTMLInputElement).disabled).toBe(true);
  });

  it('is read-only for a partner that is not the bill-to partner', async () => {
    const node = customer({ relationships: [{ id: 'r', type: 'INDIRECT_RESELLER', status: 'ACTIVE', delegatedAdmin: false, startedAt: '2024-05-01T00:00:00Z', associatedPartner: { id: 'p2', name: 'Fabrikam' } }] });
    const { client } = fakeClient(() => ({ data: { viewer, node, tags } }));
    await renderWith(<CustomerPage id="cus_1" />, client);
    expect(await screen.findByText('Only the bill-to partner can change the billing profile.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Edit billing profile' })).toBeNull();
  });

  it('shows not found for another partner’s customer', async () => {
    const { client } = fakeClient(() => ({ data: { viewer, node: null, tags } }));
    await renderWith(<CustomerPage id="cus_x" />, client);
    expect(await screen.findByText('This customer does not exist, or it is not yours.')).toBeTruthy();
  });

  it('edits the billing profile; a conflict shows what changed and redoes the edit on top', { timeout: 15000 }, async () => {
    const user = userEvent.setup({ delay: null });
    let updates = 0;
    const { client, sent } = fakeClient((op) => {
      if (op.name === 'CustomerPage') return { data: { viewer, node: customer(), tags } };
      if (op.name === 'UpdateBillingProfile') {
        updates++;
        // On CONFLICT the payload carries the profile as it is now.
        if (updates === 1)
          return {
            data: {
              updateBillingProfile: {
                customer: null,
                billingProfile: { ...billingProfile, version: 4, phoneNumber: '+48 61 000 00 00' },
                userErrors: [{ field: ['input', 'version'], code: 'CONFLICT', message: 'c' }],
              },
            },
          };
        return {
          data: {
            updateBillingProfile: {
              customer: { id: 'cus_1', version: 3, displayName: 'Wrocław Logistics', companyName: 'x', verificationStatus: 'UNDER_REVIEW', verificationReasons: null, verificationChangedAt: null, updatedAt: 'x' },
              billingProfile: { ...billingProfile, version: 5, city: 'Kraków' },
              userErrors: [],
            },
          },
        };
      }
      return undefined;
    });
    await renderWith(<CustomerPage id="cus_1" />, client);
    await user.click(await screen.findByRole('button', { name: 'Edit billing profile' }));
    const city = screen.getByRole('textbox', { name: /^City/ });
    await user.clear(city);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByText('This field is required.')).toBeTruthy();
    expect(sent.filter((s) => s.name === 'UpdateBillingProfile')).toHaveLength(0);
    await user.type(city, 'Kraków');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const dialog = await screen.findByRole('alertdialog', { name: 'Someone else changed this billing profile' });
    const rows = within(dialog).getAllByRole('row').map((r) => r.textContent);
    expect(rows).toContain('CityWrocławWrocławKraków');
    expect(rows).toContain('Phone number+48 71 123 45 67+48 61 000 00 00—');
    await user.click(within(dialog).getByRole('button', { name: 'Redo my edit on top' }));
    expect((screen.getByRole('textbox', { name: /^City/ }) as HTMLInputElement).value).toBe('Kraków');
    expect((screen.getByRole('textbox', { name: /^Phone number/ }) as HTMLInputElement).value).toBe('+48 61 000 00 00');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(updates).toBe(2));
    const inputs = sent.filter((s) => s.name === 'UpdateBillingProfile').map((s) => s.variables.input);
    expect(inputs).toEqual([
      { customerID: 'cus_1', version: 3, city: 'Kraków' },
      { customerID: 'cus_1', version: 4, city: 'Kraków' },
    ]);
    expect(await screen.findByText('Billing profile saved. The customer is under review again.')).toBeTruthy();
  });

  it('shows the server’s field errors on the fields', { timeout: 15000 }, async () => {
    const user = userEvent.setup({ delay: null });
    const { client } = fakeClient((op) =>
      op.name === 'UpdateBillingProfile'
        ? { data: { updateBillingProfile: { customer: null, billingProfile: null, userErrors: [{ field: ['input', 'phoneNumber'], code: 'INVALID', message: 'bad' }] } } }
        : { data: { viewer, node: customer(), tags } },
    );
    await renderWith(<CustomerPage id="cus_1" />, client, 'pl');
    await user.click(await screen.findByRole('button', { name: 'Edytuj profil rozliczeniowy' }));
    const phone = screen.getByRole('textbox', { name: /^Numer telefonu/ });
    await user.clear(phone);
    await user.type(phone, '+48 71 000 00 01');
    await user.click(screen.getByRole('button', { name: 'Zapisz' }));
    expect(await screen.findByText('Ta wartość jest nieprawidłowa.')).toBeTruthy();
    expect(phone.getAttribute('aria-invalid')).toBe('true');
  });
});

describe('customer subscriptions', () => {
  it('changes a quantity with the version seen, and cancels only after confirming', async () => {
    const { client, sent } = fakeClient((op) =>
      op.name === 'CustomerPage'
        ? { data: { viewer, node: customer(), tags } }
        : { data: { [op.name === 'UpdateSubscription' ? 'updateSubscription' : 'cancelSubscription']: { subscription: null, userErrors: op.name === 'CancelSubscription' ? [{ field: ['input', 'id'], code: 'NOT_VERIFIED', message: 'n' }] : [] } } },
    );
    await renderWith(<CustomerPage id="cus_1" />, client);
    const subs = await screen.findByRole('region', { name: 'Subscriptions (1)' });
    expect(within(subs).getByRole('link', { name: 'New order' })).toBeTruthy();
    expect(screen.getByText('The customer has accepted the Microsoft Customer Agreement.')).toBeTruthy();
    const user = userEvent.setup();
    const qty = within(subs).getByRole('spinbutton', { name: 'Quantity of Microsoft 365 Business Premium' });
    await user.clear(qty);
    await user.type(qty, '12');
    await user.click(within(subs).getByRole('button', { name: 'Change the quantity of Microsoft 365 Business Premium' }));
    await waitFor(() => expect(sent.some((s) => s.name === 'UpdateSubscription')).toBe(true));
    expect(sent.find((s) => s.name === 'UpdateSubscription')!.variables).toEqual({ input: { id: 'sub_1', version: 4, quantity: 12 } });
    expect(await within(subs).findByText('Subscription updated.')).toBeTruthy();

    await user.click(within(subs).getByRole('button', { name: 'Cancel Microsoft 365 Business Premium' }));
    expect(sent.some((s) => s.name === 'CancelSubscription')).toBe(false);
    await user.click(within(subs).getByRole('button', { name: 'Yes, cancel it' }));
    await waitFor(() => expect(sent.some((s) => s.name === 'CancelSubscription')).toBe(true));
    expect(await within(subs).findByText('Not possible until the customer is verified (allowed).')).toBeTruthy();
  });

  it('offers the agreement form when the agreement is not confirmed', async () => {
    const { client } = fakeClient(() => ({ data: { viewer, node: customer({ agreementConfirmed: false, subscriptions: { totalCount: 0, edges: [] } }), tags } }));
    await renderWith(<CustomerPage id="cus_1" />, client);
    expect(await screen.findByText('No subscriptions yet.')).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Confirm the customer agreement' }));
    expect(screen.getByRole('form', { name: 'Confirm the customer agreement' })).toBeTruthy();
  });
});

describe('billing edit and country requirements', () => {
  it('asks the server for the one country being edited, only once editing starts', async () => {
    const { client, sent } = fakeClient((op) =>
      op.name === 'CountryRule'
        ? { data: { country: { code: 'PL', requiresRegistrationID: true, requiresPhone: true, requiresState: false, requiresPostalCode: true, requiresCity: true, postalCodeExample: '00-950', states: [] } } }
        : { data: { viewer, node: customer(), tags } },
    );
    await renderWith(<CustomerPage id="cus_1" />, client);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Edit billing profile' }));
    await waitFor(() => expect(sent.map((s) => s.name)).toEqual(['CustomerPage', 'CountryRule']));
    expect(sent[1]!.variables).toEqual({ code: 'PL' });
  });
});
