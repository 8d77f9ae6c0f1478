import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeClient, renderWith } from '../../test/render';
import { listData } from '../../test/fixtures';
import { CustomerList } from './CustomerList';

describe('customer list', () => {
  it('loads with one request and shows rows, total, tags and localized country', async () => {
    const { client, sent } = fakeClient(() => ({ data: listData(3, 1234, true) }));
    await renderWith(<CustomerList />, client);
    expect(screen.getByText('Loading…')).toBeTruthy();
    expect((await screen.findByRole('link', { name: 'Łódź Trading 1' })).getAttribute('href')).toBe('/customers/cus_1');
    expect(screen.getByText('1,234 customers')).toBeTruthy();
    expect(screen.getAllByText('Poland')).toHaveLength(3);
    expect(within(screen.getByRole('table')).getByText('Priority')).toBeTruthy();
    expect(screen.getByText('Page 1 of 62')).toBeTruthy();
    expect(sent.map((s) => s.name)).toEqual(['CustomerList']);
    expect(sent[0]?.variables).toMatchObject({ first: 20, search: null, orderBy: [{ field: 'COMPANY_NAME', direction: 'ASC' }] });
  });

  it('searches as you type, sorts by a column and pages with cursors', async () => {
    const user = userEvent.setup({ delay: null });
    const { client, sent } = fakeClient(() => ({ data: listData(3, 60, true) }));
    await renderWith(<CustomerList />, client);
    await screen.findByRole('link', { name: 'Łódź Trading 1' });

    await user.type(screen.getByRole('searchbox', { name: 'Search customers' }), 'lodz');
    await waitFor(() => expect(sent.at(-1)?.variables.search).toBe('lodz'));
    expect(window.location.search).toBe('?q=lodz');

    await user.click(screen.getByRole('button', { name: 'Sort by Primary domain' }));
    await waitFor(() => expect(sent.at(-1)?.variables.orderBy).toEqual([{ field: 'DOMAIN', direction: 'ASC' }]));
    await user.click(screen.getByRole('button', { name: 'Sort by Primary domain' }));
    await waitFor(() => expect(sent.at(-1)?.variables.orderBy).toEqual([{ field: 'DOMAIN', direction: 'DESC' }]));

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(sent.at(-1)?.variables).toMatchObject({ first: 20, after: 'c3' }));
    expect(await screen.findByText('Page 2 of 3')).toBeTruthy();
  });

  it('filters by verification status and country', async () => {
    const user = userEvent.setup({ delay: null });
    const { client, sent } = fakeClient(() => ({ data: listData(2) }));
    await renderWith(<CustomerList />, client);
    await screen.findByRole('link', { name: 'Łódź Trading 1' });
    await user.click(screen.getByRole('button', { name: /Verification/ }));
    await user.click(screen.getByRole('checkbox', { name: 'Allowed' }));
    await waitFor(() => expect(sent.at(-1)?.variables.filter).toEqual({ verificationStatuses: ['ALLOWED'] }));
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: /^Country/ }));
    await user.type(screen.getByRole('searchbox', { name: 'Find an option' }), 'Pola');
    await user.click(screen.getByRole('checkbox', { name: 'Poland' }));
    await waitFor(() =>
      expect(sent.at(-1)?.variables.filter).toEqual({ verificationStatuses: ['ALLOWED'], countries: ['PL'] }),
    );
  });

  it('selects many customers and adds tags to them', async () => {
    const user = userEvent.setup({ delay: null });
    const { client, sent } = fakeClient((op) =>
      op.name === 'TagsAdd'
        ? { data: { tagsAdd: { customers: [], userErrors: [] } } }
        : { data: listData(3) },
    );
    await renderWith(<CustomerList />, client);
    await screen.findByRole('link', { name: 'Łódź Trading 1' });
    await user.click(screen.getByRole('checkbox', { name: 'Select Łódź Trading 1' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Łódź Trading 3' }));
    expect(screen.getByText('2 customers selected')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Add tags' }));
    const panel = screen.getByRole('dialog', { name: 'Add tags to the selected customers' });
    await user.click(within(panel).getByRole('checkbox', { name: 'SMB' }));
    await user.click(within(panel).getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(sent.find((s) => s.name === 'TagsAdd')?.variables).toEqual({ input: { customerIDs: ['cus_1', 'cus_3'], tagIDs: ['tag_2'] } }));
    expect(await screen.findByText('Tags added to 2 customers.')).toBeTruthy();
  });

  it('shows the empty state', async () => {
    const { client } = fakeClient(() => ({ data: listData(0) }));
    window.history.replaceState(null, '', '/?q=zzz');
    await renderWith(<CustomerList />, client);
    expect(await screen.findByText('No customers match.')).toBeTruthy();
    expect(screen.getByText('Try another search, or clear the filters.')).toBeTruthy();
  });

  it('shows the error state with a retry', async () => {
    const { CombinedError } = await import('@urql/core');
    const failing = fakeClient(() => ({ error: new CombinedError({ networkError: new Error('down') }) }));
    await renderWith(<CustomerList />, failing.client);
    expect(await screen.findByText(/could not be reached/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await act(async () => undefined);
    expect(failing.sent.length).toBe(2);
  });

  it('says so when the server is too busy, with a retry', async () => {
    const { CombinedError } = await import('@urql/core');
    const busy = fakeClient(() => ({
      error: new CombinedError({ graphQLErrors: [{ message: 'Partnerhub is busy.', extensions: { code: 'BUSY' } }] }),
    }));
    await renderWith(<CustomerList />, busy.client);
    expect(await screen.findByText('Partnerhub is busy right now. Try again in a moment.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('speaks the chosen language', async () => {
    const { client } = fakeClient(() => ({ data: listData(2, 2) }));
    await renderWith(<CustomerList />, client, 'ru');
    expect(await screen.findByText('2 клиента')).toBeTruthy();
    expect(screen.getAllByText('Польша')).toHaveLength(2);
    expect(screen.getByRole('searchbox', { name: 'Поиск клиентов' })).toBeTruthy();
  });
});
