import { useMemo } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages/en';
import { LANGUAGE_CODES } from '../validation/countries';
import { countryCodes, countryRule } from '../validation/countryRules';
import { SelectField, TextField } from './Field';

export type Values = Record<string, string>;

/** Localized, collated country options. */
export function useCountryOptions() {
  const i18n = useI18n();
  return useMemo(
    () =>
      countryCodes().map((c) => ({ value: c, label: i18n.countryName(c) })).sort((a, b) => i18n.compare(a.label, b.label)),
    [i18n],
  );
}

export function useLanguageOptions(current: string) {
  const i18n = useI18n();
  return useMemo(() => {
    const codes = LANGUAGE_CODES.includes(current) || !current ? LANGUAGE_CODES : [...LANGUAGE_CODES, current];
    return codes.map((c) => ({ value: c, label: `${i18n.languageName(c)} (${c})` })).sort((a, b) => i18n.compare(a.label, b.label));
  }, [i18n, current]);
}

export function cultureOptions(language: string, country: string, current: string) {
  const set = new Set([current, `${language}-${country}`, `en-${country}`].filter((c) => /^[a-z]{2}-[A-Z]{2}$/.test(c)));
  return [...set].map((c) => ({ value: c, label: c }));
}

interface Props {
  values: Values;
  errors: Record<string, string | undefined>;
  onChange: (field: string, value: string) => void;
  onBlur?: (field: string) => void;
  /** Field names to prefix (e.g. "billingProfile.") for ids used in tests and error focus. */
  idPrefix?: string;
  countryEditable?: boolean;
}

/** Address lines, city, state, postal code and country, with the country's rules. */
export function AddressFields({ values, errors, onChange, onBlur, idPrefix = '', countryEditable = true }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const countries = useCountryOptions();
  const country = values.country ?? '';
  const rule = countryRule(country);
  const states = rule.states.length > 0 ? rule.states : null;
  const common = (f: string) => ({
    name: `${idPrefix}${f}`,
    onBlur: () => onBlur?.(f),
    error: errors[f] ?? null,
  });
  return (
    <>
      {countryEditable && (
        <SelectField
          label={t('field.country')}
          required
          value={country}
          onChange={(v) => onChange('country', v)}
          options={countries}
          placeholder={t('common.choose')}
          autoComplete="country"
          {...common('country')}
        />
      )}
      <TextField
        label={t('field.addressLine1')}
        required
        autoComplete="address-line1"
        value={values.addressLine1 ?? ''}
        onChange={(v) => onChange('addressLine1', v)}
        maxLength={200}
        {...common('addressLine1')}
      />
      <TextField
        label={t('field.addressLine2')}
        autoComplete="address-line2"
        value={values.addressLine2 ?? ''}
        onChange={(v) => onChange('addressLine2', v)}
        maxLength={200}
        {...common('addressLine2')}
      />
      <div className="row">
        <TextField
          label={t('field.city')}
          required={rule.requiresCity}
          autoComplete="address-level2"
          value={values.city ?? ''}
          onChange={(v) => onChange('city', v)}
          maxLength={100}
          {...common('city')}
        />
        <TextField
          label={t('field.postalCode')}
          required={rule.requiresPostalCode}
          autoComplete="postal-code"
          value={values.postalCode ?? ''}
          onChange={(v) => onChange('postalCode', v)}
          hint={rule.postalCodeExample ?? undefined}
          maxLength={20}
          {...common('postalCode')}
        />
      </div>
      {states ? (
        <SelectField
          label={t('field.state')}
          required
          value={values.state ?? ''}
          onChange={(v) => onChange('state', v)}
          options={states.map((st) => ({ value: st.code, label: st.name }))}
          placeholder={t('common.choose')}
          {...common('state')}
        />
      ) : (
        <TextField
          label={t('field.state')}
          required={rule.requiresState}
          autoComplete="address-level1"
          value={values.state ?? ''}
          onChange={(v) => onChange('state', v)}
          maxLength={100}
          {...common('state')}
        />
      )}
      <TextField
        label={t('field.phoneNumber')}
        required={rule.requiresPhone}
        type="tel"
        autoComplete="tel"
        value={values.phoneNumber ?? ''}
        onChange={(v) => onChange('phoneNumber', v)}
        hint={rule.requiresPhone ? t('add.phone.required', { country: i18n.countryName(country) }) : undefined}
        maxLength={32}
        {...common('phoneNumber')}
      />
    </>
  );
}

export const fieldLabelKey = (f: string): MessageKey => `field.${f}` as MessageKey;
