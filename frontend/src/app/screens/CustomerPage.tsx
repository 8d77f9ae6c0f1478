import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { ActivityTable } from '../activity/ActivityTable';
import { useMutation, useQuery } from 'urql';
import { AddressFields, cultureOptions, useLanguageOptions } from '../components/AddressFields';
import { SelectField, TextField } from '../components/Field';
import { Empty, ErrorState, Loading, Notice, errorMessage } from '../components/States';
import { StatusBadge } from '../components/StatusBadge';
import { TagChip } from '../components/TagChip';
import {
  CountryRuleDocument,
  CustomerPageDocument,
  TagsAddDocument,
  TagsRemoveDocument,
  UpdateBillingProfileDocument,
  UpdateCostVisibilityDocument,
  UpdateCustomerPermissionsDocument,
  type CustomerCostVisibility,
  type CustomerDetailFragment,
  type CustomerPageQuery,
  type UserErrorCode,
  type UserErrorFieldsFragment,
} from '../gql/graphql';
import { byField } from '../graphql/userErrors';
import { useI18n } from '../i18n/I18nProvider';
import { AgreementSection, SubscriptionsSection } from '../orders/Subscriptions';
import { Link, useLocation } from '../router';
import { setServerCountry } from '../validation/countryRules';
import * as rules from '../validation/rules';
import { can, isBillTo, refusedField, useMayUse, useReportViewer, type Viewer } from '../viewer';
import {
  BILLING_FIELDS,
  FIELD_LABEL,
  changedFields,
  conflictRows,
  redoOnTop,
  updateInput,
  validateBilling,
  valuesOf,
  type BillingField,
  type BillingValues,
} from './billing';

export function CustomerPage({ id }: { id: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  // The recent activity is part of the page's one query for roles that may see the activity log (as far
  // as the app knows the viewer yet); if the server refuses it after all, the page loads without it.
  const mayViewActivity = useMayUse('viewActivity');
  const [activityRefused, setActivityRefused] = useState(false);
  const withActivity = mayViewActivity && !activityRefused;
  const [result, reexecute] = useQuery({ query: CustomerPageDocument, variables: { id, withActivity } });
  const placed = Number(useLocation().search.get('placed')) || undefined;
  const data = result.data;
  useReportViewer(data?.viewer);
  const customer = data?.node && 'displayName' in data.node ? (data.node as CustomerDetailFragment) : null;
  const refused = withActivity && refusedField(result.error, 'activityLog');
  useEffect(() => {
    if (refused) setActivityRefused(true);
  }, [refused]);

  useEffect(() => {
    document.title = `${customer?.displayName ?? t('list.title')} · ${t('app.name')}`;
  }, [customer?.displayName, t]);

  if (!data && (result.fetching || refused)) return <Loading />;
  if (!data) return <ErrorState error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!customer) {
    return (
      <Empty title={t('customer.notFound')}>
        <Link to="/">{t('customer.back')}</Link>
      </Empty>
    );
  }
  const viewer = data.viewer;

  return (
    <article className="screen customer-screen" aria-labelledby="customer-title">
      <p>
        <Link to="/">← {t('customer.back')}</Link>
      </p>
      <div className="screen-head">
        <h1 id="customer-title">{customer.displayName}</h1>
        <StatusBadge status={customer.verificationStatus} />
      </div>
      <div className="grid">
        <CompanyProfile c={customer} />
        <BillingSection c={customer} viewer={viewer} />
        <Relationships c={customer} />
        <TagsSection c={customer} allTags={data.tags} canEdit={can(viewer, 'manageTags')} />
        <Permissions c={customer} viewer={viewer} onConflict={() => reexecute({ requestPolicy: 'network-only' })} />
        <AgreementSection customerID={customer.id} confirmed={customer.agreementConfirmed} canConfirm={can(viewer, 'confirmAgreement')} />
      </div>
      <SubscriptionsSection
        customerID={customer.id}
        subscriptions={(customer.subscriptions.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []))}
        totalCount={customer.subscriptions.totalCount}
        pageInfo={customer.subscriptions.pageInfo}
        canOrder={can(viewer, 'placeOrders')}
        placed={placed}
        onConflict={() => reexecute({ requestPolicy: 'network-only' })}
      />
      {data.activityLog && <ActivitySection customerID={customer.id} log={data.activityLog} />}
    </article>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="dl-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function CompanyProfile({ c }: { c: CustomerDetailFragment }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <section className="card" aria-labelledby="company-h">
      <h2 id="company-h">{t('customer.company')}</h2>
      <dl>
        <Row label={t('customer.originalName')}>{c.companyName}</Row>
        {c.displayName !== c.companyName && <Row label={t('customer.displayName')}>{c.displayName}</Row>}
        <Row label={t('customer.microsoftId')}>
          <span className="mono">{c.microsoftID}</span>
        </Row>
        <Row label={t('customer.domain')}>{c.primaryDomain}</Row>
        <Row label={t('customer.status')}>
          <StatusBadge status={c.verificationStatus} />{' '}
          {c.verificationChangedAt && (
            <span className="muted">{t('customer.statusSince', { date: i18n.formatDateTime(c.verificationChangedAt) })}</span>
          )}
          {c.verificationReasons && c.verificationReasons.length > 0 && (
            <div className="reasons">
              <span>{t('customer.reasons')}:</span>
              <ul>
                {c.verificationReasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </div>
          )}
        </Row>
        <Row label={t('field.country')}>{i18n.countryName(c.country)}</Row>
        <Row label={t('field.language')}>
          {i18n.languageName(c.language)} · {c.culture}
        </Row>
        <Row label={t('field.registrationID')}>{c.registrationID || <span className="muted">{t('common.notSet')}</span>}</Row>
        <Row label={t('field.qualification')}>{t(`enum.qual.${c.qualification}`)}</Row>
        <Row label={t('customer.gdap')}>{t(c.defaultGdap ? 'common.yes' : 'common.no')}</Row>
        <Row label={t('customer.added')}>{i18n.formatDate(c.createdAt)}</Row>
      </dl>
    </section>
  );
}

