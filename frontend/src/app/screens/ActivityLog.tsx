import { useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { Empty, ErrorState, Loading } from '../components/States';
import { ExportButton } from '../export/ExportButton';
import { exportURL } from '../export/download';
import { ActivityScreenDocument } from '../gql/graphql';
import { useI18n } from '../i18n/I18nProvider';
import { ActivityTable } from '../activity/ActivityTable';
import { RESOURCE_TYPES, exportParams, filtersFromSearch, queryVariables, searchFromFilters, type ActivityFilters, type ResourceType } from '../activity/activityModel';
import { navigate, useLocation } from '../router';
import { can, useReportViewer } from '../viewer';

export function ActivityLog() {
  const i18n = useI18n();
  const { t } = i18n;
  const { search } = useLocation();
  const filters = filtersFromSearch(search);
  const [result, reexecute] = useQuery({ query: ActivityScreenDocument, variables: queryVariables(filters) });
  const data = result.data;
  useReportViewer(data?.viewer);
  const [customerText, setCustomerText] = useState(filters.customerID);
  useEffect(() => {
    document.title = `${t('activity.title')} · ${t('app.name')}`;
  }, [t]);

  const go = (next: Partial<ActivityFilters>) => navigate(`/activity${searchFromFilters({ ...filters, after: '', ...next })}`);

  if (!data && result.fetching) return <Loading />;
  if (!data) return <ErrorState error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  const log = data.activityLog;
  const rows = (log.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  const canExport = can(data.viewer, 'viewActivity');

  return (
    <section className="screen activity-screen" aria-labelledby="activity-title">
      <div className="screen-head">
        <h1 id="activity-title">{t('activity.title')}</h1>
        <p className="total" aria-live="polite">
          {t('activity.total', { count: log.totalCount })}
        </p>
        {canExport && <ExportButton url={exportURL('/export/activity.csv', exportParams(filters))} filename="Activity.csv" />}
      </div>
      <form
        className="toolbar"
        role="search"
        aria-label={t('activity.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          go({ customerID: customerText.trim() });
        }}
      >
        <label className="field">
          <span>{t('activity.from')}</span>
          <input type="date" value={filters.from} max={filters.to || undefined} onChange={(e) => go({ from: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('activity.to')}</span>
          <input type="date" value={filters.to} min={filters.from || undefined} onChange={(e) => go({ to: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('activity.type')}</span>
          <select value={filters.type} onChange={(e) => go({ type: e.target.value as ResourceType | '' })}>
            <option value="">{t('activity.any')}</option>
            {RESOURCE_TYPES.map((r) => (
              <option key={r} value={r}>
                {t(`activity.type.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('activity.outcome')}</span>
          <select value={filters.succeeded} onChange={(e) => go({ succeeded: e.target.value as ActivityFilters['succeeded'] })}>
            <option value="">{t('activity.any')}</option>
            <option value="true">{t('activity.succeeded')}</option>
            <option value="false">{t('activity.failed')}</option>
          </select>
        </label>
        <label className="field">
          <span>{t('activity.customerID')}</span>
          <input type="text" value={customerText} onChange={(e) => setCustomerText(e.target.value)} />
        </label>
        <button type="submit" className="secondary">
          {t('common.apply')}
        </button>
      </form>
      {rows.length === 0 ? (
        <Empty title={t('activity.empty')} />
      ) : (
        <div className="table-wrap" aria-busy={result.fetching || result.stale}>
          <ActivityTable rows={rows} customerColumn />
        </div>
      )}
      <nav className="pager" aria-label={t('activity.pages')}>
        {filters.after && (
          <button type="button" className="secondary" onClick={() => go({})}>
            {t('activity.newest')}
          </button>
        )}
        {log.pageInfo.hasNextPage && log.pageInfo.endCursor && (
          <button type="button" className="secondary" onClick={() => go({ after: log.pageInfo.endCursor! })}>
            {t('activity.older')}
          </button>
        )}
      </nav>
    </section>
  );
}
