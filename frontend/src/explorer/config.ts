import type { CreateFetcherOptions } from '@graphiql/toolkit';

/** Same-origin GraphQL endpoint served by the Go server. */
export const GRAPHQL_ENDPOINT = '/graphql';

/**
 * Identity header the server honours in demo mode only; it lets the explorer
 * act as a seeded demo user without signing in.
 */
export const DEMO_USER_HEADER = 'X-Partnerhub-User';
export const DEMO_USER_EMAIL = 'admin@contoso-demo.example';

/** Initial contents of GraphiQL's headers editor (a JSON object). */
export const DEFAULT_HEADERS = JSON.stringify({ [DEMO_USER_HEADER]: DEMO_USER_EMAIL }, null, 2);

/** Initial contents of GraphiQL's query editor. */
export const DEFAULT_QUERY = `query CustomerList {
  viewer { user { name email } partner { name } }
  customers(first: 20, orderBy: [{field: COMPANY_NAME, direction: ASC}]) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id displayName primaryDomain country verificationStatus tags { name color } } }
  }
}
`;

/** Wraps `fetch` so every request carries the session cookie. */
export function withCredentials(fetchImpl: typeof fetch): typeof fetch {
  return (input, init) => fetchImpl(input, { ...init, credentials: 'include' });
}

/** Options for `createGraphiQLFetcher`: the Partnerhub endpoint, sent with credentials. */
export function explorerFetcherOptions(fetchImpl: typeof fetch): CreateFetcherOptions {
  return { url: GRAPHQL_ENDPOINT, fetch: withCredentials(fetchImpl) };
}
