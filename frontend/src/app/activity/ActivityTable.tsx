import type { ActivityFieldsFragment } from '../gql/graphql';
import { useI18n } from '../i18n/I18nProvider';
import { Link } from '../router';
import { changes } from './activityModel';

export type ActivityRow = ActivityFieldsFragment & { customer?: { id: string; displayName: string } | null };

/**
 * Activity records as a table: when, who, what, (which customer), outcome, and the changed values
 * before and after. The activity log shows every changed field with its full name; the customer page
 * shows the first few, named without their record prefix, and how many more there are.
 */
export function ActivityTable({ rows, customerColumn = false, maxFields }: { rows: ActivityRow[]; customerColumn?: boolean; maxFields?: number }) {
  const i18n = useI18n();
  const { t } = i18n;
  const fieldName = (f: string) => (maxFields === undefined ? f : f.replace(/^[a-zA-Z]+\./, ''));
  return (
    <table className="data compact">
      <caption className="visually-hidden">{t('activity.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('activity.when')}</th>
          <th scope="col">{t('activity.who')}</th>
          <th scope="col">{t('activity.what')}</th>
          {customerColumn && <th scope="col">{t('activity.customer')}</th>}
          <th scope="col">{t('activity.outcome')}</th>
          <th scope="col">{t('activity.changes')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((a) => {
          const diff = changes(a.before, a.after);
          const shown = maxFields === undefined ? diff : diff.slice(0, maxFields);
          return (
            <tr key={a.id}>
              <td>{i18n.formatDateTime(a.occurredAt)}</td>
              <td>{a.user?.name ?? '—'}</td>
              <th scope="row">
                <span className="mono">{a.operation}</span>
                <div className="muted">{t(`activity.type.${a.resourceType}`)}</div>
              </th>
              {customerColumn && (
                <td>{a.customer ? <Link to={`/customers/${encodeURIComponent(a.customer.id)}`}>{a.customer.displayName}</Link> : '—'}</td>
              )}
              <td className={a.succeeded ? undefined : 'failed'}>
                {a.succeeded ? t('activity.succeeded') : `${t('activity.failed')}${a.errorCode ? ` (${a.errorCode})` : ''}`}
              </td>
              <td>
                {shown.length > 0 && (
                  <dl className="changes">
                    {shown.map((d) => (
                      <div key={d.field}>
                        <dt className="mono">{fieldName(d.field)}</dt>
                        <dd>
                          <del aria-label={t('activity.before')}>{d.before || '∅'}</del> → <ins aria-label={t('activity.after')}>{d.after || '∅'}</ins>
                        </dd>
                      </div>
                    ))}
                  </dl>
                )}
                {diff.length > shown.length && (
                  <span className="muted small">{t('customer.activity.moreFields', { count: diff.length - shown.length })}</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
