import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedError } from '@urql/core';
import { describe, expect, it } from 'vitest';
import { fakeClient, renderWith } from '../test/render';
import { listData, viewer } from '../test/fixtures';
import { App } from './App';

describe('app shell', () => {
  it('sends a signed-out visitor to sign in, then back where they were', async () => {
    const user = userEvent.setup({ delay: null });
    window.history.replaceState(null, '', '/?q=lodz');
    let signedIn = false;
    const fake = fakeClient((op) => {
      if (op.name === 'SignIn') {
        signedIn = true;
        return { data: { signIn: { viewer, userErrors: [] } } };
      }
      if (!signedIn) return { error: new CombinedError({ graphQLErrors: [{ message: 'Sign in first.', extensions: { code: 'UNAUTHENTICATED' } }] }) };
      return { data: listData(2) };
    });
    let hooks: { onUnauthenticated: () => void } | undefined;
    const factory = (h: { onUnauthenticated: () => void }) => {
      hooks = h;
      return fake.client;
    };
    // The fake client does not run exchanges: report UNAUTHENTICATED like the real one does.
    const origExec = fake.client.executeQuery;
    (fake.client as unknown as { executeQuery: unknown }).executeQuery = (...args: Parameters<typeof origExec>) => {
      if (!signedIn) setTimeout(() => hooks?.onUnauthenticated(), 0);
      return origExec(...args);
    };
    await renderWith(<App clientFactory={factory as never} />, fake.client);
    expect(await screen.findByRole('heading', { name: 'Sign in to Partnerhub' })).toBeTruthy();
    expect(window.location.pathname).toBe('/signin');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getAllByText('This field is required.')).toHaveLength(2);
    await user.type(screen.getByLabelText(/Work email/), 'admin@contoso-demo.example');
    await user.type(screen.getByLabelText(/Password/), 'partnerhub-demo');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('link', { name: 'Łódź Trading 1' })).toBeTruthy();
    expect(window.location.pathname + window.location.search).toBe('/?q=lodz');
    expect(fake.sent.find((s) => s.name === 'SignIn')?.variables).toEqual({ input: { email: 'admin@contoso-demo.example', password: 'partnerhub-demo' } });
    expect(screen.getByText('Signed in as Mark Palmer, Contoso Cloud Solutions')).toBeTruthy();
  });

  it('remembers the viewer’s permissions for the next page load, and forgets them on sign-out', async () => {
    const user = userEvent.setup({ delay: null });
    const fake = fakeClient((op) => (op.name === 'SignOut' ? { data: { signOut: { ok: true } } } : { data: listData(2) }));
    await renderWith(<App clientFactory={() => fake.client} />, fake.client);
    await screen.findByRole('link', { name: 'Łódź Trading 1' });
    await waitFor(() => expect(JSON.parse(localStorage.getItem('partnerhub.viewerHint') ?? '{}').permissions).toEqual(viewer.permissions));
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await screen.findByRole('heading', { name: 'Sign in to Partnerhub' });
    expect(localStorage.getItem('partnerhub.viewerHint')).toBeNull();
  });

  it('shows a locked account', async () => {
    const user = userEvent.setup({ delay: null });
    window.history.replaceState(null, '', '/signin');
    const fake = fakeClient(() => ({ data: { signIn: { viewer: null, userErrors: [{ field: null, code: 'LOCKED', message: 'locked' }] } } }));
    await renderWith(<App clientFactory={() => fake.client} />, fake.client);
    await user.type(screen.getByLabelText(/Work email/), 'admin@contoso-demo.example');
    await user.type(screen.getByLabelText(/Password/), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Too many failed attempts/);
  });

  it('switches language at any time and remembers it', async () => {
    const user = userEvent.setup({ delay: null });
    const fake = fakeClient(() => ({ data: listData(2, 2) }));
    await renderWith(<App clientFactory={() => fake.client} />, fake.client);
    expect(await screen.findByText('2 customers')).toBeTruthy();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'fr');
    expect(await screen.findByText('2 clients')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Gérer les balises' })).toBeTruthy();
    expect(localStorage.getItem('partnerhub.lang')).toBe('fr');
    expect(document.documentElement.lang).toBe('fr');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Langue' }), 'it');
    await waitFor(() => expect(screen.getAllByText('Polonia')).toHaveLength(2));
  });
});
