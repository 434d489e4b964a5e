/** The national and regional rates the ministry published. */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatNumberVi } from '../../app/format';
import { publishedQuery } from './api';
import { pct } from './format';

export default function Published({ year }: { year: number }) {
  const { t } = useTranslation();
  const items = useQuery(publishedQuery(year));
  const rows = (items.data ?? []).filter((r) => r.scope === 'national' || r.scope === 'region');
  if (!rows.length) return null;
  const areas = [...new Map(rows.map((r) => [r.areaCode, r.areaName])).entries()];
  const find = (code: string, ind: string) => rows.find((r) => r.areaCode === code && r.indicator === ind);
  return (
    <>
      <h2>{t('poverty.published')}</h2>
      <table className="data compact" data-testid="poverty-published">
        <thead>
          <tr>
            <th>{t('poverty.unit')}</th>
            <th className="num">{t('poverty.poorPct')}</th>
            <th className="num">{t('poverty.nearPoorPct')}</th>
            <th className="num">{t('poverty.multidimPct')}</th>
            <th className="num">{t('poverty.poor')}</th>
          </tr>
        </thead>
        <tbody>
          {areas.map(([code, name]) => (
            <tr key={code} data-testid="poverty-published-row" data-code={code}>
              <td>{name}</td>
              <td className="num">{pct(find(code, 'poor')?.ratePct ?? null)}</td>
              <td className="num">{pct(find(code, 'near_poor')?.ratePct ?? null)}</td>
              <td className="num">{pct(find(code, 'multidim')?.ratePct ?? null)}</td>
              <td className="num">
                {find(code, 'poor')?.households != null ? formatNumberVi(find(code, 'poor')!.households!) : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <small>{t('poverty.publishedNote')}</small>
      </p>
    </>
  );
}
