import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Empty, ErrorState, Loading, Notice, errorMessage } from '../components/States';
import { StatusBadge } from '../components/StatusBadge';
import { NewOrderScreenDocument, PlaceOrderDocument, type UserErrorFieldsFragment } from '../gql/graphql';
import { useI18n } from '../i18n/I18nProvider';
import { AgreementForm } from '../orders/AgreementForm';
import { CATALOGS, addLine, orderInput, quantityProblem, splitOrderErrors, type Catalog, type OrderLine } from '../orders/orderModel';
import { Link, navigate } from '../router';
import { problemMessage } from '../validation/rules';
import { can, useReportViewer } from '../viewer';

export function NewOrder({ id }: { id: string }) {
  const { t } = useI18n();
  const [catalog, setCatalog] = useState<Catalog>('ONLINE_SERVICES');
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setSearch(searchText.trim()), 250);
    return () => clearTimeout(h);
  }, [searchText]);
  const [result, reexecute] = useQuery({
    query: NewOrderScreenDocument,
    variables: { id, catalog, search: search || null },
  });
  const data = result.data;
  useReportViewer(data?.viewer);
  const [lines, setLines] = useState<OrderLine[]>([]);
  const [step, setStep] = useState<'build' | 'review'>('build');
  const [lineErrors, setLineErrors] = useState<Record<number, string>>({});
  const [general, setGeneral] = useState<UserErrorFieldsFragment[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [showAgreement, setShowAgreement] = useState(false);
  const [placing, place] = useMutation(PlaceOrderDocument);
  const reviewHeading = useRef<HTMLHeadingElement>(null);
  const errorsRef = useRef<HTMLDivElement>(null);

  const customer = data?.node && 'displayName' in data.node ? data.node : null;
  useEffect(() => {
    document.title = `${t('order.title')} · ${customer?.displayName ?? ''} · ${t('app.name')}`;
  }, [customer?.displayName, t]);
  useEffect(() => {
    if (step === 'review') reviewHeading.current?.focus();
  }, [step]);

  if (!data && result.fetching) return <Loading />;
  if (!data) return <ErrorState error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!customer) {
    return (
      <Empty title={t('customer.notFound')}>
        <Link to="/">{t('customer.back')}</Link>
      </Empty>
    );
  }
  const customerID = customer.id;
  const canOrder = can(data.viewer, 'placeOrders');

  function validateAll(): boolean {
    const errs: Record<number, string> = {};
    lines.forEach((l, i) => {
      const p = quantityProblem(l);
      if (p) errs[i] = problemMessage(t, p);
    });
    setLineErrors(errs);
    return Object.keys(errs).length === 0;
  }

  async function submit() {
    setFailure(null);
    setGeneral([]);
    if (!validateAll()) {
      setStep('build');
      return;
    }
    const res = await place({ input: orderInput(customerID, lines) });
    if (res.error) {
      setFailure(errorMessage(t, res.error));
      return;
    }
    const payload = res.data?.placeOrder;
    const ue = payload?.userErrors ?? [];
    if (ue.length || !payload?.order) {
      const split = splitOrderErrors(ue);
      const errs: Record<number, string> = {};
      for (const [i, e] of Object.entries(split.lines)) errs[Number(i)] = problemMessage(t, { code: e.code });
      setLineErrors(errs);
      setGeneral(split.general);
      if (split.general.some((e) => e.code === 'AGREEMENT_REQUIRED')) setShowAgreement(true);
      if (Object.keys(errs).length) setStep('build');
      setTimeout(() => errorsRef.current?.focus(), 0);
      return;
    }
    navigate(`/customers/${encodeURIComponent(customerID)}?placed=${lines.length}#subscriptions`);
  }

  const agreementMissing = !customer.agreementConfirmed || general.some((e) => e.code === 'AGREEMENT_REQUIRED');
  const notVerified = customer.verificationStatus !== 'ALLOWED';

  return (
    <article className="screen order-screen" aria-labelledby="order-title">
      <p>
        <Link to={`/customers/${encodeURIComponent(customerID)}`}>← {customer.displayName}</Link>
      </p>
      <div className="screen-head">
        <h1 id="order-title">{t('order.titleFor', { name: customer.displayName })}</h1>
        <StatusBadge status={customer.verificationStatus} />
      </div>
      {!canOrder && <Notice tone="error" message={t('error.FORBIDDEN')} />}

      <div ref={errorsRef} tabIndex={-1} className="order-errors">
        {failure && <Notice tone="error" message={failure} />}
        {(notVerified || general.some((e) => e.code === 'NOT_VERIFIED')) && (
          <div className="notice notice-error" role="alert">
            {t('order.notVerified')}
          </div>
        )}
        {general
          .filter((e) => e.code !== 'NOT_VERIFIED' && e.code !== 'AGREEMENT_REQUIRED')
          .map((e, i) => (
            <div key={i} className="notice notice-error" role="alert">
              {problemMessage(t, { code: e.code })}
            </div>
          ))}
        {agreementMissing && (
          <div className="notice notice-warning" role={general.length ? 'alert' : undefined}>
            <p>{t('order.agreementRequired')}</p>
            {!showAgreement && (
              <button type="button" onClick={() => setShowAgreement(true)}>
                {t('agreement.open')}
              </button>
            )}
          </div>
        )}
        {agreementMissing && showAgreement && (
          <AgreementForm
            customerID={customerID}
            onDone={() => {
              setShowAgreement(false);
              setGeneral((g) => g.filter((e) => e.code !== 'AGREEMENT_REQUIRED'));
            }}
            onCancel={() => setShowAgreement(false)}
          />
        )}
      </div>

      {step === 'build' ? (
        <div className="grid">
          <section className="card" aria-labelledby="offers-h">
            <h2 id="offers-h">{t('order.offers')}</h2>
            <div className="toolbar">
              <label className="field">
                <span>{t('order.catalog')}</span>
                <select value={catalog} onChange={(e) => setCatalog(e.target.value as Catalog)}>
                  {CATALOGS.map((c) => (
                    <option key={c} value={c}>
                      {t(`order.catalog.${c}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span>{t('order.search')}</span>
                <input type="search" value={searchText} onChange={(e) => setSearchText(e.target.value)} />
              </label>
            </div>
            <div aria-busy={result.fetching} aria-live="polite">
              {result.error && <Notice tone="error" message={errorMessage(t, result.error)} />}
              {data.offers.length === 0 ? (
                <p className="state-empty" role="status">
                  {t('order.noOffers')}
                </p>
              ) : (
                <ul className="offer-list" aria-label={t('order.offers')}>
                  {data.offers.map((o) => (
                    <li key={o.id} className="offer">
                      <div>
                        <strong>{o.name}</strong>
                        <div className="muted">
                          {o.publisher} · <span className="mono">{o.sku}</span> · {t('order.term', { count: o.termMonths })}
                        </div>
                      </div>
                      <button
                        type="button"
                        className="secondary"
                        disabled={!o.active}
                        aria-label={t('order.addOffer', { name: o.name })}
                        onClick={() => setLines((ls) => addLine(ls, o))}
                      >
                        {t('order.add')}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </section>
          <section className="card" aria-labelledby="lines-h">
            <h2 id="lines-h">{t('order.lines')}</h2>
            {lines.length === 0 ? (
              <p className="muted">{t('order.noLines')}</p>
            ) : (
              <LinesTable lines={lines} setLines={setLines} errors={lineErrors} editable />
            )}
            <div className="actions">
              <button
                type="button"
                disabled={lines.length === 0}
                onClick={() => {
                  if (validateAll()) setStep('review');
                }}
              >
                {t('order.review')}
              </button>
            </div>
          </section>
        </div>
      ) : (
        <section className="card" aria-labelledby="review-h">
          <h2 id="review-h" ref={reviewHeading} tabIndex={-1}>
            {t('order.reviewTitle')}
          </h2>
          <LinesTable lines={lines} setLines={setLines} errors={lineErrors} editable={false} />
          <div className="actions">
            <button type="button" disabled={placing.fetching || !canOrder} onClick={() => void submit()}>
              {placing.fetching ? t('order.placing') : t('order.place')}
            </button>
            <button type="button" className="secondary" onClick={() => setStep('build')}>
              {t('common.back')}
            </button>
          </div>
        </section>
      )}
    </article>
  );
}

function LinesTable({
  lines,
  setLines,
  errors,
  editable,
}: {
  lines: OrderLine[];
  setLines: (f: (ls: OrderLine[]) => OrderLine[]) => void;
  errors: Record<number, string>;
  editable: boolean;
}) {
  const { t } = useI18n();
  const update = (i: number, patch: Partial<OrderLine>) => setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  return (
    <table className="data compact order-lines">
      <thead>
        <tr>
          <th scope="col">{t('order.offer')}</th>
          <th scope="col">{t('order.quantity')}</th>
          <th scope="col">{t('order.autoRenew')}</th>
          {editable && (
            <th scope="col">
              <span className="visually-hidden">{t('common.delete')}</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {lines.map((l, i) => (
          <tr key={l.offerID} className={errors[i] ? 'field-invalid' : undefined}>
            <th scope="row">{l.name}</th>
            <td>
              {editable ? (
                <input
                  type="number"
                  inputMode="numeric"
                  min={l.minQuantity}
                  max={l.maxQuantity}
                  value={l.quantity}
                  aria-label={t('order.quantityOf', { name: l.name })}
                  aria-invalid={errors[i] ? true : undefined}
                  aria-describedby={errors[i] ? `line-err-${i}` : undefined}
                  onChange={(e) => update(i, { quantity: e.target.value })}
                />
              ) : (
                l.quantity
              )}
              {errors[i] && (
                <p className="field-error" id={`line-err-${i}`}>
                  {errors[i]}
                </p>
              )}
            </td>
            <td>
              {editable ? (
                <input
                  type="checkbox"
                  checked={l.autoRenew}
                  aria-label={t('order.autoRenewOf', { name: l.name })}
                  onChange={(e) => update(i, { autoRenew: e.target.checked })}
                />
              ) : (
                t(l.autoRenew ? 'common.yes' : 'common.no')
              )}
            </td>
            {editable && (
              <td>
                <button type="button" className="secondary" aria-label={t('order.removeLine', { name: l.name })} onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))}>
                  {t('order.removeAction')}
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
