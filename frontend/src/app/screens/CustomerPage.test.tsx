import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { Permission } from '../gql/graphql';
import { ViewerContext, rememberViewer, type Viewer } from '../viewer';
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
      pageInfo: { hasNextPage: false, endCursor: 'c1' },
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
    const reservations = within(perms).getByRole('checkbox', { name: /reservations/ }) as HTMLInputElement;
    expect(reservations.checked).toBe(true);
    expect(reservations.disabled).toBe(false); // the bill-to partner, with the permission
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

    await user.click(within(subs).getByRole('button', { name: 'Cancel subscription Microsoft 365 Business Premium' }));
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

/** The app's viewer, as the shell knows it once signed in (screens shape their query with it). */
function withViewer(v: Viewer, ui: ReactElement) {
  return <ViewerContext.Provider value={{ viewer: v, setViewer: () => {} }}>{ui}</ViewerContext.Provider>;
}

const only = (...keep: Permission[]) => ({ ...viewer, permissions: viewer.permissions.filter((p) => keep.includes(p)) });

describe('permissions and cost visibility', () => {
  const perms = () => screen.findByRole('region', { name: 'Permissions and cost visibility' });

  it('can be changed by the bill-to partner with the permissions: one mutation each, with the version seen', async () => {
    const { client, sent } = fakeClient((op) => {
      if (op.name === 'CustomerPage') return { data: { viewer, node: customer(), tags } };
      if (op.name === 'UpdateCustomerPermissions')
        return { data: { updateCustomerPermissions: { customer: { id: 'cus_1', version: 3, allowAzureReservations: true, allowAzureSavingsPlan: true, costVisibility: 'NOT_ALLOWED', updatedAt: 'x' }, userErrors: [] } } };
      if (op.name === 'UpdateCostVisibility')
        return { data: { updateCostVisibility: { customer: { id: 'cus_1', version: 4, allowAzureReservations: true, allowAzureSavingsPlan: true, costVisibility: 'ALLOWED', updatedAt: 'x' }, userErrors: [] } } };
      return undefined;
    });
    await renderWith(<CustomerPage id="cus_1" />, client);
    const region = await perms();
    const save = within(region).getByRole('button', { name: 'Save permissions' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true); // nothing changed yet
    const user = userEvent.setup();
    await user.click(within(region).getByRole('checkbox', { name: 'Customer may purchase Azure savings plans' }));
    await user.click(within(region).getByRole('radio', { name: 'Allowed' }));
    expect(save.disabled).toBe(false);
    await user.click(save);
    expect(await within(region).findByText('Permissions saved.')).toBeTruthy();
    expect(sent.filter((s) => s.kind === 'mutation').map((s) => [s.name, s.variables.input])).toEqual([
      ['UpdateCustomerPermissions', { customerID: 'cus_1', version: 2, allowAzureSavingsPlan: true }],
      ['UpdateCostVisibility', { customerID: 'cus_1', version: 3, costVisibility: 'ALLOWED' }],
    ]);
  });

  it('is read-only, with the reason, for a partner that is not the bill-to partner', async () => {
    const node = customer({ relationships: [{ id: 'r', type: 'INDIRECT_RESELLER', status: 'ACTIVE', delegatedAdmin: false, startedAt: null, associatedPartner: { id: 'p2', name: 'Fabrikam' } }] });
    const { client } = fakeClient(() => ({ data: { viewer, node, tags } }));
    await renderWith(<CustomerPage id="cus_1" />, client);
    const region = await perms();
    expect(within(region).getByText('Only the bill-to partner can change purchase permissions and cost visibility.')).toBeTruthy();
    expect(within(region).getAllByRole('checkbox').every((c) => (c as HTMLInputElement).disabled)).toBe(true);
    expect(within(region).queryByRole('button', { name: 'Save permissions' })).toBeNull();
  });

  it('follows the role: a billing admin changes cost visibility only; a sales agent nothing', async () => {
    const billing = only('VIEW_CUSTOMERS', 'COST_VISIBILITY');
    const { client } = fakeClient(() => ({ data: { viewer: billing, node: customer(), tags } }));
    const { unmount } = await renderWith(<CustomerPage id="cus_1" />, client);
    let region = await perms();
    expect((within(region).getByRole('checkbox', { name: /reservations/ }) as HTMLInputElement).disabled).toBe(true);
    expect(within(region).getByText('Your role does not allow changing purchase permissions.')).toBeTruthy();
    expect((within(region).getByRole('radio', { name: 'Allowed' }) as HTMLInputElement).disabled).toBe(false);
    unmount();

    const sales = only('VIEW_CUSTOMERS', 'UPDATE_BILLING', 'PLACE_ORDERS');
    const second = fakeClient(() => ({ data: { viewer: sales, node: customer(), tags } }));
    await renderWith(<CustomerPage id="cus_1" />, second.client);
    region = await perms();
    expect(within(region).getByText('Your role does not allow changing purchase permissions or cost visibility.')).toBeTruthy();
    expect(within(region).queryByRole('button', { name: 'Save permissions' })).toBeNull();
  });

  it('on a conflict, says so and shows the current values', async () => {
    let pageLoads = 0;
    const { client, sent } = fakeClient((op) => {
      if (op.name === 'CustomerPage') {
        pageLoads++;
        // Someone else has turned reservations off and cost visibility on meanwhile.
        return { data: { viewer, node: pageLoads === 1 ? customer() : customer({ version: 5, allowAzureReservations: false, costVisibility: 'ALLOWED' }), tags } };
      }
      if (op.name === 'UpdateCustomerPermissions')
        return { data: { updateCustomerPermissions: { customer: null, userErrors: [{ field: ['input', 'version'], code: 'CONFLICT', message: 'c' }] } } };
      return undefined;
    });
    await renderWith(<CustomerPage id="cus_1" />, client);
    const region = await perms();
    const user = userEvent.setup();
    await user.click(within(region).getByRole('checkbox', { name: 'Customer may purchase Azure savings plans' }));
    await user.click(within(region).getByRole('button', { name: 'Save permissions' }));
    const alert = await within(region).findByRole('alert');
    expect(alert.textContent).toContain('Someone else changed these settings in the meantime. Your change was not saved.');
    // The page's query is asked again for the current values (the payload has none on CONFLICT).
    await waitFor(() => expect(within(alert).getByText('Customer may purchase Azure reservations: No')).toBeTruthy());
    expect(within(alert).getByText('Azure cost visibility at retail rates: Allowed')).toBeTruthy();
    expect(sent.filter((s) => s.name === 'CustomerPage')).toHaveLength(2);
    expect((within(region).getByRole('checkbox', { name: /reservations/ }) as HTMLInputElement).checked).toBe(false);
    expect((within(region).getByRole('radio', { name: 'Allowed' }) as HTMLInputElement).checked).toBe(true);
    // Nothing else was sent.
    expect(sent.filter((s) => s.kind === 'mutation').map((s) => s.name)).toEqual(['UpdateCustomerPermissions']);
  });

  it('shows other user errors on the field they concern', async () => {
    const { client } = fakeClient((op) =>
      op.name === 'UpdateCostVisibility'
        ? { data: { updateCostVisibility: { customer: null, userErrors: [{ field: ['input', 'costVisibility'], code: 'INVALID', message: 'x' }] } } }
        : { data: { viewer, node: customer(), tags } },
    );
    await renderWith(<CustomerPage id="cus_1" />, client, 'fr');
    const region = await screen.findByRole('region', { name: 'Autorisations et visibilité des coûts' });
    const user = userEvent.setup();
    await user.click(within(region).getByRole('radio', { name: 'Autorisée' }));
    await user.click(within(region).getByRole('button', { name: 'Enregistrer les autorisations' }));
    expect(await within(region).findByText('Cette valeur n’est pas valide.')).toBeTruthy();
    expect(within(region).getByText('La modification n’a pas été enregistrée.')).toBeTruthy();
  });
});

describe('recent activity on the customer page', () => {
  const activityLog = {
    totalCount: 14,
    edges: [
      {
        node: {
          id: 'act_2',
          occurredAt: '2025-03-02T09:30:00Z',
          resourceType: 'PERMISSIONS',
          resourceID: 'cus_1',
          operation: 'updateCostVisibility',
          before: { 'customer.costVisibility': 'NOT_ALLOWED' },
          after: { 'customer.costVisibility': 'ALLOWED' },
          succeeded: true,
          errorCode: '',
          errorMessage: '',
          user: { id: 'usr_1', name: 'Mark Palmer' },
        },
      },
      {
        node: {
          id: 'act_1',
          occurredAt: '2025-03-01T08:00:00Z',
          resourceType: 'BILLING_PROFILE',
          resourceID: 'bp_1',
          operation: 'updateBillingProfile',
          before: null,
          after: null,
          succeeded: false,
          errorCode: 'CONFLICT',
          errorMessage: 'changed',
          user: { id: 'usr_2', name: 'Ola Nowak' },
        },
      },
    ],
  };

  it('is part of the page’s one query for roles that may see the activity log, with a link to the log', async () => {
    const { client, sent } = fakeClient(() => ({ data: { viewer, node: customer(), tags, activityLog } }));
    await renderWith(withViewer(viewer, <CustomerPage id="cus_1" />), client);
    const section = await screen.findByRole('region', { name: 'Recent activity' });
    expect(sent.map((s) => [s.name, s.variables])).toEqual([['CustomerPage', { id: 'cus_1', withActivity: true }]]);
    const rows = within(section).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1]!).getByText('updateCostVisibility')).toBeTruthy();
    expect(within(rows[1]!).getByText('Mark Palmer')).toBeTruthy();
    expect(within(rows[1]!).getByText('Succeeded')).toBeTruthy();
    expect(within(rows[1]!).getByText('costVisibility')).toBeTruthy();
    expect(within(rows[1]!).getByLabelText('Before').textContent).toBe('NOT_ALLOWED');
    expect(within(rows[1]!).getByLabelText('After').textContent).toBe('ALLOWED');
    expect(within(rows[2]!).getByText('Failed (CONFLICT)')).toBeTruthy();
    const link = within(section).getByRole('link', { name: 'Open in the activity log (14 records)' });
    expect(link.getAttribute('href')).toBe('/activity?customer=cus_1');
  });

  it('shows an empty state', async () => {
    const { client } = fakeClient(() => ({ data: { viewer, node: customer(), tags, activityLog: { totalCount: 0, edges: [] } } }));
    await renderWith(withViewer(viewer, <CustomerPage id="cus_1" />), client);
    const section = await screen.findByRole('region', { name: 'Recent activity' });
    expect(within(section).getByText('No changes to this customer in the last 30 days.')).toBeTruthy();
  });

  it('is left out of the query for roles that may not see the activity log', async () => {
    const sales = only('VIEW_CUSTOMERS', 'PLACE_ORDERS');
    const { client, sent } = fakeClient(() => ({ data: { viewer: sales, node: customer(), tags } }));
    await renderWith(withViewer(sales, <CustomerPage id="cus_1" />), client);
    await screen.findByRole('heading', { level: 1, name: 'Wrocław Logistics' });
    expect(sent.map((s) => s.variables)).toEqual([{ id: 'cus_1', withActivity: false }]);
    expect(screen.queryByRole('region', { name: 'Recent activity' })).toBeNull();
  });

  it('opened directly, uses the permissions remembered from the last page load', async () => {
    rememberViewer(viewer);
    const { client, sent } = fakeClient(() => ({ data: { viewer, node: customer(), tags, activityLog } }));
    await renderWith(<CustomerPage id="cus_1" />, client);
    await screen.findByRole('region', { name: 'Recent activity' });
    expect(sent.map((s) => s.variables)).toEqual([{ id: 'cus_1', withActivity: true }]);
  });

  it('loads without it when the server refuses the activity log after all', async () => {
    rememberViewer(viewer); // stale: the roles have changed since
    const { client, sent } = fakeClient((op) =>
      op.variables.withActivity
        ? { error: new CombinedError({ graphQLErrors: [new GraphQLError('no', { path: ['activityLog'], extensions: { code: 'FORBIDDEN' } })] }) }
        : { data: { viewer: only('VIEW_CUSTOMERS'), node: customer(), tags } },
    );
    await renderWith(<CustomerPage id="cus_1" />, client);
    expect(await screen.findByRole('heading', { level: 1, name: 'Wrocław Logistics' })).toBeTruthy();
    expect(sent.map((s) => s.variables.withActivity)).toEqual([true, false]);
    expect(screen.queryByText('Something went wrong')).toBeNull();
    expect(screen.queryByRole('region', { name: 'Recent activity' })).toBeNull();
  });
});

