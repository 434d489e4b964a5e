import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { ErrorBox } from '../../app/components/feedback';
import { formatDateTimeVi, formatNumberVi } from '../../app/format';
import { areaLabelVi } from '../../../../src/domain/poverty/resident';
import { communePath, residentQuery } from './api';

/**
 * The commune's resident households of the year (tổng số hộ dân cư): the denominator of its rates, with its source and
 * history.
 */
export default function ResidentHouseholds({
  communeId,
  year,
  onChange,
}: {
  communeId: string;
  year: number;
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const view = useQuery(residentQuery(communeId, year));
  const [form, setForm] = useState<Record<'total' | 'urban' | 'rural' | 'ethnicMinority' | 'source', string>>({
    total: '',
    urban: '',
    rural: '',
    ethnicMinority: '',
    source: '',
  });
  const num = (v: string) => (v.trim() === '' ? null : Number(v.replace(/[.\s]/g, '')));
  const save = useMutation({
    mutationFn: () =>
      api(communePath(communeId, 'resident-households'), {
        method: 'PUT',
        body: {
          year,
          total: num(form.total),
          urban: num(form.urban),
          rural: num(form.rural),
          ethnicMinority: num(form.ethnicMinority),
          source: form.source,
        },
      }),
    onSuccess: () => {
      setForm({ total: '', urban: '', rural: '', ethnicMinority: '', source: '' });
      onChange();
    },
  });
  if (!view.data) return view.isError ? <ErrorBox error={view.error} /> : null;
  const cur = view.data.current;
  const field = (key: keyof typeof form, label: string, type = 'text') => (
    <label className="field">
      <span>{label}</span>
      <input
        type={type}
        inputMode={type === 'text' && key !== 'source' ? 'numeric' : undefined}
        value={form[key]}
        onChange={(e) => setForm({ ...form, [key]: e.target.value })}
        data-testid={`poverty-resident-${key}`}
      />
    </label>
  );
  return (
    <div data-testid="poverty-resident" data-total={cur?.total ?? ''}>
      <h3>{t('poverty.residentTitle')}</h3>
      <p data-testid="poverty-resident-current">
        {cur
          ? t('poverty.residentCurrent', {
              total: formatNumberVi(cur.total),
              source: cur.source ?? t('poverty.noSource'),
              by: cur.recordedBy,
              on: formatDateTimeVi(cur.recordedAt),
            })
          : t('poverty.residentMissing')}
      </p>
      {view.data.can.edit && (
        <form
          className="filters"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          {field('total', t('poverty.residentTotal'))}
          {field('urban', areaLabelVi('urban', year))}
          {field('rural', areaLabelVi('rural', year))}
          {field('ethnicMinority', t('poverty.residentMinority'))}
          {field('source', t('poverty.residentSource'))}
          <div className="field">
            <span>&nbsp;</span>
            <button
              className="button-primary"
              type="submit"
              disabled={save.isPending || form.total === ''}
              data-testid="poverty-resident-save"
            >
              {t('poverty.residentSave')}
            </button>
          </div>
        </form>
      )}
      {save.isError && <ErrorBox error={save.error} />}
      {view.data.history.length > 1 && (
        <details>
          <summary>{t('poverty.residentHistory', { n: view.data.history.length })}</summary>
          <ul>
            {view.data.history.map((h, i) => (
              <li key={i}>
                {formatDateTimeVi(h.recordedAt)} — {h.recordedBy}: {formatNumberVi(h.total)} (
                {h.source ?? t('poverty.noSource')})
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
