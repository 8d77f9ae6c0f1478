import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeClient, renderWith, type Sent } from '../../test/render';
import { listData, viewer } from '../../test/fixtures';
import { CustomerList } from './CustomerList';
import { domainProblem } from './RequestRelationship';

const openRequest = {
  id: 'rel_9',
  type: 'DIRECT_BILL',
  status: 'PENDING',
  delegatedAdmin: true,
  expiresAt: '2025-06-01T10:00:00Z',
  createdAt: '2025-03-03T10:00:00Z',
  customerName: 'Adatum Client Ltd',
  primaryDomain: 'adatumclient.onmicrosoft.com',
};

/** The list, the dialog's open requests (empty until a request is made), and the mutation's answers in turn. */
function client(answers: Array<Record<string, unknown>>, v = viewer) {
  let made = false;
  const queue = [...answers];
  return fakeClient((op: Sent) => {
    if (op.name === 'CustomerList') return { data: { ...listData(3), viewer: v } };
    if (op.name === 'OpenRelationshipRequests') return { data: { relationshipRequests: made ? [openRequest] : [] } };
    if (op.name === 'RequestRelationship') {
      const a = queue.shift()!;
      if ((a as { link?: string }).link) made = true;
      return { data: { requestRelationship: { link: null, request: null, userErrors: [], ...a } } };
    }
    return undefined;
  });
}

async function openDialog() {
  const user = userEvent.setup();
  const button = await screen.findByRole('button', { name: 'Request a relationship' });
  await user.click(button);
  const dialog = await screen.findByRole('dialog', { name: 'Request a relationship' });
  return { user, button, dialog };
}

