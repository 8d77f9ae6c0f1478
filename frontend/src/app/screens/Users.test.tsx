import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeClient, renderWith } from '../../test/render';
import { viewer } from '../../test/fixtures';
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
