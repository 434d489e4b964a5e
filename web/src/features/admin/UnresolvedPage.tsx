/**
 * Lineage links that must not be used until corrected (the SUSPECT rows of the 2025 mapping):
 * GET /api/units/lineage/unresolved (also `giamngheo units check`).
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { LineageRow } from '../../../../src/modules/units/contracts';
import { api } from '../../app/api';
import { DataTable, QueryList } from '../../app/components/lists';
import { formatDateVi, formatNumberVi } from '../../app/format';
import { REFORM_DATE, unitsQuery } from '../units/api';
import { verificationLabel } from '../../../../src/domain/labels';
import { currentLanguage } from '../../app/i18n';

/** The day before the 2025 reform: old provinces. */
const LAST_OLD_DAY = '2025-06-30';

export default function UnresolvedPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const rows = useQuery({
    queryKey: ['lineage', 'unresolved'],
    queryFn: ({ signal }) =>
      api<{ items: LineageRow[] }>('/api/units/lineage/unresolved', { signal }).then((r) => r.items),
  });
  // Province names for the codes: old units are read the day before the reform, new ones on it.
  const oldProvinces = useQuery(unitsQuery({ level: 'province', at: LAST_OLD_DAY }));
  const newProvinces = useQuery(unitsQuery({ level: 'province', at: REFORM_DATE }));
  const provinceName = (list: typeof oldProvinces, code: string) =>
    list.data?.find((p) => p.code === code)?.fullName ?? t('unresolved.province', { code });
  return (
    <section>
      <h1>{t('unresolved.title')}</h1>
      <p className="lead">{t('unresolved.intro')}</p>
      <QueryList query={rows} empty={t('unresolved.none')}>
        {(items) => (
          <>
            <p className="count" data-testid="unresolved-count" data-count={items.length}>
              {t('unresolved.count', { n: formatNumberVi(items.length) })}
            </p>
            <DataTable
              testId="unresolved-table"
              columns={[
                t('unresolved.from'),
                t('unresolved.to'),
                t('unresolved.relation'),
                t('unresolved.effective'),
                t('unresolved.qaFlag'),
                t('unresolved.note'),
              ]}
            >
              {items.map((r) => (
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
                  <td>{r.qaFlag ? verificationLabel(r.qaFlag, lang) : '—'}</td>
                  <td>{[r.note, r.legalBasis].filter(Boolean).join(' — ')}</td>
                </tr>
              ))}
            </DataTable>
          </>
        )}
      </QueryList>
    </section>
  );
}
