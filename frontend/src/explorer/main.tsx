import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/graphiql.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DEFAULT_HEADERS, DEFAULT_QUERY, explorerFetcherOptions } from './config';
import './explorer.css';

const fetcher = createGraphiQLFetcher(explorerFetcherOptions(window.fetch.bind(window)));

const container = document.getElementById('root');
if (!container) throw new Error('explorer: #root element missing');

createRoot(container).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      defaultQuery={DEFAULT_QUERY}
      defaultHeaders={DEFAULT_HEADERS}
      isHeadersEditorEnabled
      defaultEditorToolsVisibility="headers"
    />
  </StrictMode>,
);
