import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeClient, renderWith } from '../../test/render';
import { viewer } from '../../test/fixtures';
import { ViewerContext } from '../viewer';
import { Users } from './Users';

const admin = { ...viewer, permissions: [...viewer.permissions, 'MANAGE_USERS' as const] };
const users = [
  { id: 'usr_1', version: 1, email: 'admin@contoso-demo.example', name: 'Mark Palmer', roles: ['GLOBAL_ADMIN'], active: true, lastSignInAt: null },
  { id: 'usr_2', version: 3, email: 'sales@contoso-demo.example', name: 'Ola Nowak', roles: ['SALES_AGENT'], active: true, lastSignInAt: null },
];

describe('users and roles', () => {
  it('invites a user, checks the form first, and shows the link once', async () => {
    const { client, sent } = fakeClient((op) =>
      op.name === 'UsersScreen'
        ? { data: { viewer: admin, users } }
        : { data: { inviteUser: { link: 'https://app.example/accept-invitation#token=abc', invitation: { id: 'inv_1' }, userErrors: [] } } },
    );
    await renderWith(<Users />, client);
    const form = await screen.findByRole('form', { name: 'Invite a user' });
    expect(sent.map((s) => s.name)).toEqual(['UsersScreen']);
    const user = userEvent.setup();
    await user.click(within(form).getByRole('button', { name: 'Invite' }));
    expect(within(form).getAllByText('This field is required.').length).toBe(2);
    await user.type(within(form).getByLabelText(/^Name/), 'Jan Kowalski');
    await user.type(within(form).getByLabelText(/^Email/), 'jan@example.pl');
    await user.click(within(form).getByRole('button', { name: 'Invite' }));
    await waitFor(() => expect(sent.some((s) => s.name === 'InviteUser')).toBe(true));
    expect(sent.find((s) => s.name === 'InviteUser')!.variables).toEqual({ input: { name: 'Jan Kowalski', email: 'jan@example.pl', roles: ['SALES_AGENT'] } });
    expect(((await within(form).findByLabelText('Invitation link')) as HTMLInputElement).value).toBe('https://app.example/accept-invitation#token=abc');
  });

  it('changes roles with the version seen', async () => {
    const { client, sent } = fakeClient((op) =>
      op.name === 'UsersScreen' ? { data: { viewer: admin, users } } : { data: { updateUserRoles: { user: null, userErrors: [] } } },
    );
    await renderWith(<Users />, client);
    const group = await screen.findByRole('group', { name: 'Roles of Ola Nowak' });
    const user = userEvent.setup();
    await user.click(within(group).getByRole('checkbox', { name: 'Helpdesk agent' }));
    await user.click(within(group).getByRole('button', { name: 'Save roles' }));
    await waitFor(() => expect(sent.some((s) => s.name === 'UpdateUserRoles')).toBe(true));
    expect(sent.find((s) => s.name === 'UpdateUserRoles')!.variables).toEqual({ input: { id: 'usr_2', version: 3, roles: ['SALES_AGENT', 'HELPDESK_AGENT'] } });
  });
});

describe('open invitations', () => {
  const invitation = (n: number, email: string, name: string) => ({
    id: `inv_${n}`,
    email,
    roles: ['SALES_AGENT', 'HELPDESK_AGENT'],
    expiresAt: '2025-03-10T12:00:00Z',
    createdAt: '2025-03-03T12:00:00Z',
    user: { id: `usr_i${n}`, name },
  });
  const managed = (ui: React.ReactElement) => <ViewerContext.Provider value={{ viewer: admin, setViewer: () => {} }}>{ui}</ViewerContext.Provider>;

  it('are listed in the screen’s one query, and again after an invitation is sent', async () => {
    let loads = 0;
    const { client, sent } = fakeClient((op) => {
      if (op.name === 'UsersScreen') {
        loads++;
        const invitations = [invitation(1, 'piotr@example.pl', 'Piotr Zieliński')];
        if (loads > 1) invitations.unshift(invitation(2, 'jan@example.pl', 'Jan Kowalski'));
        return { data: { viewer: admin, users, invitations } };
      }
      return { data: { inviteUser: { link: 'https://app.example/accept-invitation#token=abc', invitation: invitation(2, 'jan@example.pl', 'Jan Kowalski'), userErrors: [] } } };
    });
    await renderWith(managed(<Users />), client);
    const section = await screen.findByRole('region', { name: 'Open invitations (1)' });
    expect(sent.map((s) => [s.name, s.variables])).toEqual([['UsersScreen', { withInvitations: true }]]);
    const row = within(section).getByRole('row', { name: /piotr@example\.pl/ });
    expect(within(row).getByText('Piotr Zieliński')).toBeTruthy();
    expect(within(row).getByText('Sales agent, Helpdesk agent')).toBeTruthy();
    expect(within(row).getByText(/10 Mar 2025/)).toBeTruthy();

    const form = screen.getByRole('form', { name: 'Invite a user' });
    const user = userEvent.setup();
    await user.type(within(form).getByLabelText(/^Name/), 'Jan Kowalski');
    await user.type(within(form).getByLabelText(/^Email/), 'jan@example.pl');
    await user.click(within(form).getByRole('button', { name: 'Invite' }));
    const updated = await screen.findByRole('region', { name: 'Open invitations (2)' });
    expect(within(updated).getByRole('row', { name: /jan@example\.pl/ })).toBeTruthy();
    expect(sent.map((s) => s.name)).toEqual(['UsersScreen', 'InviteUser', 'UsersScreen']);
  });

  it('shows an empty state', async () => {
    const { client } = fakeClient(() => ({ data: { viewer: admin, users, invitations: [] } }));
    await renderWith(managed(<Users />), client);
    const section = await screen.findByRole('region', { name: 'Open invitations (0)' });
    expect(within(section).getByText('No open invitations.')).toBeTruthy();
  });

  it('are not asked for by those who do not manage users', async () => {
    const { client, sent } = fakeClient(() => ({ data: { viewer, users } }));
    await renderWith(<ViewerContext.Provider value={{ viewer, setViewer: () => {} }}><Users /></ViewerContext.Provider>, client);
    await screen.findByRole('heading', { level: 1, name: 'Users and roles' });
    expect(sent.map((s) => s.variables)).toEqual([{ withInvitations: false }]);
    expect(screen.queryByRole('region', { name: /Open invitations/ })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Invite a user' })).toBeNull();
  });
});