function BillingSection({ c, viewer }: { c: CustomerDetailFragment; viewer: Viewer }) {
  const i18n = useI18n();
  const { t } = i18n;
  const profile = c.billingProfile;
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const editable = isBillTo(c.relationships) && can(viewer, 'editBilling');
  const editButton = useRef<HTMLButtonElement>(null);
  if (!profile) return null;
  return (
    <section className="card billing" aria-labelledby="billing-h">
      <h2 id="billing-h">{t('customer.billing')}</h2>
      <Notice message={saved} />
      {editing ? (
        <BillingForm
          customerID={c.id}
          profile={valuesOf(profile)}
          version={profile.version}
          partnerDomains={viewer.partner.emailDomains ?? []}
          onDone={(msg) => {
            setEditing(false);
            setSaved(msg);
            setTimeout(() => editButton.current?.focus(), 0);
          }}
        />
      ) : (
        <>
          <dl>
            <Row label={t('field.billToName')}>{profile.companyName}</Row>
            <Row label={t('customer.billing.contact')}>
              {profile.firstName} {profile.lastName}
              <br />
              <a href={`mailto:${profile.email}`}>{profile.email}</a>
              {profile.phoneNumber && (
                <>
                  <br />
                  {profile.phoneNumber}
                </>
              )}
            </Row>
            <Row label={t('customer.billing.address')}>
              <address>
                {profile.addressLine1}
                {profile.addressLine2 && (
                  <>
                    <br />
                    {profile.addressLine2}
                  </>
                )}
                <br />
                {[profile.postalCode, profile.city].filter(Boolean).join(' ')}
                {profile.state && `, ${profile.state}`}
                <br />
                {i18n.countryName(profile.country)}
              </address>
            </Row>
            <Row label={t('field.culture')}>
              {profile.culture} · {i18n.languageName(profile.language)}
            </Row>
          </dl>
          {editable ? (
            <button
              ref={editButton}
              type="button"
              className="secondary"
              onClick={() => {
                setSaved(null);
                setEditing(true);
              }}
            >
              {t('customer.billing.edit')}
            </button>
          ) : (
            <p className="muted">{t('customer.billing.readOnly')}</p>
          )}
        </>
      )}
    </section>
  );
}

