// A tiny history-API router: the app has five screens and needs nothing more (react-router would add
// ~20 KB gzipped to the initial bundle).
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

const listeners = new Set<() => void>();

function subscribe(cb: () => void) {
  listeners.add(cb);
  window.addEventListener('popstate', cb);
  return () => {
    listeners.delete(cb);
    window.removeEventListener('popstate', cb);
  };
}

const snapshot = () => window.location.pathname + window.location.search;

export function navigate(to: string, opts: { replace?: boolean } = {}) {
  if (to === snapshot()) return;
  if (opts.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  for (const l of listeners) l();
}

export function useLocation(): { path: string; search: URLSearchParams; href: string } {
  const href = useSyncExternalStore(subscribe, snapshot, snapshot);
  const url = new URL(href, 'http://x');
  return { path: url.pathname, search: url.searchParams, href };
}

export function Link({ to, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  return (
    <a
      {...rest}
      href={to}
      onClick={(e: MouseEvent<HTMLAnchorElement>) => {
        onClick?.(e);
        if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        navigate(to);
      }}
    />
  );
}

export type Route =
  | { name: 'list' }
  | { name: 'add' }
  | { name: 'customer'; id: string }
  | { name: 'order'; id: string }
  | { name: 'tags' }
  | { name: 'activity' }
  | { name: 'users' }
  | { name: 'acceptInvitation' }
  | { name: 'acceptRelationship' }
  | { name: 'signIn' }
  | { name: 'notFound' };

export function matchRoute(path: string): Route {
  const p = path.replace(/\/+$/, '') || '/';
  if (p === '/' || p === '/customers') return { name: 'list' };
  if (p === '/customers/new') return { name: 'add' };
  const o = /^\/customers\/([^/]+)\/order$/.exec(p);
  if (o?.[1]) return { name: 'order', id: decodeURIComponent(o[1]) };
  const m = /^\/customers\/([^/]+)$/.exec(p);
  if (m?.[1]) return { name: 'customer', id: decodeURIComponent(m[1]) };
  if (p === '/tags') return { name: 'tags' };
  if (p === '/activity') return { name: 'activity' };
  if (p === '/users') return { name: 'users' };
  if (p === '/accept-invitation') return { name: 'acceptInvitation' };
  if (p === '/accept-relationship') return { name: 'acceptRelationship' };
  if (p === '/signin') return { name: 'signIn' };
  return { name: 'notFound' };
}
