import { useId, useRef, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';

/** A read-only text (such as a link shown once) with a button that copies it to the clipboard. */
export function CopyField({ label, value, autoFocus }: { label: string; value: string; autoFocus?: boolean }) {
  const { t } = useI18n();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<'copied' | 'failed' | null>(null);

  async function copy() {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(value);
      setStatus('copied');
    } catch {
      // Without clipboard access: select the text so Ctrl+C copies it.
      input.current?.focus();
      input.current?.select();
      setStatus('failed');
    }
  }

  return (
    <div className="copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-row">
        <input id={id} ref={input} type="text" readOnly value={value} className="mono" autoFocus={autoFocus} onFocus={(e) => e.target.select()} />
        <button type="button" className="secondary" onClick={() => void copy()}>
          {t('copy.button')}
        </button>
      </div>
      <p className="small muted" role="status" aria-live="polite">
        {status === 'copied' ? t('copy.done') : status === 'failed' ? t('copy.failed') : ''}
      </p>
    </div>
  );
}
