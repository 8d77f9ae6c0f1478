import { createGraphiQLFetcher, fetcherReturnToPromise } from '@graphiql/toolkit';
import { describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_HEADERS,
  DEFAULT_QUERY,
  explorerFetcherOptions,
} from './config';

function mockFetch() {
  return vi.fn<typeof fetch>(async () => Response.json({ data: { __typename: 'Query' } }));
}

describe('explorer fetcher', () => {
  it('starts with no headers: requests carry the browser session', () => {
    expect(JSON.parse(DEFAULT_HEADERS)).toEqual({});
  });

  it.each([
    { kind: 'operation', operationName: 'CustomerList', query: DEFAULT_QUERY },
    { kind: 'schema introspection', operationName: 'IntrospectionQuery', query: '{ __schema { queryType { name } } }' },
  ])('posts $kind requests to /graphql with credentials and editor headers', async ({ operationName, query }) => {
    const fetchImpl = mockFetch();
    const fetcher = createGraphiQLFetcher(explorerFetcherOptions(fetchImpl));

    const result = await fetcherReturnToPromise(
      fetcher({ query, operationName }, { headers: { Authorization: 'Bearer pht_example' } }),
    );

    expect(result).toEqual({ data: { __typename: 'Query' } });
    expect(fetchImpl).toHaveBeenCalledOnce();
    const [url, init] = fetchImpl.mock.calls[0]!;
    expect(url).toBe('/graphql');
    expect(init).toMatchObject({
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json', Authorization: 'Bearer pht_example' },
    });
    expect(JSON.parse(String(init?.body))).toMatchObject({ query, operationName });
  });
});
