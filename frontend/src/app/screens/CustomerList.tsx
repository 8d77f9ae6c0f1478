import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  useReactTable,
  type RowSelectionState,
  type SortingState,
} from '@tanstack/react-table';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { MultiSelect, type Option } from '../components/MultiSelect';
import { Popover } from '../components/Popover';
import { Empty, ErrorState, Loading, Notice } from '../components/States';
import { StatusBadge } from '../components/StatusBadge';
import { TagChip } from '../components/TagChip';
import {
  CustomerListDocument,
  TagsAddDocument,
  TagsRemoveDocument,
  type CustomerListQuery,
  type CustomerOrderField,
  type CustomerRowFragment,
} from '../gql/graphql';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages/en';
import { ExportButton } from '../export/ExportButton';
import { exportURL } from '../export/download';
import { Link, navigate, useLocation } from '../router';
import { COUNTRY_CODES } from '../validation/countries';
import * as rules from '../validation/rules';
import { can, useReportViewer } from '../viewer';
import {
  PAGE_SIZES,
  REL_TYPES,
  STATUSES,
  hasFilters,
  parseListState,
  serializeListState,
  toVariables,
  withFirstPage,
  type ListState,
} from './listState';

const RequestRelationshipDialog = lazy(() => import('./RequestRelationship').then((m) => ({ default: m.RequestRelationshipDialog })));

type Row = CustomerRowFragment;
type TagOption = CustomerListQuery['tags'][number];

const SORT_BY_COLUMN: Record<string, CustomerOrderField> = {
  name: 'COMPANY_NAME',
  domain: 'DOMAIN',
  country: 'COUNTRY',
  created: 'CREATED_AT',
};
const COLUMN_BY_SORT = Object.fromEntries(Object.entries(SORT_BY_COLUMN).map(([k, v]) => [v, k])) as Record<
  CustomerOrderField,
  string
>;
const MAX_CHIPS = 3;

const col = createColumnHelper<Row>();

