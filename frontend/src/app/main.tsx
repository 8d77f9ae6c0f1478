import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { readDemoFlags } from './auth';
import { initialLang, loadMessages } from './i18n/core';
import { I18nProvider } from './i18n/I18nProvider';
import './app.css';

const container = document.getElementById('root');
if (!container) throw new Error('app: #root element missing');

readDemoFlags(window.location.search);
const lang = initialLang(window.localStorage, navigator.languages ?? [navigator.language]);

void loadMessages(lang).then((messages) => {
  createRoot(container).render(
    <StrictMode>
      <I18nProvider initial={lang} initialMessages={messages}>
        <App />
      </I18nProvider>
    </StrictMode>,
  );
});
