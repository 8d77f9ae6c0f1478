import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';
import { useI18n } from '../i18n/I18nProvider';

interface FieldProps {
  label: string;
  hint?: ReactNode;
  error?: string | null;
  warning?: string | null;
  required?: boolean;
  children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean; required?: boolean }) => ReactNode;
}

/** A labelled form control with its hint and error, wired for screen readers. */
export function Field({ label, hint, error, warning, required, children }: FieldProps) {
  const { t } = useI18n();
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errId = error ? `${id}-err` : warning ? `${id}-warn` : undefined;
  const describedBy = [errId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required ? (
          <span className="req" aria-hidden="true">
            {' '}
            *
          </span>
        ) : (
          <span className="opt"> {t('common.optional')}</span>
        )}
      </label>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined, required })}
      {error && (
        <p className="field-error" id={errId}>
          {error}
        </p>
      )}
      {!error && warning && (
        <p className="field-warning" id={errId}>
          {warning}
        </p>
      )}
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
}

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> & {
  label: string;
  value: string;
  onChange: (v: string) => void;
  hint?: ReactNode;
  error?: string | null;
  warning?: string | null;
  required?: boolean;
};

export function TextField({ label, value, onChange, hint, error, warning, required, ...rest }: TextFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} warning={warning} required={required}>
      {(p) => <input {...rest} {...p} value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value'> & {
  label: string;
  value: string;
  onChange: (v: string) => void;
  options: ReadonlyArray<{ value: string; label: string }>;
  placeholder?: string;
  hint?: ReactNode;
  error?: string | null;
  required?: boolean;
};

export function SelectField({ label, value, onChange, options, placeholder, hint, error, required, ...rest }: SelectFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} required={required}>
      {(p) => (
        <select {...rest} {...p} value={value} onChange={(e) => onChange(e.target.value)}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
