import { createGraphiQLFetcher, fetcherReturnToPromise } from '@graphiql/toolkit';
import { describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_HEADERS,
  DEFAULT_QUERY,
  DEMO_USER_EMAIL,
  DEMO_USER_HEADER,
  explorerFetcherOptions,
} from './config';

function mockFetch() {
  return vi.fn<typeof fetch>(async () => Response.json({ data: { __typename: 'Query' } }));
}

describe('explorer fetcher', () => {
  it('pre-fills the headers editor with the demo user header', () => {
    expect(JSON.parse(DEFAULT_HEADERS)).toEqual({ [DEMO_USER_HEADER]: DEMO_USER_EMAIL });
  });

  it.each([
    { kind: 'operation', operationName: 'CustomerList', query: DEFAULT_QUERY },
    { kind: 'schema introspection', operationName: 'IntrospectionQuery', query: '{ __schema { queryType { name } } }' },
  ])('posts $kind requests to /graphql with credentials and editor headers', async ({ operationName, query }) => {
    const fetchImpl = mockFetch();
    const fetcher = createGraphiQLFetcher(explorerFetcherOptions(fetchImpl));

    const result = await fetcherReturnToPromise(
      fetcher({ query, operationName }, { headers: JSON.parse(DEFAULT_HEADERS) }),
    );

    expect(result).toEqual({ data: { __typename: 'Query' } });
    expect(fetchImpl).toHaveBeenCalledOnce();
    const [url, init] = fetchImpl.mock.calls[0]!;
    expect(url).toBe('/graphql');
    expect(init).toMatchObject({
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json', [DEMO_USER_HEADER]: DEMO_USER_EMAIL },
    });
    expect(JSON.parse(String(init?.body))).toMatchObject({ query, operationName });
  });
});
