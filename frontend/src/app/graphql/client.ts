// The GraphQL client: urql with Graphcache, a normalized cache. Every object with an `id` is stored once,
// so a tag renamed in "Manage tags" or a customer renamed on its page is current on every screen without
// refetching; connections are cached per arguments (cursor paging). Mutations invalidate the lists they
// change. Requests carry the session cookie (credentials: 'include').
import { Client, fetchExchange, mapExchange, type CombinedError, type Operation } from '@urql/core';
import { cacheExchange, type Cache, type UpdateResolver } from '@urql/exchange-graphcache';
import { DEMO_HEADER, demoUser } from '../auth';

/** The API endpoint: same origin by default; VITE_PARTNERHUB_API_URL points at another (CORS) origin. */
export const API_URL: string = import.meta.env.VITE_PARTNERHUB_API_URL || '/graphql';

function invalidateField(cache: Cache, field: string) {
  for (const f of cache.inspectFields('Query')) {
    if (f.fieldName === field) cache.invalidate('Query', f.fieldName, f.arguments ?? undefined);
  }
}

/** Changes to a customer write activity records: lists of them (the customer page's, the log's) are stale. */
const invalidateActivity = (cache: Cache) => invalidateField(cache, 'activityLog');

const invalidateList = (cache: Cache) => {
  invalidateField(cache, 'customers');
  invalidateField(cache, 'tags');
};

export interface ClientHooks {
  /** Called when the server says the request is not signed in. */
  onUnauthenticated: () => void;
}

/** Mutations whose only effect on cached screens is a new activity record. */
const activityOnly: Record<string, UpdateResolver> = Object.fromEntries(
  [
    'confirmCustomerAgreement',
    'updateCustomerPermissions',
    'updateCostVisibility',
    'updateSubscription',
    'suspendSubscription',
    'reactivateSubscription',
    'cancelSubscription',
    'requestRelationship',
  ].map((name): [string, UpdateResolver] => [name, (_result, _args, cache) => invalidateActivity(cache)]),
);

export function errorCode(error: CombinedError | undefined): string | undefined {
  if (!error) return undefined;
  if (error.networkError) return 'NETWORK';
  const code = error.graphQLErrors[0]?.extensions?.code;
  return typeof code === 'string' ? code : 'INTERNAL';
}

export function createClient(hooks: ClientHooks, url = API_URL): Client {
  return new Client({
    url,
    requestPolicy: 'cache-and-network',
    fetchOptions: (): RequestInit => {
      const user = demoUser();
      const headers: Record<string, string> = {};
      if (user) headers[DEMO_HEADER] = user;
      return { credentials: 'include', headers };
    },
    exchanges: [
      mapExchange({
        onError(error: CombinedError, _op: Operation) {
          if (error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) hooks.onUnauthenticated();
          if (error.response?.status === 401) hooks.onUnauthenticated();
        },
      }),
      cacheExchange({
        keys: {
          Viewer: () => null,
          CustomerConnection: () => null,
          CustomerEdge: () => null,
          PageInfo: () => null,
          DomainAvailability: () => null,
          UserError: () => null,
          CreateCustomerPayload: () => null,
          UpdateBillingProfilePayload: () => null,
          TagsPayload: () => null,
          TagPayload: () => null,
          DeleteTagPayload: () => null,
          SignInPayload: () => null,
          SignOutPayload: () => null,
          CustomerSubscriptionConnection: () => null,
          CustomerSubscriptionEdge: () => null,
          PlaceOrderPayload: () => null,
          SubscriptionPayload: () => null,
          ConfirmCustomerAgreementPayload: () => null,
          ActivityConnection: () => null,
          ActivityEdge: () => null,
          InviteUserPayload: () => null,
          UserPayload: () => null,
          CustomerPayload: () => null,
          RequestRelationshipPayload: () => null,
          AcceptRelationshipRequestPayload: () => null,
          Country: (c) => (c as { code?: string }).code ?? null,
          CountryState: () => null,
        },
        updates: {
          Mutation: {
            ...activityOnly,
            createCustomer(result, _args, cache) {
              const r = result.createCustomer as { customer?: unknown } | undefined;
              if (r?.customer) invalidateList(cache);
              invalidateActivity(cache);
            },
            updateBillingProfile(result, _args, cache) {
              const r = result.updateBillingProfile as { customer?: unknown } | undefined;
              if (r?.customer) invalidateField(cache, 'customers');
              invalidateActivity(cache);
            },
            tagsAdd(_result, _args, cache) {
              invalidateList(cache);
              invalidateActivity(cache);
            },
            tagsRemove(_result, _args, cache) {
              invalidateList(cache);
              invalidateActivity(cache);
            },
            placeOrder(result, _args, cache) {
              const r = result.placeOrder as { order?: unknown } | undefined;
              if (r?.order) invalidateField(cache, 'customers');
              invalidateActivity(cache);
            },
            createTag(_result, _args, cache) {
              invalidateField(cache, 'tags');
            },
            updateTag(_result, _args, cache) {
              invalidateField(cache, 'tags');
            },
            deleteTag(result, _args, cache) {
              const id = (result.deleteTag as { deletedTagID?: string | null } | undefined)?.deletedTagID;
              if (id) cache.invalidate({ __typename: 'Tag', id });
              invalidateList(cache);
            },
          },
        },
      }),
      fetchExchange,
    ],
  });
}
