import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQuery } from 'urql';
import { AddressFields, cultureOptions, useCountryOptions, useLanguageOptions } from '../components/AddressFields';
import { SelectField, TextField } from '../components/Field';
import { Empty, ErrorState, Loading, errorMessage } from '../components/States';
import { TagChip } from '../components/TagChip';
import {
  AddCustomerScreenDocument,
  CreateCustomerDocument,
  DomainAvailableDocument,
  type CreateCustomerMutation,
  type CustomerQualification,
} from '../gql/graphql';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages/en';
import { Link, navigate } from '../router';
import { defaultCulture, defaultLanguage } from '../validation/countries';
import { countryRule, setServerCountries } from '../validation/countryRules';
import * as rules from '../validation/rules';
import { can, useReportViewer } from '../viewer';
import {
  STEPS,
  STEP_FIELDS,
  createInput,
  emptyValues,
  serverErrorsByField,
  stepOf,
  validateAdd,
  type AddField,
  type AddValues,
  type Step,
} from './addCustomerModel';

const QUALIFICATIONS: CustomerQualification[] = ['NONE', 'EDUCATION', 'NONPROFIT', 'GOVERNMENT_COMMUNITY_CLOUD', 'STATE_OWNED_ENTITY'];
const STEP_LABEL: Record<Step, MessageKey> = {
  account: 'add.step.account',
  company: 'add.step.company',
  contact: 'add.step.contact',
  gdap: 'add.step.gdap',
  review: 'add.step.review',
  done: 'add.step.done',
};
const SUFFIX = '.onmicrosoft.com';

type Created = NonNullable<CreateCustomerMutation['createCustomer']['customer']>;

export function AddCustomer() {
  const { t } = useI18n();
  const [result, reexecute] = useQuery({ query: AddCustomerScreenDocument });
  useReportViewer(result.data?.viewer);
  useEffect(() => {
    document.title = `${t('add.title')} · ${t('app.name')}`;
  }, [t]);
  if (!result.data && result.fetching) return <Loading />;
  if (!result.data) return <ErrorState error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  const { viewer, tags, countries } = result.data;
  setServerCountries(countries);
  if (!can(viewer, 'addCustomer')) {
    return (
      <Empty title={t('add.notAllowed')}>
        <Link to="/">{t('customer.back')}</Link>
      </Empty>
    );
  }
  const resellers = viewer.partner.capacities.includes('INDIRECT_PROVIDER') ? (viewer.partner.resellers ?? []) : [];
  return <Wizard partnerDomains={viewer.partner.emailDomains ?? []} tags={tags} resellers={resellers} />;
}

type DomainState =
  | { state: 'idle' }
  | { state: 'checking'; domain: string }
  | { state: 'available'; domain: string }
  | { state: 'taken'; domain: string; message: string };

function useDomainAvailability(prefix: string, valid: boolean): DomainState {
  const { t } = useI18n();
  const [debounced, setDebounced] = useState(prefix);
  useEffect(() => {
    const id = setTimeout(() => setDebounced(prefix), 300);
    return () => clearTimeout(id);
  }, [prefix]);
  const settled = debounced === prefix;
  const [r] = useQuery({
    query: DomainAvailableDocument,
    variables: { prefix: debounced },
    pause: !valid || !debounced || !settled,
    requestPolicy: 'network-only',
  });
  if (!valid || !prefix) return { state: 'idle' };
  const domain = `${prefix}${SUFFIX}`;
  const d = r.data?.domainAvailable;
  if (!settled || r.fetching || !d || d.domain !== domain) return { state: 'checking', domain };
  if (d.available) return { state: 'available', domain };
  return {
    state: 'taken',
    domain,
    message: d.error && d.error.code !== 'TAKEN' ? rules.problemMessage(t, { code: d.error.code }) : t('add.domain.taken', { domain }),
  };
}

function newKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

