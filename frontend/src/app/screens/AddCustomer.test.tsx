import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeClient, renderWith, type Sent } from '../../test/render';
import { tags, viewer } from '../../test/fixtures';
import { AddCustomer } from './AddCustomer';

function server(create: (op: Sent) => unknown) {
  return fakeClient((op) => {
    if (op.name === 'AddCustomerScreen') return { data: { viewer, tags } };
    if (op.name === 'DomainAvailable') {
      const prefix = String(op.variables.prefix);
      return {
        data: {
          domainAvailable: {
            domain: `${prefix}.onmicrosoft.com`,
            available: prefix !== 'contoso',
            error: prefix === 'contoso' ? { field: null, code: 'TAKEN', message: 'taken' } : null,
          },
        },
      };
    }
    if (op.name === 'CreateCustomer') return { data: create(op) };
    return undefined;
  });
}

async function fillAccount(user: ReturnType<typeof userEvent.setup>) {
  await user.type(await screen.findByRole('textbox', { name: /^Company name/ }), 'Wrocław Logistics Sp. z o.o.');
  expect((screen.getByRole('textbox', { name: /^Domain/ }) as HTMLInputElement).value).toBe('wroclawlogistics');
  expect(await screen.findByText(/wroclawlogistics.onmicrosoft.com is available/, undefined, { timeout: 30000 })).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Next' }));
}

async function fillCompany(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByRole('textbox', { name: /^Registration ID/ }), '5260001246');
  await user.type(screen.getByRole('textbox', { name: /^Address line 1/ }), 'ul. Świdnicka 12');
  await user.type(screen.getByRole('textbox', { name: /^City/ }), 'Wrocław');
  await user.type(screen.getByRole('textbox', { name: /^Postal code/ }), '50-068');
  await user.type(screen.getByRole('textbox', { name: /^Phone number/ }), '+48 71 123 45 67');
  await user.click(screen.getByRole('button', { name: 'Next' }));
}

describe('add customer wizard', () => {
  it('moves focus to the new step’s heading', { timeout: 40000 }, async () => {
    const user = userEvent.setup({ delay: null });
    const { client } = server(() => null);
    await renderWith(<AddCustomer />, client);
    await fillAccount(user);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2 })));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Step 2 of 5: Company and billing address');
  });

  // Typing runs the wizard's 300 ms debounce on real timers: a loaded CI machine once needed more than
  // 10 s for it, so the waits here are generous (they bound a hang; they do not measure speed).
  it('loads with one request, checks the domain as you type and shows taken domains', { timeout: 40000 }, async () => {
    const user = userEvent.setup({ delay: null });
    const { client, sent } = server(() => null);
    await renderWith(<AddCustomer />, client);
    const domain = await screen.findByRole('textbox', { name: /^Domain/ });
    expect(sent.map((s) => s.name)).toEqual(['AddCustomerScreen']);
    await user.type(domain, 'contoso');
    expect(await screen.findByText('contoso.onmicrosoft.com is already taken.', undefined, { timeout: 30000 })).toBeTruthy();
    expect(domain.getAttribute('aria-invalid')).toBe('true');
  });

  it('shows each step’s validation errors on its fields and does not go on', { timeout: 40000 }, async () => {
    const user = userEvent.setup({ delay: null });
    const { client } = server(() => null);
    await renderWith(<AddCustomer />, client);
    await user.type(await screen.findByRole('textbox', { name: /^Company name/ }), 'LLC');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('alert').textContent).toBe('Fix 1 field to continue.');
    expect(screen.getByText('The name cannot be only a legal form such as “LLC” or “GmbH”.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('textbox', { name: /^Company name/ })));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Step 1 of 5: Account and domain');

    await user.clear(screen.getByRole('textbox', { name: /^Company name/ }));
    await fillAccount(user);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Step 2 of 5: Company and billing address');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('alert').textContent).toBe('Fix 5 fields to continue.');
    expect(screen.getAllByText('This field is required.').length).toBe(5);
  });

  it('adds the customer, and puts the server’s errors on the right fields', { timeout: 60000 }, async () => {
    const user = userEvent.setup({ delay: null });
    let calls = 0;
    const { client, sent } = server(() =>
      ++calls === 1
        ? { createCustomer: { customer: null, userErrors: [{ field: ['input', 'billingProfile', 'email'], code: 'INVALID', message: 'no' }] } }
        : {
            createCustomer: {
              customer: { id: 'cus_9', displayName: 'Wrocław Logistics Sp. z o.o.', primaryDomain: 'wroclawlogistics.onmicrosoft.com' },
              userErrors: [],
            },
          },
    );
    await renderWith(<AddCustomer />, client);
    await fillAccount(user);
    await fillCompany(user);
    await user.type(screen.getByRole('textbox', { name: /^First name/ }), 'Anna');
    await user.type(screen.getByRole('textbox', { name: /^Last name/ }), 'Kowalska');
    await user.type(screen.getByRole('textbox', { name: /^Email/ }), 'anna@contoso-demo.example');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByText('Use the customer’s own address, not one at your domain contoso-demo.example.')).toBeTruthy();
    await user.clear(screen.getByRole('textbox', { name: /^Email/ }));
    await user.type(screen.getByRole('textbox', { name: /^Email/ }), 'anna@wroclawlogistics.pl');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect((screen.getByRole('checkbox', { name: /default granular delegated admin/ }) as HTMLInputElement).checked).toBe(true);
    await user.click(screen.getByRole('checkbox', { name: 'SMB' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByText('wroclawlogistics.onmicrosoft.com')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Add customer' }));

    // The server refuses the email: back on the contact step, the error on the email field.
    expect(await screen.findByText('The customer was not added. Fix the highlighted fields.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Step 3 of 5: Primary contact');
    const email = screen.getByRole('textbox', { name: /^Email/ });
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('This value is not valid.')).toBeTruthy();

    await user.type(email, 'x');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Add customer' }));
    expect(await screen.findByRole('heading', { name: 'Wrocław Logistics Sp. z o.o. was added' })).toBeTruthy();
    const input = sent.filter((s) => s.name === 'CreateCustomer').at(-1)?.variables.input as Record<string, unknown>;
    expect(input).toMatchObject({ domainPrefix: 'wroclawlogistics', country: 'PL', registrationID: '5260001246', defaultGdap: true, tagIDs: ['tag_2'] });
    expect(input.billingProfile).toMatchObject({ email: 'anna@wroclawlogistics.plx', postalCode: '50-068', phoneNumber: '+48 71 123 45 67' });
  });

  it('tells an indirect reseller it cannot add customers', async () => {
    const reseller = { ...viewer, partner: { ...viewer.partner, capacities: ['INDIRECT_RESELLER' as const] } };
    const { client } = fakeClient(() => ({ data: { viewer: reseller, tags } }));
    await renderWith(<AddCustomer />, client);
    expect(await screen.findByText(/cannot add customers/)).toBeTruthy();
  });
});
