// Who the app signs in as. Normally a server session (an HttpOnly cookie set by the signIn mutation).
// Demo/dev fallback, only behind a flag: `?demo=1` (or `?demoUser=<email>`) turns on demo mode, kept in
// localStorage; then requests carry the demo server's X-Partnerhub-User header for the user signed in
// through the form (or named in the URL), and the form falls back to it when the server has no signIn.

export const DEMO_HEADER = 'X-Partnerhub-User';
const DEMO_FLAG = 'partnerhub.demo';
const DEMO_USER = 'partnerhub.demoUser';

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** Reads ?demo= / ?demoUser= once at start-up and remembers them. */
export function readDemoFlags(search: string) {
  const params = new URLSearchParams(search);
  const s = storage();
  if (!s) return;
  const demo = params.get('demo');
  if (demo === '1' || demo === 'true') s.setItem(DEMO_FLAG, '1');
  if (demo === '0' || demo === 'false') {
    s.removeItem(DEMO_FLAG);
    s.removeItem(DEMO_USER);
  }
  const user = params.get('demoUser');
  if (user) {
    s.setItem(DEMO_FLAG, '1');
    s.setItem(DEMO_USER, user);
  }
}

export function demoEnabled(): boolean {
  return import.meta.env.VITE_PARTNERHUB_DEMO === '1' || storage()?.getItem(DEMO_FLAG) === '1';
}

export function demoUser(): string | null {
  return demoEnabled() ? (storage()?.getItem(DEMO_USER) ?? null) : null;
}

export function setDemoUser(email: string | null) {
  const s = storage();
  if (!s) return;
  if (email) s.setItem(DEMO_USER, email);
  else s.removeItem(DEMO_USER);
}