function Wizard({
  partnerDomains,
  tags,
  resellers,
}: {
  partnerDomains: readonly string[];
  tags: ReadonlyArray<{ id: string; name: string; color: string }>;
  resellers: ReadonlyArray<{ id: string; name: string }>;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [step, setStep] = useState<Step>('account');
  const [values, setValues] = useState<AddValues>(() => emptyValues());
  const [domainEdited, setDomainEdited] = useState(false);
  const [attempted, setAttempted] = useState<Set<Step>>(new Set());
  const [serverErrors, setServerErrors] = useState<Partial<Record<AddField, string>>>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  // Makes a retried submit (a lost response, a double click) return the customer created first.
  const [idempotencyKey, setIdempotencyKey] = useState(newKey);
  const [{ fetching }, create] = useMutation(CreateCustomerDocument);
  const heading = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const countries = useCountryOptions();
  const languages = useLanguageOptions(values.language);

  const problems = validateAdd(values, partnerDomains);
  const domainValid = !problems.domainPrefix;
  const domain = useDomainAvailability(values.domainPrefix, domainValid);
  const warning = rules.companyNameWarning(values.companyName);

  const stepIndex = STEPS.indexOf(step);
  // Errors show once the step's Next was tried, then follow the typing. (Not on blur: an error appearing
  // under a field as it loses focus moves the buttons below away from the pointer mid-click.)
  const visible = (f: AddField) => attempted.has(stepOf(f));
  const errorOf = (f: AddField): string | null => {
    if (serverErrors[f]) return serverErrors[f] ?? null;
    const p = problems[f];
    if (p && visible(f)) return rules.problemMessage(t, p);
    if (f === 'domainPrefix' && domain.state === 'taken') return domain.message;
    return null;
  };

  // A new step moves focus to its heading, so screen readers announce it. Not on the first step: the
  // page's own focus management handles arriving here, and focusing the heading after mount would take
  // focus from a field the user already started typing in.
  const shownStep = useRef(step);
  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    heading.current?.focus();
  }, [step]);

  const set = <K extends keyof AddValues>(f: K, v: AddValues[K]) => {
    setServerErrors((e) => ({ ...e, [f]: undefined }));
    setValues((old) => {
      const next = { ...old, [f]: v };
      if (f === 'companyName' && !domainEdited) next.domainPrefix = rules.suggestDomainPrefix(String(v));
      if (f === 'country') {
        next.language = defaultLanguage(String(v));
        next.culture = defaultCulture(String(v));
        next.state = '';
        if (!countryRule(String(v)).requiresRegistrationID) next.registrationID = '';
      }
      if (f === 'language') next.culture = `${String(v)}-${next.country}`;
      return next;
    });
  };
  const setStr = (f: string, v: string) => set(f as keyof AddValues, v as never);

  function stepErrors(s: Step): AddField[] {
    const fields = STEP_FIELDS[s].filter((f) => problems[f] || serverErrors[f]);
    if (s === 'account' && (domain.state === 'taken' || domain.state === 'checking') && !fields.includes('domainPrefix')) {
      if (domain.state === 'taken') fields.push('domainPrefix');
    }
    return fields;
  }

  function focusFirstError() {
    setTimeout(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
  }

  function next(e: FormEvent) {
    e.preventDefault();
    setAttempted((a) => new Set(a).add(step));
    const errs = stepErrors(step);
    if (errs.length > 0) {
      setBanner(t('error.fixFields', { count: errs.length }));
      focusFirstError();
      return;
    }
    setBanner(null);
    if (step === 'review') void submit();
    else setStep(STEPS[stepIndex + 1] ?? 'review');
  }

  async function submit() {
    const r = await create({ input: { ...createInput(values), idempotencyKey } });
    const payload = r.data?.createCustomer;
    if (!payload) {
      setBanner(errorMessage(t, r.error));
      return;
    }
    if (payload.customer) {
      setWarnings(
        (payload.warnings ?? []).map((w) =>
          w.field?.at(-1) === 'companyName' ? t('v.company.web') : w.message,
        ),
      );
      setCreated(payload.customer);
      setStep('done');
      return;
    }
    const { fields, general } = serverErrorsByField(payload.userErrors);
    const msgs: Partial<Record<AddField, string>> = {};
    for (const [f, err] of Object.entries(fields)) {
      msgs[f as AddField] =
        f === 'domainPrefix' && err.code === 'TAKEN'
          ? t('add.domain.taken', { domain: `${values.domainPrefix}${SUFFIX}` })
          : rules.problemMessage(t, { code: err.code });
    }
    setServerErrors(msgs);
    const first = (Object.keys(msgs) as AddField[]).map(stepOf).sort((a, b) => STEPS.indexOf(a) - STEPS.indexOf(b))[0];
    setBanner(
      general.length > 0 && Object.keys(msgs).length === 0
        ? general.map((g) => rules.problemMessage(t, { code: g.code })).join(' ')
        : t('add.serverErrors'),
    );
    if (first) {
      setStep(first);
      focusFirstError();
    }
  }

  if (step === 'done' && created) {
    return (
      <section className="screen wizard" aria-labelledby="wizard-h">
        <h1 id="wizard-h" ref={heading} tabIndex={-1}>
          {t('add.done.title', { name: created.displayName })}
        </h1>
        <p role="status">{t('add.done.body', { domain: created.primaryDomain })}</p>
        {warnings.length > 0 && (
          <ul className="warnings">
            {warnings.map((w) => (
              <li key={w} className="field-warning">
                {w}
              </li>
            ))}
          </ul>
        )}
        <div className="actions">
          <Link to={`/customers/${encodeURIComponent(created.id)}`} className="button primary">
            {t('add.done.open')}
          </Link>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setValues(emptyValues(values.country));
              setDomainEdited(false);
              setAttempted(new Set());
              setCreated(null);
              setWarnings([]);
              setIdempotencyKey(newKey());
              setStep('account');
            }}
          >
            {t('add.done.another')}
          </button>
          <Link to="/">{t('add.done.list')}</Link>
        </div>
      </section>
    );
  }

  const err = (f: AddField) => errorOf(f);
  const countryName = i18n.countryName(values.country);
  const stepsShown = STEPS.filter((s) => s !== 'done');

  return (
    <section className="screen wizard" aria-labelledby="wizard-title">
      <p>
        <Link to="/">← {t('customer.back')}</Link>
      </p>
      <h1 id="wizard-title">{t('add.title')}</h1>
      <ol className="steps" aria-label={t('add.title')}>
        {stepsShown.map((s, i) => (
          <li key={s} aria-current={s === step ? 'step' : undefined} className={i < stepIndex ? 'done' : undefined}>
            {i < stepIndex ? (
              <button type="button" className="link" onClick={() => setStep(s)}>
                {t(STEP_LABEL[s])}
              </button>
            ) : (
              t(STEP_LABEL[s])
            )}
          </li>
        ))}
      </ol>
      <form ref={formRef} className="form" onSubmit={next} noValidate>
        <h2 ref={heading} tabIndex={-1}>
          {t('add.progress', { n: stepIndex + 1, total: stepsShown.length, name: t(STEP_LABEL[step]) })}
        </h2>
        {banner && (
          <p className="form-error" role="alert">
            {banner}
          </p>
        )}

        {step === 'account' && (
          <>
            <TextField
              label={t('field.companyName')}
              name="companyName"
              required
              autoComplete="organization"
              maxLength={255}
              value={values.companyName}
              onChange={(v) => set('companyName', v)}
              hint={t('add.company.hint')}
              error={err('companyName')}
              warning={warning ? rules.problemMessage(t, warning) : null}
            />
            <div className="field-domain">
              <TextField
                label={t('field.domainPrefix')}
                name="domainPrefix"
                required
                autoCapitalize="none"
                spellCheck={false}
                maxLength={27}
                value={values.domainPrefix}
                onChange={(v) => {
                  setDomainEdited(true);
                  set('domainPrefix', v.toLowerCase());
                }}
                hint={t('add.domain.hint')}
                error={err('domainPrefix')}
              />
              <p className="domain-status" role="status" aria-live="polite">
                {domain.state === 'checking' && t('add.domain.checking', { domain: domain.domain })}
                {domain.state === 'available' && (
                  <span className="ok">
                    <span aria-hidden="true">✓ </span>
                    {t('add.domain.available', { domain: domain.domain })}
                  </span>
                )}
              </p>
            </div>
            <SelectField
              label={t('field.country')}
              name="country"
              required
              value={values.country}
              onChange={(v) => set('country', v)}
              options={countries}
              error={err('country')}
            />
            <div className="row">
              <SelectField
                label={t('field.language')}
                name="language"
                required
                value={values.language}
                onChange={(v) => set('language', v)}
                options={languages}
                error={err('language')}
              />
              <SelectField
                label={t('field.culture')}
                name="culture"
                required
                value={values.culture}
                onChange={(v) => set('culture', v)}
                options={cultureOptions(values.language, values.country, values.culture)}
                error={err('culture')}
              />
            </div>
            {resellers.length > 0 && (
              <SelectField
                label={t('field.reseller')}
                name="associatedResellerID"
                value={values.associatedResellerID}
                onChange={(v) => set('associatedResellerID', v)}
                options={resellers.map((r) => ({ value: r.id, label: r.name }))}
                placeholder={t('add.reseller.none')}
                hint={t('add.reseller.hint')}
              />
            )}
          </>
        )}

        {step === 'company' && (
          <>
            <TextField
              label={t('field.billToName')}
              name="billToName"
              maxLength={255}
              value={values.billToName}
              placeholder={values.companyName}
              onChange={(v) => set('billToName', v)}
              error={err('billToName')}
            />
            {countryRule(values.country).requiresRegistrationID ? (
              <TextField
                label={t('field.registrationID')}
                name="registrationID"
                required
                maxLength={64}
                value={values.registrationID}
                onChange={(v) => set('registrationID', v)}
                hint={t('add.regId.required', { country: countryName })}
                error={err('registrationID')}
              />
            ) : (
              <p className="muted small">
                {t('field.registrationID')}: {t('add.regId.notAccepted', { country: countryName })}
              </p>
            )}
            <SelectField
              label={t('field.qualification')}
              name="qualification"
              value={values.qualification}
              onChange={(v) => set('qualification', v as CustomerQualification)}
              options={QUALIFICATIONS.map((q) => ({ value: q, label: t(`enum.qual.${q}`) }))}
              error={err('qualification')}
            />
            <fieldset>
              <legend>{t('customer.billing.address')}</legend>
              <p className="muted small">
                {t('field.country')}: {countryName}
              </p>
              <AddressFields
                values={values as unknown as Record<string, string>}
                errors={Object.fromEntries(STEP_FIELDS.company.map((f) => [f, err(f) ?? undefined]))}
                onChange={setStr}
                countryEditable={false}
              />
            </fieldset>
          </>
        )}

        {step === 'contact' && (
          <>
            <p className="muted">{t('add.contact.intro')}</p>
            <div className="row">
              <TextField
                label={t('field.firstName')}
                name="firstName"
                required
                maxLength={40}
                autoComplete="off"
                value={values.firstName}
                onChange={(v) => set('firstName', v)}
                error={err('firstName')}
              />
              <TextField
                label={t('field.lastName')}
                name="lastName"
                required
                maxLength={40}
                autoComplete="off"
                value={values.lastName}
                onChange={(v) => set('lastName', v)}
                error={err('lastName')}
              />
            </div>
            <TextField
              label={t('field.email')}
              name="email"
              type="email"
              required
              autoComplete="off"
              value={values.email}
              onChange={(v) => set('email', v)}
              error={err('email')}
            />
          </>
        )}

        {step === 'gdap' && (
          <>
            <label className="check big">
              <input
                type="checkbox"
                name="defaultGdap"
                checked={values.defaultGdap}
                onChange={(e) => set('defaultGdap', e.target.checked)}
                aria-describedby="gdap-help"
              />
              {t('add.gdap.label')}
            </label>
            <p id="gdap-help" className="muted">
              {t('add.gdap.help')}
            </p>
            {tags.length > 0 && (
              <fieldset>
                <legend>
                  {t('field.tags')} <span className="opt">{t('common.optional')}</span>
                </legend>
                <div className="chips wrap">
                  {tags.map((tag) => (
                    <label key={tag.id} className="check">
                      <input
                        type="checkbox"
                        checked={values.tagIDs.includes(tag.id)}
                        onChange={() =>
                          set(
                            'tagIDs',
                            values.tagIDs.includes(tag.id) ? values.tagIDs.filter((x) => x !== tag.id) : [...values.tagIDs, tag.id],
                          )
                        }
                      />
                      <TagChip name={tag.name} color={tag.color} />
                    </label>
                  ))}
                </div>
              </fieldset>
            )}
          </>
        )}

        {step === 'review' && (
          <Review values={values} tags={tags} resellers={resellers} onEdit={setStep} />
        )}

        <div className="actions">
          {stepIndex > 0 && (
            <button type="button" className="secondary" onClick={() => setStep(STEPS[stepIndex - 1] ?? 'account')}>
              {t('common.back')}
            </button>
          )}
          <button type="submit" className="primary" disabled={fetching}>
            {step === 'review' ? (fetching ? t('add.submitting') : t('add.submit')) : t('common.next')}
          </button>
          <button type="button" className="link" onClick={() => navigate('/')}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

function Review({
  values: v,
  tags,
  resellers,
  onEdit,
}: {
  values: AddValues;
  tags: ReadonlyArray<{ id: string; name: string; color: string }>;
  resellers: ReadonlyArray<{ id: string; name: string }>;
  onEdit: (s: Step) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const section = (s: Step, rows: Array<[string, ReactNode]>) => (
    <section className="review-section" aria-labelledby={`review-${s}`}>
      <h3 id={`review-${s}`}>{t(STEP_LABEL[s])}</h3>
      <dl>
        {rows
          .filter(([, val]) => val !== '' && val !== null)
          .map(([label, val]) => (
            <div className="dl-row" key={label}>
              <dt>{label}</dt>
              <dd>{val}</dd>
            </div>
          ))}
      </dl>
      <button type="button" className="link" onClick={() => onEdit(s)}>
        {t('add.review.editSection', { section: t(STEP_LABEL[s]) })}
      </button>
    </section>
  );
  return (
    <>
      <p>{t('add.review.intro')}</p>
      {section('account', [
        [t('field.companyName'), v.companyName],
        [t('field.domainPrefix'), `${v.domainPrefix}${SUFFIX}`],
        [t('field.country'), i18n.countryName(v.country)],
        [t('field.language'), `${i18n.languageName(v.language)} · ${v.culture}`],
        [t('field.reseller'), resellers.find((r) => r.id === v.associatedResellerID)?.name ?? ''],
      ])}
      {section('company', [
        [t('field.billToName'), v.billToName || v.companyName],
        [t('field.registrationID'), v.registrationID],
        [t('field.qualification'), t(`enum.qual.${v.qualification}`)],
        [
          t('customer.billing.address'),
          [v.addressLine1, v.addressLine2, [v.postalCode, v.city].filter(Boolean).join(' '), v.state].filter(Boolean).join(', '),
        ],
        [t('field.phoneNumber'), v.phoneNumber],
      ])}
      {section('contact', [
        [t('field.firstName'), v.firstName],
        [t('field.lastName'), v.lastName],
        [t('field.email'), v.email],
      ])}
      {section('gdap', [
        [t('field.defaultGdap'), t(v.defaultGdap ? 'common.yes' : 'common.no')],
        [
          t('field.tags'),
          v.tagIDs.length ? (
            <span className="chips">
              {tags
                .filter((x) => v.tagIDs.includes(x.id))
                .map((x) => (
                  <TagChip key={x.id} name={x.name} color={x.color} />
                ))}
            </span>
          ) : (
            ''
          ),
        ],
      ])}
    </>
  );
}
