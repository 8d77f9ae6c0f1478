import type { CombinedError } from '@urql/core';
import type { ReactNode } from 'react';
import { errorCode } from '../graphql/client';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages/en';

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </div>
  );
}

export function errorMessage(t: (k: MessageKey) => string, error: CombinedError | undefined): string {
  const code = errorCode(error);
  switch (code) {
    case 'NETWORK':
      return t('error.network');
    case 'UNAUTHENTICATED':
    case 'FORBIDDEN':
    case 'NOT_FOUND':
    case 'BAD_USER_INPUT':
    case 'BUSY':
      return t(`error.${code}`);
    default:
      return t('error.INTERNAL');
  }
}

export function ErrorState({ error, onRetry }: { error: CombinedError | undefined; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <div className="state state-error" role="alert">
      <h2>{t('error.title')}</h2>
      <p>{errorMessage(t, error)}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state-empty" role="status">
      <p className="state-title">{title}</p>
      {children}
    </div>
  );
}

/** A polite live region for results of actions ("Tags added to 3 customers."). */
export function Notice({ message, tone = 'info' }: { message: string | null; tone?: 'info' | 'error' }) {
  return (
    <div className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'} aria-live="polite">
      {message}
    </div>
  );
}
