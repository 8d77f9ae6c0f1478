import type { CreateFetcherOptions } from '@graphiql/toolkit';

/** Same-origin GraphQL endpoint served by the Go server. */
export const GRAPHQL_ENDPOINT = '/graphql';

/**
 * Initial contents of GraphiQL's headers editor (a JSON object). Empty: requests carry the browser's
 * Partnerhub session, so the explorer works for whoever signed in to the app. API clients put
 * {"Authorization": "Bearer pht_…"} here instead.
 */
export const DEFAULT_HEADERS = '{}';

/** Initial contents of GraphiQL's query editor. */
export const DEFAULT_QUERY = `# Partnerhub's GraphQL explorer. Requests use your Partnerhub session: sign in to the app (/)
# first. With an access token instead, put {"Authorization": "Bearer pht_…"} in the Headers tab; a
# server in demo mode also accepts {"X-Partnerhub-User": "admin@contoso-demo.example"}.
query CustomerList {
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
