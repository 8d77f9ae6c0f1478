import { useRef, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { downloadCsv } from './download';

/** "Export CSV" with a progress bar: streams the file and saves it under `filename`. */
export function ExportButton({ url, filename }: { url: string; filename: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [progress, setProgress] = useState<{ rows: number; total: number | null } | null>(null);
  const [message, setMessage] = useState<{ text: string; tone: 'info' | 'error' } | null>(null);
  const busy = useRef(false);

  async function run() {
    if (busy.current) return;
    busy.current = true;
    setMessage(null);
    setProgress({ rows: 0, total: null });
    try {
      const rows = await downloadCsv(url, filename, (r, total) => setProgress({ rows: r, total }));
      setMessage({ text: t('export.done', { count: i18n.formatNumber(rows), file: filename }), tone: 'info' });
    } catch {
      setMessage({ text: t('export.failed'), tone: 'error' });
    } finally {
      busy.current = false;
      setProgress(null);
    }
  }

  return (
    <div className="export-progress">
      <button type="button" className="secondary" disabled={progress !== null} onClick={() => void run()}>
        {t('export.button')}
      </button>
      {progress && (
        <>
          <progress
            aria-label={t('export.progressLabel')}
            max={progress.total ?? undefined}
            value={progress.total !== null ? Math.min(progress.rows, progress.total) : undefined}
          />
          <span className="muted">
            {t('export.progress', { done: i18n.formatNumber(progress.rows), total: progress.total !== null ? i18n.formatNumber(progress.total) : '…' })}
          </span>
        </>
      )}
      <span role={message?.tone === 'error' ? 'alert' : 'status'} className={message?.tone === 'error' ? 'field-error' : 'muted'}>
        {message?.text}
      </span>
    </div>
  );
}
