/**
 * Unit picker: a combobox over the units of one level on one date. Typing ignores diacritics
 * and case ("thanh hoa" finds "Thanh Hóa"), with the folding of src/domain/text.ts; matches whose
 * name starts with the text come first, then Vietnamese alphabetical order.
 * Keyboard: ↓/↑ move, Enter chooses, Escape closes.
 *
 *   <UnitPicker label="Tỉnh" level="province" at="2026-11-28" value={unit} onChange={setUnit} />
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBox } from '../../app/components/feedback';
import { formatNumberVi } from '../../app/format';
import { rankUnits, searchKey, unitsQuery, type Unit, type UnitLevel } from './api';

const MAX_OPTIONS = 50;

export interface UnitPickerProps {
  label: string;
  level: UnitLevel;
  /** Date the units must exist on (YYYY-MM-DD). */
  at: string;
  /** Only children of this unit (its id). */
  parent?: string;
  value: Unit | null;
  onChange: (unit: Unit | null) => void;
  testId?: string;
  /** The units to choose from, when the caller has them (e.g. only those of the user's scope). */
  options?: Unit[];
}

export function UnitPicker({
  label,
  level,
  at,
  parent,
  value,
  onChange,
  testId = 'unit-picker',
  options,
}: UnitPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const listId = `${id}-list`;
  const fetched = useQuery({ ...unitsQuery({ level, at, parent }), enabled: !options });
  const units = options ? { data: options, isPending: false, isError: false, error: null } : fetched;
  const [text, setText] = useState(value?.fullName ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  // The value set from outside (a form reset) shows in the field.
  useEffect(() => setText(value?.fullName ?? ''), [value]);

  const keyed = useMemo(() => (units.data ?? []).map((unit) => ({ unit, key: searchKey(unit) })), [units.data]);
  // Showing the chosen unit's name: list everything (typing replaces the selected text).
  const typed = value && text === value.fullName ? '' : text;
  const matches = useMemo(() => rankUnits(keyed, open ? typed : ''), [keyed, typed, open]);
  const shown = matches.slice(0, MAX_OPTIONS);

  const choose = (u: Unit | null) => {
    onChange(u);
    setText(u?.fullName ?? '');
    setOpen(false);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, shown.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter' && open && shown[active]) {
      e.preventDefault();
      choose(shown[active]);
    } else if (e.key === 'Escape') {
      setOpen(false);
      setText(value?.fullName ?? '');
    }
  };

  return (
    <div className="field unit-picker" data-testid={testId}>
      <label htmlFor={id}>{label}</label>
      <div className="combobox">
        <input
          id={id}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && shown[active] ? `${id}-opt-${active}` : undefined}
          placeholder={units.isPending ? t('common.loading') : t('unitPicker.placeholder')}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            setActive(0);
          }}
          onFocus={(e) => {
            e.currentTarget.select();
            setOpen(true);
          }}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        {value && (
          <button
            type="button"
            className="button-link combobox-clear"
            aria-label={t('unitPicker.clear')}
            onClick={() => choose(null)}
          >
            ×
          </button>
        )}
        {open && units.data && (
          <ul id={listId} role="listbox" aria-label={label} className="combobox-list">
            {shown.map((u, i) => (
              <li
                key={u.id}
                id={`${id}-opt-${i}`}
                role="option"
                aria-selected={i === active}
                data-code={u.code}
                className={i === active ? 'active' : undefined}
                onMouseDown={(e) => e.preventDefault()}
                onMouseEnter={() => setActive(i)}
                onClick={() => choose(u)}
              >
                <span>{u.fullName}</span> <small className="muted">{u.code}</small>
              </li>
            ))}
            {shown.length === 0 && <li className="combobox-empty">{t('unitPicker.none')}</li>}
            {matches.length > shown.length && (
              <li className="combobox-more" aria-hidden="true">
                {t('unitPicker.more', {
                  count: matches.length - shown.length,
                  n: formatNumberVi(matches.length - shown.length),
                })}
              </li>
            )}
          </ul>
        )}
      </div>
      {units.isError && <ErrorBox error={units.error} />}
    </div>
  );
}
