import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { LOCALES, STORAGE_KEY, loadMessages, makeTranslator, type Lang, type Translator } from './core';
import { en, type Messages } from './messages/en';

interface I18nValue extends Translator {
  setLang: (lang: Lang) => void;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({
  initial,
  initialMessages,
  children,
}: {
  initial: Lang;
  initialMessages?: Messages;
  children: ReactNode;
}) {
  const [state, setState] = useState<{ lang: Lang; messages: Messages }>({
    lang: initial,
    messages: initialMessages ?? en,
  });

  useEffect(() => {
    document.documentElement.lang = state.lang;
  }, [state.lang]);

  const setLang = useCallback((lang: Lang) => {
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // not remembered when storage is unavailable
    }
    void loadMessages(lang).then((messages) => setState({ lang, messages }));
  }, []);

  const value = useMemo<I18nValue>(
    () => ({ ...makeTranslator(state.lang, state.messages, en), setLang }),
    [state, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}

export { LOCALES };
