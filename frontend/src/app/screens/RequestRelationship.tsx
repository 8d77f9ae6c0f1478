// "Request a relationship" (domain.md §3): an existing customer is never added twice; the partner sends
// it a link instead, which the customer accepts on the public page. Opened from the customer list.
import { useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { CopyField } from '../components/CopyField';
import { Dialog } from '../components/Dialog';
import { SelectField, TextField } from '../components/Field';
import { ErrorState, Loading, Notice, errorMessage } from '../components/States';
import {
  OpenRelationshipRequestsDocument,
  RequestRelationshipDocument,
  type RelationshipRequestFieldsFragment,
  type UserErrorFieldsFragment,
} from '../gql/graphql';
import { byField } from '../graphql/userErrors';
import { useI18n } from '../i18n/I18nProvider';
import type { Translator } from '../i18n/core';
import { problemMessage, type Problem } from '../validation/rules';
import { canAddCustomers, type Viewer } from '../viewer';

const SUFFIX = '.onmicrosoft.com';

/** The domain typed: a primary domain (prefix.onmicrosoft.com) or just its prefix. */
export function domainProblem(raw: string): Problem | null {
  const d = raw.trim().toLowerCase();
  if (!d) return { code: 'REQUIRED' };
  const prefix = d.endsWith(SUFFIX) ? d.slice(0, -SUFFIX.length) : d;
  if (!/^[a-z0-9]{1,27}$/.test(prefix)) return { code: 'INVALID', key: 'relreq.domain.invalid' };
  return null;
}

/** A server user error of the request, in the words of this dialog. */
function serverMessage(t: Translator['t'], field: string, e: UserErrorFieldsFragment, domain: string): string {
  const full = domain.trim().toLowerCase().endsWith(SUFFIX) ? domain.trim().toLowerCase() : `${domain.trim().toLowerCase()}${SUFFIX}`;
  if (field === 'domain' && e.code === 'NOT_FOUND') return t('relreq.domain.notFound', { domain: full });
  if (field === 'domain' && e.code === 'TAKEN') return t('relreq.domain.taken');
  if (field === 'providerID' && e.code === 'NOT_FOUND') return t('relreq.provider.notFound');
  return problemMessage(t, { code: e.code });
}

export function RequestRelationshipDialog({ viewer, onClose }: { viewer: Viewer; onClose: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const resellerOnly = !canAddCustomers(viewer.partner.capacities);
  const providers = viewer.partner.providers ?? [];
  const [domain, setDomain] = useState('');
  const [delegatedAdmin, setDelegatedAdmin] = useState(false);
  const [providerID, setProviderID] = useState(providers.length === 1 ? providers[0]!.id : '');
  const [errors, setErrors] = useState<{ domain?: string; providerID?: string }>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [sent, setSent] = useState<{ link: string; request: RelationshipRequestFieldsFragment | null } | null>(null);
  const [state, request] = useMutation(RequestRelationshipDocument);
  const [open, reexecuteOpen] = useQuery({ query: OpenRelationshipRequestsDocument });
  const form = useRef<HTMLFormElement>(null);

  const focusFirstError = () => setTimeout(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setGeneral(null);
    const errs: { domain?: string; providerID?: string } = {};
    const dp = domainProblem(domain);
    if (dp) errs.domain = problemMessage(t, dp);
    if (resellerOnly && !providerID) errs.providerID = t('userError.REQUIRED');
    setErrors(errs);
    if (errs.domain || errs.providerID) return focusFirstError();
    const res = await request({
      input: { domain: domain.trim().toLowerCase(), delegatedAdmin, ...(resellerOnly ? { providerID } : {}) },
    });
    if (res.error) return setGeneral(errorMessage(t, res.error));
    const payload = res.data?.requestRelationship;
    const ue = payload?.userErrors ?? [];
    if (ue.length || !payload?.link) {
      const next: { domain?: string; providerID?: string } = {};
      for (const [path, err] of Object.entries(byField(ue))) {
        if (path === 'domain' || path === 'providerID') next[path] = serverMessage(t, path, err, domain);
        else setGeneral(problemMessage(t, { code: err.code }));
      }
      if (ue.length === 0) setGeneral(t('error.INTERNAL'));
      setErrors(next);
      return focusFirstError();
    }
    setSent({ link: payload.link, request: payload.request });
    reexecuteOpen({ requestPolicy: 'network-only' });
  }

  const openRequests = open.data?.relationshipRequests;

  return (
    <Dialog title={t('relreq.title')} onClose={onClose} className="relreq-dialog">
      {sent ? (
        <div className="relreq-sent">
          <Notice
            message={
              sent.request
                ? t('relreq.sent', { customer: sent.request.customerName, domain: sent.request.primaryDomain })
                : t('relreq.sentShort')
            }
          />
          <p>{t('relreq.sendLink', { date: sent.request?.expiresAt ? i18n.formatDate(sent.request.expiresAt) : '—' })}</p>
          <CopyField label={t('relreq.link')} value={sent.link} autoFocus />
          <div className="actions">
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setSent(null);
                setDomain('');
                setDelegatedAdmin(false);
              }}
            >
              {t('relreq.another')}
            </button>
            <button type="button" onClick={onClose}>
              {t('common.close')}
            </button>
          </div>
        </div>
      ) : (
        <form ref={form} className="form" noValidate onSubmit={(e) => void submit(e)} aria-label={t('relreq.title')}>
          <p className="muted">{t('relreq.intro')}</p>
          <TextField
            label={t('relreq.domain')}
            required
            value={domain}
            onChange={(v) => {
              setDomain(v);
              setErrors((x) => ({ ...x, domain: undefined }));
            }}
            error={errors.domain}
            hint={t('relreq.domain.hint')}
            autoComplete="off"
            spellCheck={false}
            maxLength={60}
          />
          {resellerOnly && (
            <SelectField
              label={t('relreq.provider')}
              required
              value={providerID}
              onChange={(v) => {
                setProviderID(v);
                setErrors((x) => ({ ...x, providerID: undefined }));
              }}
              options={providers.map((p) => ({ value: p.id, label: p.name }))}
              placeholder={t('common.choose')}
              error={errors.providerID}
              hint={t('relreq.provider.hint')}
            />
          )}
          <label className="check">
            <input type="checkbox" checked={delegatedAdmin} onChange={(e) => setDelegatedAdmin(e.target.checked)} />
            {t('relreq.delegatedAdmin')}
          </label>
          {general && (
            <p className="form-error" role="alert">
              {general}
            </p>
          )}
          <div className="actions">
            <button type="submit" className="primary" disabled={state.fetching}>
              {state.fetching ? t('relreq.sending') : t('relreq.submit')}
            </button>
            <button type="button" className="secondary" onClick={onClose}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}

      <section className="relreq-open" aria-labelledby="relreq-open-h">
        <h3 id="relreq-open-h">{t('relreq.open')}</h3>
        {!open.data && open.fetching ? (
          <Loading />
        ) : !openRequests ? (
          <ErrorState error={open.error} onRetry={() => reexecuteOpen({ requestPolicy: 'network-only' })} />
        ) : openRequests.length === 0 ? (
          <p className="muted" role="status">
            {t('relreq.open.none')}
          </p>
        ) : (
          <table className="data compact">
            <thead>
              <tr>
                <th scope="col">{t('relreq.open.customer')}</th>
                <th scope="col">{t('rel.type')}</th>
                <th scope="col">{t('rel.delegated')}</th>
                <th scope="col">{t('relreq.open.sent')}</th>
                <th scope="col">{t('rel.expires')}</th>
              </tr>
            </thead>
            <tbody>
              {openRequests.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    {r.customerName}
                    <div className="muted small">{r.primaryDomain}</div>
                  </th>
                  <td>{t(`enum.rel.${r.type}`)}</td>
                  <td>{t(r.delegatedAdmin ? 'common.yes' : 'common.no')}</td>
                  <td>{i18n.formatDate(r.createdAt)}</td>
                  <td>{r.expiresAt ? i18n.formatDate(r.expiresAt) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </Dialog>
  );
}
