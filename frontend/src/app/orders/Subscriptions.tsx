import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Notice, errorMessage } from '../components/States';
import {
  CancelSubscriptionDocument,
  CustomerSubscriptionsDocument,
  ReactivateSubscriptionDocument,
  SuspendSubscriptionDocument,
  UpdateSubscriptionDocument,
  type SubscriptionFieldsFragment,
  type UserErrorFieldsFragment,
} from '../gql/graphql';
import { useI18n } from '../i18n/I18nProvider';
import { Link } from '../router';
import { problemMessage } from '../validation/rules';
import { AgreementForm } from './AgreementForm';
import { quantityProblem } from './orderModel';

/** The customer agreement's status, and the form to confirm it. */
export function AgreementSection({ customerID, confirmed, canConfirm }: { customerID: string; confirmed: boolean; canConfirm: boolean }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  return (
    <section className="card" aria-labelledby="agreement-h">
      <h2 id="agreement-h">{t('agreement.title')}</h2>
      <p>{t(confirmed ? 'agreement.confirmed' : 'agreement.notConfirmed')}</p>
      <Notice message={done ? t('agreement.saved') : null} />
      {!confirmed && canConfirm && !open && (
        <button type="button" onClick={() => setOpen(true)}>
          {t('agreement.open')}
        </button>
      )}
      {!confirmed && open && (
        <AgreementForm
          customerID={customerID}
          onCancel={() => setOpen(false)}
          onDone={() => {
            setOpen(false);
            setDone(true);
          }}
        />
      )}
    </section>
  );
}

interface PageInfo {
  hasNextPage: boolean;
  endCursor?: string | null;
}