export function CustomerList() {
  const i18n = useI18n();
  const { t } = i18n;
  const { search, path } = useLocation();
  const state = parseListState(search);
  const setState = (next: ListState) => navigate(`${path}${serializeListState(next)}`, { replace: true });
  const variables = useMemo(() => toVariables(state), [search.toString()]); // eslint-disable-line react-hooks/exhaustive-deps

  const [result, reexecute] = useQuery({ query: CustomerListDocument, variables });
  // Keep showing the last page while the next one loads.
  const last = useRef<CustomerListQuery | undefined>(undefined);
  if (result.data) last.current = result.data;
  const data = result.data ?? last.current;
  useReportViewer(data?.viewer);

  useEffect(() => {
    document.title = `${t('list.title')} · ${t('app.name')}`;
  }, [t]);

  // Search as you type, debounced.
  const [q, setQ] = useState(state.q);
  useEffect(() => setQ(state.q), [state.q]);
  useEffect(() => {
    if (q === state.q) return;
    const id = setTimeout(() => setState(withFirstPage({ ...state, q })), 250);
    return () => clearTimeout(id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);

  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const [notice, setNotice] = useState<{ text: string; tone: 'info' | 'error' } | null>(null);
  const [requesting, setRequesting] = useState(false);
  const viewer = data?.viewer;
  const allTags = data?.tags ?? [];
  const rows = useMemo(
    () => (data?.customers.edges ?? []).flatMap((e) => (e?.node ? [e.node] : [])),
    [data?.customers.edges],
  );
  const total = data?.customers.totalCount ?? 0;
  const pages = Math.max(1, Math.ceil(total / state.size));
  const canTag = can(viewer, 'manageTags');
  const canOrder = can(viewer, 'placeOrders');
  const canSelect = canTag || canOrder;

  const columns = useMemo(
    () => [
      col.display({
        id: 'select',
        header: ({ table }) => (
          <input
            type="checkbox"
            aria-label={t('list.selectPage')}
            checked={table.getIsAllPageRowsSelected()}
            ref={(el) => {
              if (el) el.indeterminate = table.getIsSomePageRowsSelected();
            }}
            onChange={table.getToggleAllPageRowsSelectedHandler()}
          />
        ),
        cell: ({ row }) => (
          <input
            type="checkbox"
            aria-label={t('list.selectRow', { name: row.original.displayName })}
            checked={row.getIsSelected()}
            onChange={row.getToggleSelectedHandler()}
          />
        ),
      }),
      col.accessor('displayName', {
        id: 'name',
        header: t('list.col.name'),
        cell: (c) => (
          <Link to={`/customers/${encodeURIComponent(c.row.original.id)}`} className="row-link">
            {c.getValue()}
          </Link>
        ),
      }),
      col.accessor('primaryDomain', { id: 'domain', header: t('list.col.domain') }),
      col.accessor('microsoftID', {
        id: 'microsoftId',
        header: t('list.col.microsoftId'),
        enableSorting: false,
        cell: (c) => <span className="mono small">{c.getValue()}</span>,
      }),
      col.accessor('relationships', {
        id: 'relationships',
        header: t('list.col.relationships'),
        enableSorting: false,
        cell: (c) => (
          <ul className="plain">
            {(c.getValue() ?? [])
              .filter((r) => r.status === 'ACTIVE')
              .map((r) => (
                <li key={r.id}>
                  {t(`enum.rel.${r.type}`)}
                  {r.associatedPartner && <span className="muted"> · {r.associatedPartner.name}</span>}
                </li>
              ))}
          </ul>
        ),
      }),
      col.accessor('tags', {
        id: 'tags',
        header: t('list.col.tags'),
        enableSorting: false,
        cell: (c) => {
          const tags = c.getValue() ?? [];
          return (
            <span className="chips">
              {tags.slice(0, MAX_CHIPS).map((tag) => (
                <TagChip key={tag.id} name={tag.name} color={tag.color} />
              ))}
              {tags.length > MAX_CHIPS && (
                <span className="muted small" title={tags.slice(MAX_CHIPS).map((x) => x.name).join(', ')}>
                  {t('list.moreTags', { count: tags.length - MAX_CHIPS })}
                </span>
              )}
            </span>
          );
        },
      }),
      col.accessor('country', { id: 'country', header: t('list.col.country'), cell: (c) => i18n.countryName(c.getValue()) }),
      col.accessor('verificationStatus', {
        id: 'status',
        header: t('list.col.status'),
        enableSorting: false,
        cell: (c) => <StatusBadge status={c.getValue()} />,
      }),
      col.accessor('createdAt', { id: 'created', header: t('list.col.created'), cell: (c) => i18n.formatDate(c.getValue()) }),
    ],
    [i18n, t],
  );

  const sorting: SortingState = [{ id: COLUMN_BY_SORT[state.sort], desc: state.dir === 'DESC' }];
  const table = useReactTable({
    data: rows,
    columns,
    getRowId: (r) => r.id,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    enableRowSelection: canSelect,
    enableMultiSort: false,
    enableSortingRemoval: false,
    state: {
      sorting,
      rowSelection,
      columnVisibility: { select: canSelect },
    },
    onRowSelectionChange: setRowSelection,
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const s = next[0];
      const field = s ? SORT_BY_COLUMN[s.id] : undefined;
      if (field) setState(withFirstPage({ ...state, sort: field, dir: s?.desc ? 'DESC' : 'ASC' }));
    },
  });

  const selectedIds = Object.keys(rowSelection).filter((k) => rowSelection[k]);

  const [, tagsAdd] = useMutation(TagsAddDocument);
  const [, tagsRemove] = useMutation(TagsRemoveDocument);
  async function applyTags(mode: 'add' | 'remove', tagIDs: string[]) {
    const input = { customerIDs: selectedIds.slice(0, 500), tagIDs };
    const r = mode === 'add' ? await tagsAdd({ input }) : await tagsRemove({ input });
    const payload = r.data && ('tagsAdd' in r.data ? r.data.tagsAdd : r.data.tagsRemove);
    const err = payload?.userErrors[0];
    if (r.error || err) {
      setNotice({ text: err ? rules.problemMessage(t, { code: err.code }) : t('error.INTERNAL'), tone: 'error' });
      return;
    }
    setNotice({
      text: t(mode === 'add' ? 'list.tagsAdded' : 'list.tagsRemoved', { count: input.customerIDs.length }),
      tone: 'info',
    });
  }

  const tagOptions: Option[] = allTags.map((tag) => ({
    value: tag.id,
    label: tag.name,
    adornment: <span className="dot" style={{ background: tag.color }} aria-hidden="true" />,
    detail: i18n.formatNumber(tag.customerCount),
  }));
  const countryOptions = useMemo(
    () =>
      COUNTRY_CODES.map((c) => ({ value: c, label: i18n.countryName(c) })).sort((a, b) => i18n.compare(a.label, b.label)),
    [i18n],
  );
  const resellers = viewer?.partner.resellers ?? [];

  if (!data && result.error) return <ErrorState error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;

  const sortColumn = t(`list.col.${COLUMN_BY_SORT[state.sort] === 'created' ? 'created' : COLUMN_BY_SORT[state.sort]}` as MessageKey);

  return (
    <section className="screen list-screen" aria-labelledby="list-title">
      <div className="screen-head">
        <h1 id="list-title">{t('list.title')}</h1>
        {data && (
          <p className="total" aria-live="polite">
            {t('list.total', { count: total })}
          </p>
        )}
        {can(viewer, 'exportCustomers') && <ExportButton url={exportURL('/export/customers.csv')} filename="Customers.csv" />}
        {can(viewer, 'requestRelationship') && (
          <button type="button" className="secondary" aria-haspopup="dialog" onClick={() => setRequesting(true)}>
            {t('relreq.open.button')}
          </button>
        )}
        {can(viewer, 'addCustomer') && (
          <Link to="/customers/new" className="button primary">
            {t('list.add')}
          </Link>
        )}
      </div>

      {requesting && viewer && (
        <Suspense fallback={<Loading />}>
          <RequestRelationshipDialog viewer={viewer} onClose={() => setRequesting(false)} />
        </Suspense>
      )}

      <div className="toolbar" role="search">
        <label className="search">
          <span className="visually-hidden">{t('list.search.label')}</span>
          <input
            type="search"
            value={q}
            placeholder={t('list.search.placeholder')}
            aria-label={t('list.search.label')}
            onChange={(e) => setQ(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') setState(withFirstPage({ ...state, q }));
            }}
          />
        </label>
        <div className="filters" role="group" aria-label={t('list.filters')}>
          <MultiSelect
            label={t('list.filter.tags')}
            options={tagOptions}
            selected={state.tags}
            onChange={(tags) => setState(withFirstPage({ ...state, tags }))}
          />
          <MultiSelect
            label={t('list.filter.relationship')}
            options={REL_TYPES.map((r) => ({ value: r, label: t(`enum.rel.${r}`) }))}
            selected={state.rel}
            onChange={(v) => setState(withFirstPage({ ...state, rel: v as ListState['rel'] }))}
          />
          {resellers.length > 0 && (
            <MultiSelect
              label={t('list.filter.reseller')}
              options={resellers.map((p) => ({ value: p.id, label: p.name }))}
              selected={state.reseller}
              onChange={(reseller) => setState(withFirstPage({ ...state, reseller }))}
            />
          )}
          <MultiSelect
            label={t('list.filter.status')}
            options={STATUSES.map((s) => ({ value: s, label: t(`enum.status.${s}`) }))}
            selected={state.status}
            onChange={(v) => setState(withFirstPage({ ...state, status: v as ListState['status'] }))}
          />
          <MultiSelect
            label={t('list.filter.country')}
            options={countryOptions}
            selected={state.country}
            onChange={(country) => setState(withFirstPage({ ...state, country }))}
          />
          {hasFilters(state) && (
            <button
              type="button"
              className="link"
              onClick={() => setState(withFirstPage({ ...state, tags: [], rel: [], reseller: [], status: [], country: [] }))}
            >
              {t('list.filter.clearAll')}
            </button>
          )}
        </div>
      </div>

      {selectedIds.length > 0 && (
        <div className="bulk-bar" role="region" aria-label={t('list.selected', { count: selectedIds.length })}>
          <strong>{t('list.selected', { count: selectedIds.length })}</strong>
          {canOrder && (
            <>
              <button
                type="button"
                disabled={selectedIds.length !== 1}
                aria-describedby={selectedIds.length !== 1 ? 'new-order-hint' : undefined}
                onClick={() => navigate(`/customers/${encodeURIComponent(selectedIds[0]!)}/order`)}
              >
                {t('list.newOrder')}
              </button>
              {selectedIds.length !== 1 && (
                <span id="new-order-hint" className="muted">
                  {t('list.newOrderHint')}
                </span>
              )}
            </>
          )}
          {canTag && <TagPicker mode="add" tags={allTags} onApply={(ids) => applyTags('add', ids)} />}
          {canTag && <TagPicker mode="remove" tags={allTags} onApply={(ids) => applyTags('remove', ids)} />}
          <button type="button" className="link" onClick={() => setRowSelection({})}>
            {t('list.clearSelection')}
          </button>
        </div>
      )}
      <Notice message={notice?.text ?? null} tone={notice?.tone} />

      {!data ? (
        <Loading />
      ) : rows.length === 0 ? (
        <Empty title={state.q || hasFilters(state) ? t('list.empty') : t('list.emptyNone')}>
          {(state.q || hasFilters(state)) && <p>{t('list.emptyHint')}</p>}
        </Empty>
      ) : (
        <div className="table-wrap" aria-busy={result.fetching || result.stale}>
          <table className="data">
            <caption className="visually-hidden">
              {t('list.caption', { column: sortColumn, direction: t(state.dir === 'ASC' ? 'list.asc' : 'list.desc') })}
            </caption>
            <thead>
              {table.getHeaderGroups().map((hg) => (
                <tr key={hg.id}>
                  {hg.headers.map((h) => {
                    const sorted = h.column.getIsSorted();
                    const canSort = h.column.id in SORT_BY_COLUMN;
                    return (
                      <th
                        key={h.id}
                        scope="col"
                        className={`col-${h.column.id}`}
                        aria-sort={sorted ? (sorted === 'asc' ? 'ascending' : 'descending') : undefined}
                      >
                        {canSort ? (
                          <button
                            type="button"
                            className="sort"
                            onClick={() =>
                              h.column.toggleSorting(sorted ? sorted === 'asc' : false)
                            }
                            aria-label={t('list.sort', { column: String(h.column.columnDef.header) })}
                          >
                            {flexRender(h.column.columnDef.header, h.getContext())}
                            <span aria-hidden="true" className="sort-mark">
                              {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                            </span>
                          </button>
                        ) : (
                          flexRender(h.column.columnDef.header, h.getContext())
                        )}
                      </th>
                    );
                  })}
                </tr>
              ))}
            </thead>
            <tbody>
              {table.getRowModel().rows.map((row) => (
                <tr key={row.id} className={row.getIsSelected() ? 'selected' : undefined}>
                  {row.getVisibleCells().map((cell) =>
                    cell.column.id === 'name' ? (
                      <th key={cell.id} scope="row" className="col-name">
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </th>
                    ) : (
                      <td key={cell.id} className={`col-${cell.column.id}`}>
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {data && rows.length > 0 && (
        <nav className="pager" aria-label={t('list.pagination')}>
          <button
            type="button"
            disabled={state.page <= 1 && !state.before && !state.after}
            onClick={() => setState(withFirstPage(state))}
          >
            {t('list.pageFirst')}
          </button>
          <button
            type="button"
            disabled={!data.customers.pageInfo.hasPreviousPage && state.page <= 1}
            onClick={() =>
              setState({
                ...state,
                before: data.customers.pageInfo.startCursor,
                after: null,
                page: Math.max(1, state.page - 1),
              })
            }
          >
            {t('list.pagePrev')}
          </button>
          <span aria-live="polite">{t('list.page', { page: Math.min(state.page, pages), pages })}</span>
          <button
            type="button"
            disabled={!data.customers.pageInfo.hasNextPage}
            onClick={() =>
              setState({ ...state, after: data.customers.pageInfo.endCursor, before: null, page: state.page + 1 })
            }
          >
            {t('list.pageNext')}
          </button>
          <label>
            {t('list.pageSize')}{' '}
            <select
              value={state.size}
              onChange={(e) => setState(withFirstPage({ ...state, size: Number(e.target.value) }))}
            >
              {PAGE_SIZES.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
        </nav>
      )}
    </section>
  );
}

function TagPicker({
  mode,
  tags,
  onApply,
}: {
  mode: 'add' | 'remove';
  tags: readonly TagOption[];
  onApply: (tagIDs: string[]) => Promise<void>;
}) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const title = t(mode === 'add' ? 'tagPicker.add' : 'tagPicker.remove');
  return (
    <Popover label={t(mode === 'add' ? 'list.addTags' : 'list.removeTags')} buttonClass="secondary" panelLabel={title}>
      {(close) => (
        <form
          className="tag-picker"
          onSubmit={(e) => {
            e.preventDefault();
            if (!chosen.length) return;
            setBusy(true);
            void onApply(chosen).finally(() => {
              setBusy(false);
              setChosen([]);
              close();
            });
          }}
        >
          <fieldset>
            <legend>{title}</legend>
            {tags.length === 0 && <p className="muted">{t('tagPicker.none')}</p>}
            <div className="multiselect-options">
              {tags.map((tag, i) => (
                <label key={tag.id} className="check">
                  <input
                    type="checkbox"
                    autoFocus={i === 0}
                    checked={chosen.includes(tag.id)}
                    onChange={() =>
                      setChosen((c) => (c.includes(tag.id) ? c.filter((x) => x !== tag.id) : [...c, tag.id]))
                    }
                  />
                  <TagChip name={tag.name} color={tag.color} />
                </label>
              ))}
            </div>
          </fieldset>
          <div className="actions">
            <button type="submit" className="primary" disabled={busy || chosen.length === 0}>
              {t('common.apply')}
            </button>
            <button type="button" className="link" onClick={close}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </Popover>
  );
}
