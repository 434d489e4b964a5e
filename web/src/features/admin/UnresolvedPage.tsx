/**
 * Lineage links that must not be used until corrected (the SUSPECT rows of the 2025 mapping):
 * GET /api/units/lineage/unresolved (also `giamngheo units check`).
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { LineageRow } from '../../../../src/modules/units/repo';
import { api } from '../../app/api';
import { Empty, ErrorBox, Loading } from '../../app/components/feedback';
import { formatDateVi, formatNumberVi } from '../../app/format';
import { REFORM_DATE, unitsQuery } from '../units/api';

/** The day before the 2025 reform: old provinces. */
const LAST_OLD_DAY = '2025-06-30';

export default function UnresolvedPage() {
  const { t } = useTranslation();
  const rows = useQuery({
    queryKey: ['lineage', 'unresolved'],
    queryFn: ({ signal }) => api<{ items: LineageRow[] }>('/api/units/lineage/unresolved', { signal }).then((r) => r.items),
  });
  // Province names for the codes: old units are read the day before the reform, new ones on it.
  const oldProvinces = useQuery(unitsQuery({ level: 'province', at: LAST_OLD_DAY }));
  const newProvinces = useQuery(unitsQuery({ level: 'province', at: REFORM_DATE }));
  const provinceName = (list: typeof oldProvinces, code: string) => list.data?.find((p) => p.code === code)?.fullName ?? t('unresolved.province', { code });
  return (
    <section>
      <h1>{t('unresolved.title')}</h1>
      <p className="lead">{t('unresolved.intro')}</p>
      {rows.isPending && <Loading />}
      {rows.isError && <ErrorBox error={rows.error} />}
      {rows.data && rows.data.length === 0 && <Empty>{t('unresolved.none')}</Empty>}
      {rows.data && rows.data.length > 0 && (
        <>
          <p className="count" data-testid="unresolved-count" data-count={rows.data.length}>
            {t('unresolved.count', { n: formatNumberVi(rows.data.length) })}
          </p>
          <div className="table-wrap">
            <table className="data" data-testid="unresolved-table">
              <thead>
                <tr>
                  <th scope="col">{t('unresolved.from')}</th>
                  <th scope="col">{t('unresolved.to')}</th>
                  <th scope="col">{t('unresolved.relation')}</th>
                  <th scope="col">{t('unresolved.effective')}</th>
                  <th scope="col">{t('unresolved.qaFlag')}</th>
                  <th scope="col">{t('unresolved.note')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.data.map((r) => (
                  <tr key={r.id}>
                    <td className="unit-cell">
                      {r.fromName} <span className="code muted">{r.fromCode}</span>
                      <br />
                      <small className="muted">{provinceName(oldProvinces, r.fromProvinceCode)}</small>
                    </td>
                    <td className="unit-cell">
                      {r.toName} <span className="code muted">{r.toCode}</span>
                      <br />
                      <small className="muted">{provinceName(newProvinces, r.toProvinceCode)}</small>
                    </td>
                    <td className="nowrap">{t(`unresolved.relation_${r.relation}`)}</td>
                    <td className="nowrap">{formatDateVi(r.effective)}</td>
                    <td>{r.qaFlag}</td>
                    <td>{[r.note, r.legalBasis].filter(Boolean).join(' — ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