export function SubscriptionsSection({
  customerID,
  subscriptions,
  totalCount,
  pageInfo,
  canOrder,
  placed,
  onConflict,
}: {
  customerID: string;
  subscriptions: readonly SubscriptionFieldsFragment[];
  totalCount: number;
  /** The first page's; "Show more" loads the next pages by cursor, each with its own request. */
  pageInfo?: PageInfo;
  canOrder: boolean;
  placed?: number;
  onConflict: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  // The cursors of the pages loaded after the first, and what each one answered.
  const [more, setMore] = useState<string[]>([]);
  const [loaded, setLoaded] = useState<Record<string, { count: number; pageInfo: PageInfo }>>({});
  const lastCursor = more[more.length - 1];
  const tail: PageInfo | undefined = lastCursor === undefined ? pageInfo : loaded[lastCursor]?.pageInfo;
  const loadingMore = lastCursor !== undefined && !loaded[lastCursor];
  const shown = subscriptions.length + more.reduce((n, c) => n + (loaded[c]?.count ?? 0), 0);
  const canShowMore = !!tail?.hasNextPage && !!tail.endCursor;
  return (
    <section className="card subscriptions" id="subscriptions" aria-labelledby="subs-h">
      <div className="section-head">
        <h2 id="subs-h">{t('subs.title', { count: totalCount })}</h2>
        {canOrder && (
          <Link to={`/customers/${encodeURIComponent(customerID)}/order`} className="button">
            {t('order.new')}
          </Link>
        )}
      </div>
      <Notice message={placed ? t('order.placed', { count: placed }) : null} />
      {subscriptions.length === 0 ? (
        <p className="state-empty" role="status">
          {t('subs.empty')}
        </p>
      ) : (
        <table className="data compact subs-table">
          <thead>
            <tr>
              <th scope="col">{t('order.offer')}</th>
              <th scope="col">{t('order.quantity')}</th>
              <th scope="col">{t('subs.status')}</th>
              <th scope="col">{t('subs.termEnd')}</th>
              <th scope="col">{t('order.autoRenew')}</th>
              <th scope="col">{t('subs.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {subscriptions.map((s) => (
              <SubscriptionRow key={s.id} s={s} onConflict={onConflict} />
            ))}
            {more.map((after) => (
              <MoreSubscriptions
                key={after}
                customerID={customerID}
                after={after}
                onLoaded={(count, info) => setLoaded((l) => ({ ...l, [after]: { count, pageInfo: info } }))}
              />
            ))}
          </tbody>
        </table>
      )}
      {subscriptions.length > 0 && (totalCount > shown || more.length > 0) && (
        <div className="actions">
          <span className="muted" role="status" aria-live="polite">
            {t('subs.shown', { shown: i18n.formatNumber(shown), count: totalCount })}
          </span>
          {(canShowMore || loadingMore) && (
            <button
              type="button"
              className="secondary"
              disabled={loadingMore}
              aria-busy={loadingMore}
              onClick={() => {
                if (tail?.endCursor) setMore((m) => [...m, tail.endCursor!]);
              }}
            >
              {loadingMore ? t('common.loading') : t('subs.showMore')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}

/** One more page of subscriptions, as table rows; focus moves to its first row once it is shown. */
function MoreSubscriptions({
  customerID,
  after,
  onLoaded,
}: {
  customerID: string;
  after: string;
  onLoaded: (count: number, pageInfo: PageInfo) => void;
}) {
  const { t } = useI18n();
  const [result, reexecute] = useQuery({ query: CustomerSubscriptionsDocument, variables: { id: customerID, after } });
  const node = result.data?.node;
  const page = node && 'subscriptions' in node ? node.subscriptions : null;
  const rows = (page?.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  const firstID = rows[0]?.id;
  const info = page?.pageInfo;
  useEffect(() => {
    if (!info) return;
    onLoaded(rows.length, info);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rows.length, info?.hasNextPage, info?.endCursor]);
  useEffect(() => {
    if (firstID) document.getElementById(`sub-${firstID}`)?.focus();
  }, [firstID]);
  if (!page) {
    if (!result.error) return null;
    return (
      <tr>
        <td colSpan={6}>
          <span role="alert" className="field-error">
            {errorMessage(t, result.error)}
          </span>{' '}
          <button type="button" className="secondary" onClick={() => reexecute({ requestPolicy: 'network-only' })}>
            {t('common.retry')}
          </button>
        </td>
      </tr>
    );
  }
  return (
    <>
      {rows.map((s) => (
        <SubscriptionRow key={s.id} s={s} onConflict={() => reexecute({ requestPolicy: 'network-only' })} />
      ))}
    </>
  );
}

type Payload = { subscription?: SubscriptionFieldsFragment | null; userErrors: readonly UserErrorFieldsFragment[] } | undefined;

export function SubscriptionRow({ s, onConflict }: { s: SubscriptionFieldsFragment; onConflict: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [qty, setQty] = useState(String(s.quantity));
  const [qtyError, setQtyError] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; tone: 'info' | 'error' } | null>(null);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [upd, update] = useMutation(UpdateSubscriptionDocument);
  const [sus, suspend] = useMutation(SuspendSubscriptionDocument);
  const [rea, reactivate] = useMutation(ReactivateSubscriptionDocument);
  const [can, cancel] = useMutation(CancelSubscriptionDocument);
  const busy = upd.fetching || sus.fetching || rea.fetching || can.fetching;
  const live = s.status === 'ACTIVE' || s.status === 'SUSPENDED';
  const name = s.offer.name;

  function handle(res: { error?: Parameters<typeof errorMessage>[1]; data?: unknown }, payload: Payload, ok: string): boolean {
    if (res.error) {
      setMessage({ text: errorMessage(t, res.error), tone: 'error' });
      return false;
    }
    const ue = payload?.userErrors ?? [];
    if (ue.length) {
      const e = ue[0]!;
      const path = (e.field ?? []).join('.');
      if (/quantity$/.test(path)) setQtyError(problemMessage(t, { code: e.code }));
      setMessage({ text: e.code === 'CONFLICT' ? t('subs.conflict') : problemMessage(t, { code: e.code }), tone: 'error' });
      if (e.code === 'CONFLICT') onConflict();
      return false;
    }
    setQtyError(null);
    setMessage({ text: ok, tone: 'info' });
    return true;
  }

  async function changeQuantity() {
    const p = quantityProblem({ quantity: qty, minQuantity: s.offer.minQuantity, maxQuantity: s.offer.maxQuantity });
    if (p) {
      setQtyError(problemMessage(t, p));
      return;
    }
    const res = await update({ input: { id: s.id, version: s.version, quantity: Number(qty) } });
    handle(res, res.data?.updateSubscription, t('subs.saved'));
  }

  return (
    <tr>
      <th scope="row" id={`sub-${s.id}`} tabIndex={-1}>
        {name}
      </th>
      <td>
        <div className="inline-edit">
          <input
            type="number"
            inputMode="numeric"
            min={s.offer.minQuantity}
            max={s.offer.maxQuantity}
            value={qty}
            disabled={!live}
            aria-label={t('order.quantityOf', { name })}
            aria-invalid={qtyError ? true : undefined}
            aria-describedby={qtyError ? `qty-err-${s.id}` : undefined}
            onChange={(e) => setQty(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') void changeQuantity();
            }}
          />
          {live && qty !== String(s.quantity) && (
            <button type="button" className="secondary" disabled={busy} onClick={() => void changeQuantity()} aria-label={t('subs.changeQuantityOf', { name })}>
              {t('subs.changeQuantity')}
            </button>
          )}
        </div>
        {qtyError && (
          <p className="field-error" id={`qty-err-${s.id}`}>
            {qtyError}
          </p>
        )}
      </td>
      <td>{t(`subs.status.${s.status}`)}</td>
      <td>{i18n.formatDate(s.termEnd)}</td>
      <td>
        <input
          type="checkbox"
          checked={s.autoRenew}
          disabled={!live || busy}
          aria-label={t('order.autoRenewOf', { name })}
          onChange={async (e) => {
            const res = await update({ input: { id: s.id, version: s.version, autoRenew: e.target.checked } });
            handle(res, res.data?.updateSubscription, t('subs.saved'));
          }}
        />
      </td>
      <td>
        <div className="row-actions">
          {s.status === 'ACTIVE' && (
            <button
              type="button"
              className="secondary"
              disabled={busy}
              aria-label={t('subs.suspendOf', { name })}
              onClick={async () => {
                const res = await suspend({ input: { id: s.id, version: s.version } });
                handle(res, res.data?.suspendSubscription, t('subs.suspended'));
              }}
            >
              {t('subs.suspend')}
            </button>
          )}
          {s.status === 'SUSPENDED' && (
            <button
              type="button"
              className="secondary"
              disabled={busy}
              aria-label={t('subs.reactivateOf', { name })}
              onClick={async () => {
                const res = await reactivate({ input: { id: s.id, version: s.version } });
                handle(res, res.data?.reactivateSubscription, t('subs.reactivated'));
              }}
            >
              {t('subs.reactivate')}
            </button>
          )}
          {live && !confirmCancel && (
            <button type="button" className="secondary danger" disabled={busy} aria-label={t('subs.cancelOf', { name })} onClick={() => setConfirmCancel(true)}>
              {t('subs.cancel')}
            </button>
          )}
          {live && confirmCancel && (
            <span role="group" aria-label={t('subs.cancelConfirm', { name })}>
              <span>{t('subs.cancelConfirm', { name })}</span>{' '}
              <button
                type="button"
                className="danger"
                disabled={busy}
                autoFocus
                onClick={async () => {
                  const res = await cancel({ input: { id: s.id, version: s.version } });
                  handle(res, res.data?.cancelSubscription, t('subs.cancelled'));
                  setConfirmCancel(false);
                }}
              >
                {t('subs.cancelYes')}
              </button>{' '}
              <button type="button" className="secondary" onClick={() => setConfirmCancel(false)}>
                {t('subs.cancelNo')}
              </button>
            </span>
          )}
        </div>
        {message && <Notice tone={message.tone} message={message.text} />}
      </td>
    </tr>
  );
}
