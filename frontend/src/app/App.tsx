import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { Provider, type Client } from 'urql';
import { setDemoUser } from './auth';
import { Loading } from './components/States';
import { SignOutDocument } from './gql/graphql';
import { createClient } from './graphql/client';
import { LANGUAGES, LANGUAGE_NAMES, isLang } from './i18n/core';
import { useI18n } from './i18n/I18nProvider';
import { Link, matchRoute, navigate, useLocation } from './router';
import { CustomerList } from './screens/CustomerList';
import { SignIn } from './screens/SignIn';
import { ViewerContext, can, rememberViewer, type Viewer } from './viewer';

const AddCustomer = lazy(() => import('./screens/AddCustomer').then((m) => ({ default: m.AddCustomer })));
const CustomerPage = lazy(() => import('./screens/CustomerPage').then((m) => ({ default: m.CustomerPage })));
const NewOrder = lazy(() => import('./screens/NewOrder').then((m) => ({ default: m.NewOrder })));
const ActivityLog = lazy(() => import('./screens/ActivityLog').then((m) => ({ default: m.ActivityLog })));
const Users = lazy(() => import('./screens/Users').then((m) => ({ default: m.Users })));
const AcceptInvitation = lazy(() => import('./screens/PublicPages').then((m) => ({ default: m.AcceptInvitation })));
const AcceptRelationship = lazy(() => import('./screens/PublicPages').then((m) => ({ default: m.AcceptRelationship })));
const ManageTags = lazy(() => import('./screens/ManageTags').then((m) => ({ default: m.ManageTags })));

/** Screens that need no sign-in (and show no app navigation). */
const isPublic = (name: string) => name === 'signIn' || name === 'acceptInvitation' || name === 'acceptRelationship';

export function App({ clientFactory = createClient }: { clientFactory?: typeof createClient }) {
  const { t } = useI18n();
  const { path, href } = useLocation();
  const route = matchRoute(path);
  const [viewer, setViewer] = useState<Viewer | null>(null);
  const [signedOut, setSignedOut] = useState<'expired' | 'signedOut' | null>(null);
  const hrefRef = useRef(href);
  hrefRef.current = href;

  const makeClient = useCallback(
    () =>
      clientFactory({
        onUnauthenticated: () => {
          rememberViewer(null);
          setViewer(null);
          setSignedOut((s) => s ?? 'expired');
        },
      }),
    [clientFactory],
  );
  const [client, setClient] = useState<Client>(makeClient);

  // Signed out: go to the sign-in screen, remembering where we were.
  useEffect(() => {
    if (signedOut && !isPublic(route.name)) {
      const next = hrefRef.current;
      navigate(`/signin${next && next !== '/' && !next.startsWith('/signin') ? `?next=${encodeURIComponent(next)}` : ''}`, {
        replace: true,
      });
    }
  }, [signedOut, route.name]);

  const onSignedIn = useCallback(
    (v: Viewer) => {
      // Commit the signed-in state before the location changes, so the redirect effect sees it.
      flushSync(() => {
        setClient(makeClient()); // a fresh cache for the new user
        setViewer(v);
        setSignedOut(null);
      });
      const next = new URLSearchParams(window.location.search).get('next');
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
    },
    [makeClient],
  );

  const signOut = useCallback(async () => {
    await client.mutation(SignOutDocument, {}).toPromise().catch(() => undefined);
    setDemoUser(null);
    rememberViewer(null);
    flushSync(() => {
      setViewer(null);
      setClient(makeClient());
      setSignedOut('signedOut');
    });
    navigate('/signin', { replace: true });
  }, [client, makeClient]);

  const viewerCtx = useMemo(() => ({ viewer, setViewer }), [viewer]);
  // Remember the permissions for the next page load (screens shape their one query with them).
  useEffect(() => {
    if (viewer) rememberViewer(viewer);
  }, [viewer]);

  // A new screen: move focus to the main region so keyboard and screen-reader users start there.
  const firstPath = useRef(true);
  useEffect(() => {
    if (firstPath.current) {
      firstPath.current = false;
      return;
    }
    document.getElementById('main')?.focus({ preventScroll: false });
  }, [path]);

  let screen;
  switch (route.name) {
    case 'signIn':
      screen = <SignIn onSignedIn={onSignedIn} reason={signedOut} />;
      break;
    case 'list':
      screen = <CustomerList />;
      break;
    case 'add':
      screen = <AddCustomer />;
      break;
    case 'customer':
      screen = <CustomerPage id={route.id} />;
      break;
    case 'acceptInvitation':
      screen = <AcceptInvitation onSignedIn={onSignedIn} />;
      break;
    case 'acceptRelationship':
      screen = <AcceptRelationship />;
      break;
    case 'users':
      screen = <Users />;
      break;
    case 'activity':
      screen = <ActivityLog />;
      break;
    case 'order':
      screen = <NewOrder id={route.id} />;
      break;
    case 'tags':
      screen = <ManageTags />;
      break;
    default:
      screen = (
        <div className="state">
          <h1>{t('error.NOT_FOUND')}</h1>
          <Link to="/">{t('customer.back')}</Link>
        </div>
      );
  }
  const chrome = !isPublic(route.name);
  // Keep the screen's query from firing while signed out (it would only fail again).
  const blocked = signedOut && !isPublic(route.name);

  return (
    <Provider value={client}>
      <ViewerContext.Provider value={viewerCtx}>
        <a className="skip-link" href="#main">
          {t('app.skipToContent')}
        </a>
        <header className="app-header">
          <Link to="/" className="brand">
            {t('app.name')}
          </Link>
          {chrome && (
            <nav aria-label={t('nav.main')} className="app-nav">
              <Link to="/" aria-current={route.name === 'list' || route.name === 'customer' || route.name === 'order' ? 'page' : undefined}>
                {t('nav.customers')}
              </Link>
              {(!viewer || can(viewer, 'manageTags')) && (
                <Link to="/tags" aria-current={route.name === 'tags' ? 'page' : undefined}>
                  {t('nav.tags')}
                </Link>
              )}
              {viewer && can(viewer, 'viewActivity') && (
                <Link to="/activity" aria-current={route.name === 'activity' ? 'page' : undefined}>
                  {t('nav.activity')}
                </Link>
              )}
              {viewer && can(viewer, 'manageUsers') && (
                <Link to="/users" aria-current={route.name === 'users' ? 'page' : undefined}>
                  {t('nav.users')}
                </Link>
              )}
              <a href="/explorer/">{t('nav.explorer')}</a>
            </nav>
          )}
          <div className="header-end">
            <LanguageSwitcher />
            {chrome && viewer && (
              <>
                <span className="account" title={viewer.user.email}>
                  {t('header.account', { name: viewer.user.name, partner: viewer.partner.name })}
                </span>
                <button type="button" className="secondary" onClick={() => void signOut()}>
                  {t('header.signOut')}
                </button>
              </>
            )}
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          {blocked ? <Loading /> : <Suspense fallback={<Loading />}>{screen}</Suspense>}
        </main>
      </ViewerContext.Provider>
    </Provider>
  );
}

function LanguageSwitcher() {
  const { t, lang, setLang } = useI18n();
  return (
    <label className="lang-switch">
      <span className="visually-hidden">{t('header.language')}</span>
      <select
        value={lang}
        onChange={(e) => {
          if (isLang(e.target.value)) setLang(e.target.value);
        }}
        aria-label={t('header.language')}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
