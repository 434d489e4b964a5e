/** Each target with its latest value, what was required, on track or not, and the yearly trend. */
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../app/components/lists';
import { formatNumberVi } from '../../app/format';
import type { TargetView } from './api';
import './texts';
import { ViText } from '../../app/components/ViText';

const fmt = (v: number | null, unit: string) =>
  v === null ? null : unit === '%' ? `${formatNumberVi(v, 2)}%` : formatNumberVi(v);

export function OnTrack({ value }: { value: boolean | null }) {
  const { t } = useTranslation();
  const label = value === null ? t('results.unknown') : value ? t('results.yes') : t('results.no');
  return (
    <span
      className={`badge ${value === null ? 'badge-muted' : value ? 'badge-ok' : 'badge-bad'}`}
      data-on-track={String(value)}
    >
      {label}
    </span>
  );
}

export function TargetsTable({ targets, testId }: { targets: TargetView[]; testId?: string }) {
  const { t } = useTranslation();
  return (
    <DataTable
      testId={testId}
      columns={[
        t('results.target'),
        t('results.year'),
        t('results.value'),
        t('results.expected'),
        t('results.onTrack'),
        t('results.trend'),
      ]}
    >
      {targets.map((target) => {
        const withValue = target.series.filter((s) => s.value !== null);
        const last = withValue.at(-1) ?? target.series.at(-1);
        return (
          <tr key={target.code} data-target={target.code}>
            <td>
              <strong>
                <ViText text={target.labelVi} />
              </strong>
              <br />
              <small className="muted">
                {target.citation} ({t(`results.statusLabels.${target.status}`)})
              </small>
            </td>
            <td>{last?.year ?? ''}</td>
            <td className="num" data-testid={`value-${target.code}`}>
              {fmt(last?.value ?? null, target.unit) ?? <span className="muted">{t('results.noData')}</span>}
            </td>
            <td className="num">{fmt(last?.target ?? null, target.unit) ?? '—'}</td>
            <td>
              <OnTrack value={last?.onTrack ?? null} />
              {last?.note && (
                <>
                  <br />
                  <small className="muted">{last.note}</small>
                </>
              )}
            </td>
            <td>
              <small>{target.series.map((s) => `${s.year}: ${fmt(s.value, target.unit) ?? '—'}`).join(' · ')}</small>
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