interface Conflict {
  latest: BillingValues;
  latestVersion: number;
}

export function BillingForm({
  customerID,
  profile,
  version,
  partnerDomains,
  onDone,
}: {
  customerID: string;
  profile: BillingValues;
  version: number;
  partnerDomains: readonly string[];
  onDone: (message: string | null) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [base, setBase] = useState({ values: profile, version });
  const [values, setValues] = useState<BillingValues>(profile);
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Partial<Record<string, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const [{ fetching }, update] = useMutation(UpdateBillingProfileDocument);
  const formRef = useRef<HTMLFormElement>(null);
  const languages = useLanguageOptions(values.language);

  const changed = changedFields(base.values, values);
  // Only what the user changes is checked here (plus what depends on the country); the server checks all.
  const relevant = new Set<string>(changed);
  if (changed.includes('country')) ['postalCode', 'state', 'phoneNumber'].forEach((f) => relevant.add(f));
  // The country's requirements from the server (one country; the built-in table until it answers).
  const [countryResult] = useQuery({ query: CountryRuleDocument, variables: { code: values.country }, pause: !/^[A-Z]{2}$/.test(values.country) });
  const serverRule = countryResult.data?.country ?? null;
  if (serverRule) setServerCountry(serverRule);
  const problems = useMemo(() => validateBilling(values, partnerDomains), [values, partnerDomains, serverRule]);
  const clientErrors: Partial<Record<string, string>> = {};
  const warnings: Partial<Record<string, string>> = {};
  for (const [f, p] of Object.entries(problems)) {
    if (relevant.has(f) && p) clientErrors[f] = rules.problemMessage(t, p);
  }
  const warn = relevant.has('companyName') ? rules.companyNameWarning(values.companyName) : null;
  if (warn) warnings.companyName = rules.problemMessage(t, warn);
  const shown = (f: string) => serverErrors[f] ?? (submitted ? clientErrors[f] : undefined);
  const errors: Record<string, string | undefined> = Object.fromEntries(BILLING_FIELDS.map((f) => [f, shown(f)]));

  const set = (f: string, v: string) => {
    setServerErrors((e) => ({ ...e, [f]: undefined }));
    setValues((old) => {
      const next = { ...old, [f]: v } as BillingValues;
      if (f === 'country' || f === 'language') next.culture = `${next.language}-${next.country}`;
      return next;
    });
  };

  function focusFirstError() {
    setTimeout(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    setFormError(null);
    setInfo(null);
    if (changed.length === 0) {
      onDone(t('customer.billing.noChanges'));
      return;
    }
    if (Object.keys(clientErrors).length > 0) {
      setFormError(t('error.fixFields', { count: Object.keys(clientErrors).length }));
      focusFirstError();
      return;
    }
    const r = await update({ input: updateInput(customerID, base.version, base.values, values) });
    if (r.error) {
      setFormError(t('error.INTERNAL'));
      return;
    }
    const payload = r.data?.updateBillingProfile;
    const errs = payload?.userErrors ?? [];
    if (errs.some((x) => x.code === 'CONFLICT')) {
      // The payload carries the profile as it is now: no second request.
      const bp = payload?.billingProfile;
      if (bp) setConflict({ latest: valuesOf(bp), latestVersion: bp.version });
      else setFormError(t('userError.CONFLICT'));
      return;
    }
    if (errs.length > 0) {
      const map = byField(errs);
      const next: Partial<Record<string, string>> = {};
      for (const [path, err] of Object.entries(map)) {
        const f = path.split('.').pop() ?? '';
        const msg = rules.problemMessage(t, { code: err.code });
        if ((BILLING_FIELDS as readonly string[]).includes(f)) next[f] = msg;
        else setFormError(msg);
      }
      setServerErrors(next);
      if (Object.keys(next).length) setFormError(t('error.fixFields', { count: Object.keys(next).length }));
      focusFirstError();
      return;
    }
    onDone(t('customer.billing.saved'));
  }

  if (conflict) {
    const rows = conflictRows(base.values, conflict.latest, values);
    return (
      <div className="conflict" role="alertdialog" aria-labelledby="conflict-h" aria-describedby="conflict-d">
        <h3 id="conflict-h">{t('conflict.title')}</h3>
        <p id="conflict-d">{t('conflict.body')}</p>
        <table className="data compact">
          <thead>
            <tr>
              <th scope="col">{t('conflict.field')}</th>
              <th scope="col">{t('conflict.was')}</th>
              <th scope="col">{t('conflict.now')}</th>
              <th scope="col">{t('conflict.yours')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.field} className={r.both ? 'both' : undefined}>
                <th scope="row">{t(FIELD_LABEL[r.field])}</th>
                <td>{r.was}</td>
                <td>{r.now}</td>
                <td>
                  {r.yours ?? '—'}
                  {r.both && <span className="small muted"> ({t('conflict.both')})</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="actions">
          <button
            type="button"
            className="primary"
            autoFocus
            onClick={() => {
              setValues(redoOnTop(base.values, conflict.latest, values));
              setBase({ values: conflict.latest, version: conflict.latestVersion });
              setConflict(null);
              setServerErrors({});
              setFormError(null);
              setInfo(t('conflict.reapplied'));
            }}
          >
            {t('conflict.redo')}
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setValues(conflict.latest);
              setBase({ values: conflict.latest, version: conflict.latestVersion });
              setConflict(null);
              onDone(null);
            }}
          >
            {t('conflict.discard')}
          </button>
        </div>
      </div>
    );
  }

  const field = (f: BillingField, extra: Partial<React.ComponentProps<typeof TextField>> = {}) => (
    <TextField
      label={t(FIELD_LABEL[f])}
      name={f}
      value={values[f]}
      onChange={(v) => set(f, v)}
      error={errors[f] ?? null}
      warning={warnings[f] ?? null}
      {...extra}
    />
  );

  return (
    <form ref={formRef} className="form" onSubmit={(e) => void save(e)} noValidate aria-label={t('customer.billing.edit')}>
      <Notice message={info} />
      {field('companyName', { required: true, maxLength: 255, hint: t('customer.billing.renameNote'), autoComplete: 'organization' })}
      <fieldset>
        <legend>{t('customer.billing.contact')}</legend>
        <div className="row">
          {field('firstName', { required: true, maxLength: 40, autoComplete: 'given-name' })}
          {field('lastName', { required: true, maxLength: 40, autoComplete: 'family-name' })}
        </div>
        {field('email', { required: true, type: 'email', autoComplete: 'email' })}
        <div className="row">
          <SelectField
            label={t('field.language')}
            required
            name="language"
            value={values.language}
            onChange={(v) => set('language', v)}
            options={languages}
            error={errors.language ?? null}
          />
          <SelectField
            label={t('field.culture')}
            required
            name="culture"
            value={values.culture}
            onChange={(v) => set('culture', v)}
            options={cultureOptions(values.language, values.country, values.culture)}
            error={errors.culture ?? null}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('customer.billing.address')}</legend>
        <AddressFields values={values} errors={errors} onChange={set} />
      </fieldset>
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={fetching}>
          {fetching ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" className="secondary" onClick={() => onDone(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function Relationships({ c }: { c: CustomerDetailFragment }) {
  const i18n = useI18n();
  const { t } = i18n;
  const rels = c.relationships ?? [];
  return (
    <section className="card" aria-labelledby="rel-h">
      <h2 id="rel-h">{t('customer.relationships')}</h2>
      {rels.length === 0 ? (
        <p className="muted">{t('customer.relationships.none')}</p>
      ) : (
        <table className="data compact">
          <thead>
            <tr>
              <th scope="col">{t('rel.type')}</th>
              <th scope="col">{t('rel.status')}</th>
              <th scope="col">{t('rel.associated')}</th>
              <th scope="col">{t('rel.delegated')}</th>
              <th scope="col">{t('rel.started')}</th>
            </tr>
          </thead>
          <tbody>
            {rels.map((r) => (
              <tr key={r.id}>
                <th scope="row">{t(`enum.rel.${r.type}`)}</th>
                <td>{t(`enum.relStatus.${r.status}`)}</td>
                <td>{r.associatedPartner?.name ?? '—'}</td>
                <td>{t(r.delegatedAdmin ? 'common.yes' : 'common.no')}</td>
                <td>{i18n.formatDate(r.startedAt) || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function TagsSection({
  c,
  allTags,
  canEdit,
}: {
  c: CustomerDetailFragment;
  allTags: CustomerPageQuery['tags'];
  canEdit: boolean;
}) {
  const { t } = useI18n();
  const [, add] = useMutation(TagsAddDocument);
  const [, remove] = useMutation(TagsRemoveDocument);
  const [error, setError] = useState<string | null>(null);
  const tags = c.tags ?? [];
  const available = allTags.filter((tag) => !tags.some((x) => x.id === tag.id));
  const run = async (p: Promise<{ data?: { [k: string]: { userErrors: { code: string }[] } } | undefined; error?: unknown }>) => {
    const r = await p;
    const payload = r.data && Object.values(r.data)[0];
    const err = payload?.userErrors[0];
    setError(r.error ? t('error.INTERNAL') : err ? rules.problemMessage(t, { code: err.code as UserErrorCode }) : null);
  };
  return (
    <section className="card" aria-labelledby="tags-h">
      <h2 id="tags-h">{t('customer.tags')}</h2>
      <Notice message={error} tone="error" />
      {tags.length === 0 ? (
        <p className="muted">{t('customer.tags.none')}</p>
      ) : (
        <ul className="chips plain">
          {tags.map((tag) => (
            <li key={tag.id}>
              <TagChip
                name={tag.name}
                color={tag.color}
                onRemove={canEdit ? () => void run(remove({ input: { customerIDs: [c.id], tagIDs: [tag.id] } })) : undefined}
                removeLabel={t('customer.tags.remove', { name: tag.name })}
              />
            </li>
          ))}
        </ul>
      )}
      {canEdit && available.length > 0 && (
        <label className="inline">
          {t('customer.tags.add')}{' '}
          <select
            value=""
            onChange={(e) => {
              if (e.target.value) void run(add({ input: { customerIDs: [c.id], tagIDs: [e.target.value] } }));
            }}
          >
            <option value="">{t('common.choose')}</option>
            {available.map((tag) => (
              <option key={tag.id} value={tag.id}>
                {tag.name}
              </option>
            ))}
          </select>
        </label>
      )}
    </section>
  );
}

type PermissionValues = { allowAzureReservations: boolean; allowAzureSavingsPlan: boolean; costVisibility: CustomerCostVisibility };
type PermissionField = keyof PermissionValues;

const permissionValues = (c: CustomerDetailFragment): PermissionValues => ({
  allowAzureReservations: c.allowAzureReservations,
  allowAzureSavingsPlan: c.allowAzureSavingsPlan,
  costVisibility: c.costVisibility,
});

/**
 * Purchase permissions and cost visibility (domain.md §2): the bill-to partner changes them, each with
 * its own permission (purchase permissions; cost visibility). Saved with the customer's version; a stale
 * save is refused with CONFLICT and the current values are shown.
 */
function Permissions({ c, viewer, onConflict }: { c: CustomerDetailFragment; viewer: Viewer; onConflict: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const billTo = isBillTo(c.relationships);
  const canPurchase = billTo && can(viewer, 'purchasePermissions');
  const canCost = billTo && can(viewer, 'costVisibility');
  const current = permissionValues(c);
  const [draft, setDraft] = useState<PermissionValues>(current);
  const [errors, setErrors] = useState<Partial<Record<PermissionField | '', string>>>({});
  const [message, setMessage] = useState<{ text: string; tone: 'info' | 'error' } | null>(null);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const [, updatePermissions] = useMutation(UpdateCustomerPermissionsDocument);
  const [, updateCost] = useMutation(UpdateCostVisibilityDocument);
  // The saved values changed (a save, someone else's change after a reload): start from them, in the
  // same render (never a frame with the old values).
  const key = `${c.version}:${current.allowAzureReservations}:${current.allowAzureSavingsPlan}:${current.costVisibility}`;
  const [draftKey, setDraftKey] = useState(key);
  if (draftKey !== key) {
    setDraftKey(key);
    setDraft(current);
  }

  const purchaseChanged =
    draft.allowAzureReservations !== current.allowAzureReservations || draft.allowAzureSavingsPlan !== current.allowAzureSavingsPlan;
  const costChanged = draft.costVisibility !== current.costVisibility;
  const dirty = (canPurchase && purchaseChanged) || (canCost && costChanged);

  /** Applies a payload's errors; true when the save went through. */
  function outcome(
    res: { error?: Parameters<typeof errorMessage>[1] },
    payload: { customer?: unknown; userErrors: readonly UserErrorFieldsFragment[] } | undefined,
  ): boolean {
    const ue = payload?.userErrors;
    if (res.error) {
      setMessage({ text: errorMessage(t, res.error), tone: 'error' });
      return false;
    }
    if (!ue?.length) return true;
    if (ue.some((e) => e.code === 'CONFLICT')) {
      setConflict(true);
      setMessage(null);
      // The current values: from the payload when it carries the customer (the cache updates), else the
      // page's query is asked again.
      if (!payload?.customer) onConflict();
      return false;
    }
    const next: Partial<Record<PermissionField | '', string>> = {};
    for (const [path, err] of Object.entries(byField(ue))) {
      const f = path === 'allowAzureReservations' || path === 'allowAzureSavingsPlan' || path === 'costVisibility' ? path : '';
      next[f] = rules.problemMessage(t, { code: err.code });
    }
    setErrors(next);
    setMessage({ text: next[''] ?? t('perm.notSaved'), tone: 'error' });
    return false;
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!dirty || busy) return;
    setBusy(true);
    setErrors({});
    setMessage(null);
    setConflict(false);
    try {
      let version = c.version;
      if (canPurchase && purchaseChanged) {
        const input = {
          customerID: c.id,
          version,
          ...(draft.allowAzureReservations !== current.allowAzureReservations ? { allowAzureReservations: draft.allowAzureReservations } : {}),
          ...(draft.allowAzureSavingsPlan !== current.allowAzureSavingsPlan ? { allowAzureSavingsPlan: draft.allowAzureSavingsPlan } : {}),
        };
        const res = await updatePermissions({ input });
        const p = res.data?.updateCustomerPermissions;
        if (!outcome(res, p)) return;
        version = p?.customer?.version ?? version + 1;
      }
      if (canCost && costChanged) {
        const res = await updateCost({ input: { customerID: c.id, version, costVisibility: draft.costVisibility } });
        if (!outcome(res, res.data?.updateCostVisibility)) return;
      }
      setMessage({ text: t('perm.saved'), tone: 'info' });
    } finally {
      setBusy(false);
    }
  }

  const yesNo = (v: boolean) => t(v ? 'common.yes' : 'common.no');
  const readOnlyNote = !billTo ? t('perm.readOnly.billTo') : t('perm.readOnly.role');
  const errorId = (f: PermissionField) => (errors[f] ? `perm-err-${f}` : undefined);

  return (
    <section className="card" aria-labelledby="perm-h">
      <h2 id="perm-h">{t('customer.permissions')}</h2>
      {!canPurchase && !canCost ? (
        <>
          <ul className="plain perms">
            <li>
              <label className="check">
                <input type="checkbox" checked={c.allowAzureReservations} disabled readOnly />
                {t('perm.reservations')}
              </label>
            </li>
            <li>
              <label className="check">
                <input type="checkbox" checked={c.allowAzureSavingsPlan} disabled readOnly />
                {t('perm.savingsPlan')}
              </label>
            </li>
            <li>
              {t('perm.costVisibility')}: <strong>{t(`enum.cost.${c.costVisibility}`)}</strong>
            </li>
          </ul>
          <p className="muted small">{readOnlyNote}</p>
        </>
      ) : (
        <form className="perm-form" onSubmit={(e) => void save(e)} aria-label={t('perm.formLabel')} noValidate>
          {conflict && (
            <div className="conflict" role="alert">
              <p>
                <strong>{t('perm.conflict')}</strong>
              </p>
              <p>{t('perm.conflict.now')}</p>
              <ul>
                <li>
                  {t('perm.reservations')}: {yesNo(c.allowAzureReservations)}
                </li>
                <li>
                  {t('perm.savingsPlan')}: {yesNo(c.allowAzureSavingsPlan)}
                </li>
                <li>
                  {t('perm.costVisibility')}: {t(`enum.cost.${c.costVisibility}`)}
                </li>
              </ul>
            </div>
          )}
          <fieldset>
            <legend>{t('perm.purchases')}</legend>
            {(['allowAzureReservations', 'allowAzureSavingsPlan'] as const).map((f) => (
              <div key={f}>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={draft[f]}
                    disabled={!canPurchase || busy}
                    aria-invalid={errors[f] ? true : undefined}
                    aria-describedby={errorId(f) ?? (!canPurchase ? 'perm-purchase-note' : undefined)}
                    onChange={(e) => setDraft((d) => ({ ...d, [f]: e.target.checked }))}
                  />
                  {t(f === 'allowAzureReservations' ? 'perm.reservations' : 'perm.savingsPlan')}
                </label>
                {errors[f] && (
                  <p className="field-error" id={errorId(f)}>
                    {errors[f]}
                  </p>
                )}
              </div>
            ))}
            {!canPurchase && (
              <p className="muted small" id="perm-purchase-note">
                {t('perm.readOnly.purchaseRole')}
              </p>
            )}
          </fieldset>
          <fieldset aria-describedby={errorId('costVisibility') ?? (!canCost ? 'perm-cost-note' : undefined)}>
            <legend>{t('perm.costVisibility')}</legend>
            {(['ALLOWED', 'NOT_ALLOWED'] as const).map((v) => (
              <label key={v} className="check">
                <input
                  type="radio"
                  name={`cost-${c.id}`}
                  value={v}
                  checked={draft.costVisibility === v}
                  disabled={!canCost || busy}
                  onChange={() => setDraft((d) => ({ ...d, costVisibility: v }))}
                />
                {t(`enum.cost.${v}`)}
              </label>
            ))}
            {errors.costVisibility && (
              <p className="field-error" id={errorId('costVisibility')}>
                {errors.costVisibility}
              </p>
            )}
            {!canCost && (
              <p className="muted small" id="perm-cost-note">
                {t('perm.readOnly.costRole')}
              </p>
            )}
          </fieldset>
          <Notice message={message?.text ?? null} tone={message?.tone} />
          <div className="actions">
            <button type="submit" className="primary" disabled={!dirty || busy}>
              {busy ? t('common.saving') : t('perm.save')}
            </button>
            {dirty && !busy && (
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  setDraft(current);
                  setErrors({});
                }}
              >
                {t('perm.undo')}
              </button>
            )}
          </div>
        </form>
      )}
    </section>
  );
}

/** How many changed fields of a record the customer page shows; the activity log shows them all. */
const ACTIVITY_FIELDS_SHOWN = 3;

/** The customer's latest activity records (part of the page's query), with a link to the whole log. */
function ActivitySection({ customerID, log }: { customerID: string; log: NonNullable<CustomerPageQuery['activityLog']> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const rows = (log.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  return (
    <section className="card activity-section" aria-labelledby="activity-h">
      <div className="section-head">
        <h2 id="activity-h">{t('customer.activity')}</h2>
        <Link to={`/activity?customer=${encodeURIComponent(customerID)}`}>{t('customer.activity.all', { count: log.totalCount })}</Link>
      </div>
      <p className="muted small">{t('customer.activity.note')}</p>
      {rows.length === 0 ? (
        <p className="state-empty" role="status">
          {t('customer.activity.none')}
        </p>
      ) : (
        <ActivityTable rows={rows} maxFields={ACTIVITY_FIELDS_SHOWN} />
      )}
    </section>
  );
}
