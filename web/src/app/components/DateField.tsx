/**
 * A date typed the Vietnamese way (dd/mm/yyyy), whatever the browser's locale; the value is
 * ISO (YYYY-MM-DD). Commits on Enter or when leaving the field; an invalid date is reported
 * next to the field and not committed. Optional presets are one-click dates.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateVi, parseDateInput } from '../format';

export interface DateFieldProps {
  label: string;
  value: string;
  onChange: (iso: string) => void;
  presets?: { label: string; value: string }[];
  testId?: string;
  /** May be left empty (value ''). */
  optional?: boolean;
  /** Earliest accepted date (YYYY-MM-DD), e.g. the start of the data. */
  min?: string;
}

const shown = (iso: string) => (iso ? formatDateVi(iso) : '');

export function DateField({ label, value, onChange, presets, testId, optional, min }: DateFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(shown(value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText(shown(value));
    setError(null);
  }, [value]);

  const commit = () => {
    const iso = optional && !text.trim() ? '' : parseDateInput(text);
    if (iso === null) {
      setError(t('common.invalidDate'));
      return;
    }
    if (min && iso && iso < min) {
      setError(t('common.dateTooEarly', { date: formatDateVi(min) }));
      return;
    }
    setError(null);
    if (iso !== value) onChange(iso);
    else setText(shown(iso));
  };

  return (
    <div className="field date-field">
      <label htmlFor={id}>{label}</label>
      <div className="date-field-row">
        <input
          id={id}
          type="text"
          inputMode="numeric"
          placeholder="dd/mm/yyyy"
          value={text}
          size={11}
          aria-invalid={error !== null}
          aria-describedby={error ? `${id}-err` : undefined}
          data-testid={testId}
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              commit();
            }
          }}
        />
        {presets?.map((p) => (
          <button
            key={p.value}
            type="button"
            className="button-secondary"
            aria-pressed={p.value === value}
            onClick={() => onChange(p.value)}
          >
            {p.label}
          </button>
        ))}
      </div>
      {error && (
        <span id={`${id}-err`} className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