describe('request a relationship', () => {
  it('checks the domain, shows the server’s error on it, then shows the link once with a copy button', async () => {
    const { client: c, sent } = client([
      { userErrors: [{ field: ['input', 'domain'], code: 'NOT_FOUND', message: 'No customer has the domain nosuch.onmicrosoft.com.' }] },
      { link: 'https://app.example/accept-relationship#token=phr_abc', request: openRequest },
    ]);
    await renderWith(<CustomerList />, c);
    const { user, dialog } = await openDialog();
    const domain = within(dialog).getByRole('textbox', { name: /^Customer’s domain/ });
    await waitFor(() => expect(document.activeElement).toBe(domain)); // focus moves into the dialog
    expect(await within(dialog).findByText('No open requests.')).toBeTruthy();

    // Nothing is sent until the domain is there.
    await user.click(within(dialog).getByRole('button', { name: 'Create the request' }));
    expect(within(dialog).getByText('This field is required.')).toBeTruthy();
    expect(sent.some((s) => s.name === 'RequestRelationship')).toBe(false);

    // The server's NOT_FOUND lands on the domain field.
    await user.type(domain, 'nosuch');
    await user.click(within(dialog).getByRole('button', { name: 'Create the request' }));
    const error = await within(dialog).findByText('No customer has the domain nosuch.onmicrosoft.com.');
    expect(domain.getAttribute('aria-invalid')).toBe('true');
    expect(domain.getAttribute('aria-describedby')).toContain(error.id);

    await user.clear(domain);
    await user.type(domain, 'AdatumClient.onmicrosoft.com');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Ask for delegated admin privileges' }));
    await user.click(within(dialog).getByRole('button', { name: 'Create the request' }));
    const link = (await within(dialog).findByRole('textbox', { name: 'Relationship request link' })) as HTMLInputElement;
    expect(link.value).toBe('https://app.example/accept-relationship#token=phr_abc');
    expect(document.activeElement).toBe(link); // focus moves to the link
    expect(within(dialog).getByText('Request created for Adatum Client Ltd (adatumclient.onmicrosoft.com).')).toBeTruthy();
    expect(within(dialog).getByText(/^Send this link to the customer: .* expires in 90 days, on 1 Jun 2025\.$/)).toBeTruthy();
    expect(sent.filter((s) => s.name === 'RequestRelationship').map((s) => s.variables.input)).toEqual([
      { domain: 'nosuch', delegatedAdmin: false },
      { domain: 'adatumclient.onmicrosoft.com', delegatedAdmin: true },
    ]);

    await user.click(within(dialog).getByRole('button', { name: 'Copy' }));
    expect(await within(dialog).findByText('Copied to the clipboard.')).toBeTruthy();
    expect(await navigator.clipboard.readText()).toBe('https://app.example/accept-relationship#token=phr_abc');

    // The open requests are asked again and show the new one.
    const open = within(dialog).getByRole('region', { name: 'Your open requests' });
    expect(await within(open).findByText('Adatum Client Ltd')).toBeTruthy();
    expect(sent.filter((s) => s.name === 'OpenRelationshipRequests')).toHaveLength(2);
  });

  it('closes on Escape and gives focus back to its button', async () => {
    const { client: c } = client([]);
    await renderWith(<CustomerList />, c);
    const { user, button } = await openDialog();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('keeps Tab inside the dialog', async () => {
    const { client: c } = client([]);
    await renderWith(<CustomerList />, c);
    const { user, dialog } = await openDialog();
    await within(dialog).findByText('No open requests.');
    for (let i = 0; i < 8; i++) {
      await user.tab();
      expect(dialog.contains(document.activeElement)).toBe(true);
    }
    await user.tab({ shift: true });
    expect(dialog.contains(document.activeElement)).toBe(true);
  });

  it('asks a reseller-only partner for the provider it sells through', async () => {
    const reseller = {
      ...viewer,
      partner: { ...viewer.partner, capacities: ['INDIRECT_RESELLER' as const], providers: [{ id: 'ptn_2', name: 'Fabrikam Distribution' }, { id: 'ptn_3', name: 'Tailspin Distribution' }] },
    };
    const { client: c, sent } = client([{ link: 'https://app.example/accept-relationship#token=phr_x', request: { ...openRequest, type: 'INDIRECT_RESELLER' } }], reseller);
    await renderWith(<CustomerList />, c);
    const { user, dialog } = await openDialog();
    await user.type(within(dialog).getByRole('textbox', { name: /^Customer’s domain/ }), 'adatumclient');
    await user.click(within(dialog).getByRole('button', { name: 'Create the request' }));
    const provider = within(dialog).getByRole('combobox', { name: /^Indirect provider/ });
    expect(provider.getAttribute('aria-invalid')).toBe('true');
    expect(sent.some((s) => s.name === 'RequestRelationship')).toBe(false);
    await user.selectOptions(provider, 'ptn_3');
    await user.click(within(dialog).getByRole('button', { name: 'Create the request' }));
    await within(dialog).findByRole('textbox', { name: 'Relationship request link' });
    expect(sent.find((s) => s.name === 'RequestRelationship')!.variables.input).toEqual({ domain: 'adatumclient', delegatedAdmin: false, providerID: 'ptn_3' });
  });

  it('speaks the user’s language', async () => {
    const { client: c } = client([{ userErrors: [{ field: ['input', 'domain'], code: 'TAKEN', message: 'x' }] }]);
    await renderWith(<CustomerList />, c, 'pl');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Poproś o relację' }));
    const dialog = await screen.findByRole('dialog', { name: 'Prośba o relację z klientem' });
    await user.type(within(dialog).getByRole('textbox', { name: /^Domena klienta/ }), 'contoso');
    await user.click(within(dialog).getByRole('button', { name: 'Utwórz prośbę' }));
    expect(await within(dialog).findByText('Masz już taką relację z tym klientem albo otwartą prośbę.')).toBeTruthy();
  });

  it('is not offered to roles that may not request relationships', async () => {
    const helpdesk = { ...viewer, permissions: ['VIEW_CUSTOMERS' as const] };
    const { client: c } = client([], helpdesk);
    await renderWith(<CustomerList />, c);
    await screen.findByRole('heading', { level: 1, name: 'Customers' });
    await screen.findAllByRole('link', { name: /Łódź Trading/ });
    expect(screen.queryByRole('button', { name: 'Request a relationship' })).toBeNull();
  });

  it('accepts a domain or its prefix', () => {
    expect(domainProblem('contoso')).toBeNull();
    expect(domainProblem(' Contoso.onmicrosoft.com ')).toBeNull();
    expect(domainProblem('')).toEqual({ code: 'REQUIRED' });
    expect(domainProblem('contoso.com')?.code).toBe('INVALID');
    expect(domainProblem('a'.repeat(28))?.code).toBe('INVALID');
  });
});
