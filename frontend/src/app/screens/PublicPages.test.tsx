import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeClient, renderWith } from '../../test/render';
import { viewer } from '../../test/fixtures';
import { AcceptInvitation, AcceptRelationship, tokenFromHash } from './PublicPages';

afterEach(() => window.history.replaceState(null, '', '/'));

describe('public pages', () => {
  it('reads the token from the fragment', () => {
    expect(tokenFromHash('#token=abc%2Bdef')).toBe('abc+def');
    expect(tokenFromHash('')).toBe('');
  });

  it('accept invitation: checks the password, then signs in', async () => {
    window.history.replaceState(null, '', '/accept-invitation#token=tok1');
    const onSignedIn = vi.fn();
    const { client, sent } = fakeClient((op) => (op.name === 'ViewerOnly' ? { data: { viewer } } : { data: { acceptInvitation: { viewer: { user: { id: 'usr_9' } }, userErrors: [] } } }));
    await renderWith(<AcceptInvitation onSignedIn={onSignedIn} />, client);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/^New password/), 'short');
    await user.click(screen.getByRole('button', { name: 'Set password and sign in' }));
    expect(screen.getByText('The passwords do not match.')).toBeTruthy();
    expect(sent).toHaveLength(0);
    await user.clear(screen.getByLabelText(/^New password/));
    await user.type(screen.getByLabelText(/^New password/), 'a-long-enough-password');
    await user.type(screen.getByLabelText(/^Repeat the password/), 'a-long-enough-password');
    await user.click(screen.getByRole('button', { name: 'Set password and sign in' }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(viewer));
    expect(sent[0]!.variables).toEqual({ input: { token: 'tok1', password: 'a-long-enough-password' } });
  });

  it('accept relationship: shows the request, then accepts it', async () => {
    window.history.replaceState(null, '', '/accept-relationship#token=tok2');
    const { client, sent } = fakeClient((op) =>
      op.name === 'RelationshipRequestScreen'
        ? { data: { relationshipRequest: { id: 'rr_1', type: 'DIRECT_BILL', status: 'PENDING', delegatedAdmin: true, expiresAt: null, partnerName: 'Contoso', customerName: 'Fabrikam', primaryDomain: 'fabrikam.onmicrosoft.com' } } }
        : { data: { acceptRelationshipRequest: { request: { id: 'rr_1', status: 'ACTIVE' }, userErrors: [] } } },
    );
    await renderWith(<AcceptRelationship />, client);
    expect(await screen.findByText('Contoso asks to become a partner of Fabrikam (fabrikam.onmicrosoft.com).')).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Accept the request' }));
    expect(await screen.findByText('Accepted: Contoso is now your partner.')).toBeTruthy();
    expect(sent.map((s) => s.name)).toEqual(['RelationshipRequestScreen', 'AcceptRelationshipRequest']);
  });
});