describe('subscriptions beyond the first page', () => {
  it('“Show more” loads the next page by cursor', async () => {
    const node = customer();
    node.subscriptions = { ...node.subscriptions, totalCount: 2, pageInfo: { hasNextPage: true, endCursor: 'c1' } };
    const more = {
      node: {
        id: 'cus_1',
        subscriptions: {
          totalCount: 2,
          pageInfo: { hasNextPage: false, endCursor: 'c2' },
          edges: [{ node: { id: 'sub_2', version: 1, quantity: 3, status: 'SUSPENDED', termEnd: '2026-06-30T00:00:00Z', autoRenew: false, offer: { id: 'off_2', name: 'Azure savings plan', minQuantity: 1, maxQuantity: 10 } } }],
        },
      },
    };
    const { client, sent } = fakeClient((op) => (op.name === 'CustomerSubscriptions' ? { data: more } : { data: { viewer, node, tags } }));
    await renderWith(<CustomerPage id="cus_1" />, client);
    const subs = await screen.findByRole('region', { name: 'Subscriptions (2)' });
    expect(within(subs).getByText('Showing 1 of 2 subscriptions')).toBeTruthy();
    expect(sent.map((s) => s.name)).toEqual(['CustomerPage']);
    const user = userEvent.setup();
    await user.click(within(subs).getByRole('button', { name: 'Show more' }));
    const row = await within(subs).findByRole('rowheader', { name: 'Azure savings plan' });
    expect(sent.find((s) => s.name === 'CustomerSubscriptions')!.variables).toEqual({ id: 'cus_1', after: 'c1' });
    expect(await within(subs).findByText('Showing 2 of 2 subscriptions')).toBeTruthy();
    expect(within(subs).queryByRole('button', { name: 'Show more' })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(row)); // focus goes to the first row shown
    expect(within(subs).getByRole('button', { name: 'Reactivate Azure savings plan' })).toBeTruthy();
  });
});
