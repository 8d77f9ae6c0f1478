// Renders a component with the app's providers and a fake urql client that answers from a function,
// so component tests see exactly the operations a screen sends.
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { Provider, type Client } from 'urql';
import { concat, delay, fromValue, never, pipe } from 'wonka';
import type { AnyVariables, DocumentInput, OperationResult } from '@urql/core';
import { vi } from 'vitest';
import { I18nProvider } from '../app/i18n/I18nProvider';
import { loadMessages, type Lang } from '../app/i18n/core';

export interface Sent {
  name: string;
  kind: 'query' | 'mutation';
  variables: Record<string, unknown>;
}

type Answer = (op: Sent) => { data?: unknown; error?: unknown } | undefined;

function opName(doc: DocumentInput<unknown, AnyVariables>): string {
  const d = doc as { definitions?: Array<{ kind: string; name?: { value: string } }> };
  return d.definitions?.find((x) => x.kind === 'OperationDefinition')?.name?.value ?? '?';
}

export function fakeClient(answer: Answer) {
  const sent: Sent[] = [];
  const respond = (kind: Sent['kind']) => (doc: DocumentInput<unknown, AnyVariables>, variables: AnyVariables) => {
    const op: Sent = { name: opName(doc), kind, variables: (variables ?? {}) as Record<string, unknown> };
    sent.push(op);
    const r = answer(op) ?? {};
    // Like the real client, the source stays open after its result (it would carry cache updates).
    const result = { data: r.data, error: r.error, stale: false, hasNext: false } as unknown as OperationResult;
    return concat([pipe(fromValue(result), delay(1)), never]);
  };
  const executeQuery = vi.fn((req: { query: DocumentInput<unknown, AnyVariables>; variables: AnyVariables }) =>
    respond('query')(req.query, req.variables),
  );
  const executeMutation = vi.fn((req: { query: DocumentInput<unknown, AnyVariables>; variables: AnyVariables }) =>
    respond('mutation')(req.query, req.variables),
  );
  const client = {
    executeQuery,
    executeMutation,
    executeSubscription: vi.fn(),
    query: (q: DocumentInput<unknown, AnyVariables>, v: AnyVariables) => ({
      toPromise: async () => {
        const op: Sent = { name: opName(q), kind: 'query', variables: (v ?? {}) as Record<string, unknown> };
        sent.push(op);
        return { ...(answer(op) ?? {}) };
      },
    }),
    mutation: (q: DocumentInput<unknown, AnyVariables>, v: AnyVariables) => ({
      toPromise: async () => {
        const op: Sent = { name: opName(q), kind: 'mutation', variables: (v ?? {}) as Record<string, unknown> };
        sent.push(op);
        return { ...(answer(op) ?? {}) };
      },
    }),
  } as unknown as Client;
  return { client, sent };
}

export async function renderWith(ui: ReactElement, client: Client, lang: Lang = 'en') {
  const messages = await loadMessages(lang);
  return render(
    <I18nProvider initial={lang} initialMessages={messages}>
      <Provider value={client}>{ui}</Provider>
    </I18nProvider>,
  );
}
