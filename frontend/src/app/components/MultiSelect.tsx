import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { Popover } from './Popover';

export interface Option {
  value: string;
  label: string;
  /** Shown before the label (a tag's colour dot). */
  adornment?: ReactNode;
  /** Shown after the label (a count). */
  detail?: string;
}

/** A filter: a button showing how many values are chosen, opening a list of checkboxes. */
export function MultiSelect({
  label,
  options,
  selected,
  onChange,
}: {
  label: string;
  options: readonly Option[];
  selected: readonly string[];
  onChange: (values: string[]) => void;
}) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const findRef = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const withFind = options.length > 8;
  const q = query.trim().toLowerCase();
  const shown = q ? options.filter((o) => o.label.toLowerCase().includes(q) || o.value.toLowerCase() === q) : options;
  // Chosen values first, so they stay reachable in long lists.
  const sorted = [...shown.filter((o) => selected.includes(o.value)), ...shown.filter((o) => !selected.includes(o.value))];

  useEffect(() => {
    if (open) findRef.current?.focus();
  }, [open]);

  const toggle = (v: string) =>
    onChange(selected.includes(v) ? selected.filter((x) => x !== v) : [...selected, v]);

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      buttonClass={`filter-button${selected.length ? ' filter-active' : ''}`}
      panelLabel={label}
      label={
        <>
          {label}
          {selected.length > 0 && (
            <span className="count" aria-label={t('list.filter.active', { label, count: selected.length })}>
              {selected.length}
            </span>
          )}
          <span aria-hidden="true"> ▾</span>
        </>
      }
    >
      {() => (
        <fieldset className="multiselect">
          <legend className="visually-hidden">{label}</legend>
          {withFind && (
            <input
              ref={findRef}
              type="search"
              className="multiselect-find"
              placeholder={t('list.filter.find')}
              aria-label={t('list.filter.find')}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
          )}
          <div className="multiselect-options">
            {sorted.length === 0 && <p className="muted">{t('list.filter.noOptions')}</p>}
            {sorted.map((o, i) => (
              <label key={o.value} className="check">
                <input
                  type="checkbox"
                  checked={selected.includes(o.value)}
                  onChange={() => toggle(o.value)}
                  autoFocus={!withFind && i === 0}
                />
                {o.adornment}
                <span>{o.label}</span>
                {o.detail && <span className="muted detail">{o.detail}</span>}
              </label>
            ))}
          </div>
          {selected.length > 0 && (
            <button type="button" className="link" onClick={() => onChange([])}>
              {t('common.clear')}
            </button>
          )}
        </fieldset>
      )}
    </Popover>
  );
}
