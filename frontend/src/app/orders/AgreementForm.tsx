import { useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { TextField } from '../components/Field';
import { Notice } from '../components/States';
import { ConfirmCustomerAgreementDocument } from '../gql/graphql';
import { byField } from '../graphql/userErrors';
import { errorMessage } from '../components/States';
import { useI18n } from '../i18n/I18nProvider';
import { problemMessage } from '../validation/rules';
import { emptyAgreement, today, validateAgreement, type AgreementField, type AgreementValues } from './orderModel';

const FIELDS: ReadonlyArray<{ name: AgreementField; label: 'agreement.firstName' | 'agreement.lastName' | 'agreement.email' | 'agreement.phone' | 'agreement.dateAgreed'; type: string; required: boolean; autoComplete?: string }> = [
  { name: 'firstName', label: 'agreement.firstName', type: 'text', required: true, autoComplete: 'off' },
  { name: 'lastName', label: 'agreement.lastName', type: 'text', required: true, autoComplete: 'off' },
  { name: 'email', label: 'agreement.email', type: 'email', required: true, autoComplete: 'off' },
  { name: 'phoneNumber', label: 'agreement.phone', type: 'tel', required: false, autoComplete: 'off' },
  { name: 'dateAgreed', label: 'agreement.dateAgreed', type: 'date', required: true },
];

/** Records that the customer accepted the Microsoft Customer Agreement (confirmCustomerAgreement). */
export function AgreementForm({ customerID, onDone, onCancel }: { customerID: string; onDone?: () => void; onCancel?: () => void }) {
  const { t } = useI18n();
  const [values, setValues] = useState<AgreementValues>(() => emptyAgreement());
  const [errors, setErrors] = useState<Partial<Record<AgreementField, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [state, confirm] = useMutation(ConfirmCustomerAgreementDocument);
  const formRef = useRef<HTMLFormElement>(null);

  const focusFirstInvalid = () =>
    setTimeout(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setGeneral(null);
    const problems = validateAgreement(values);
    const msgs: Partial<Record<AgreementField, string>> = {};
    for (const [k, p] of Object.entries(problems)) if (p) msgs[k as AgreementField] = problemMessage(t, p);
    setErrors(msgs);
    if (Object.keys(msgs).length) {
      focusFirstInvalid();
      return;
    }
    const res = await confirm({
      input: {
        customerID,
        firstName: values.firstName.trim(),
        lastName: values.lastName.trim(),
        email: values.email.trim(),
        phoneNumber: values.phoneNumber.trim() || null,
        dateAgreed: values.dateAgreed,
      },
    });
    if (res.error) {
      setGeneral(errorMessage(t, res.error));
      return;
    }
    const ue = res.data?.confirmCustomerAgreement.userErrors ?? [];
    if (ue.length) {
      const f = byField(ue);
      const server: Partial<Record<AgreementField, string>> = {};
      let other: string | null = null;
      for (const [path, err] of Object.entries(f)) {
        const msg = problemMessage(t, { code: err.code });
        if (FIELDS.some((x) => x.name === path)) server[path as AgreementField] = msg;
        else other ??= msg;
      }
      setErrors(server);
      setGeneral(other);
      focusFirstInvalid();
      return;
    }
    onDone?.();
  }

  return (
    <form ref={formRef} className="agreement-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="agreement-form-h">
      <h3 id="agreement-form-h">{t('agreement.formTitle')}</h3>
      <p className="muted">{t('agreement.formHint')}</p>
      {FIELDS.map((f) => (
        <TextField
          key={f.name}
          label={t(f.label)}
          type={f.type}
          required={f.required}
          autoComplete={f.autoComplete}
          max={f.type === 'date' ? today() : undefined}
          value={values[f.name]}
          error={errors[f.name]}
          onChange={(v) => setValues((s) => ({ ...s, [f.name]: v }))}
        />
      ))}
      {general && <Notice tone="error" message={general} />}
      <div className="actions">
        <button type="submit" disabled={state.fetching}>
          {state.fetching ? t('common.saving') : t('agreement.confirm')}
        </button>
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
