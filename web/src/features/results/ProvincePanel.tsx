/**
 * A province officer's part of the home page: the province's own targets and its communes' reports in the latest
 * period.
 */
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorBox } from '../../app/components/feedback';
import { DataTable } from '../../app/components/lists';
import { periodReportsQuery, periodsQuery, targetsQuery } from './api';
import './texts';
import { ViText } from '../../app/components/ViText';
import { inLanguage } from '../../app/i18n';

export function ProvincePanel({ provinceIds }: { provinceIds: string[] }) {
  const { t } = useTranslation();
  const targets = useQuery(targetsQuery);
  const periods = useQuery(periodsQuery);
  const latest = periods.data?.items.find((p) => p.unitLevel === 'commune');
  const own = (targets.data?.items ?? []).filter((x) => x.unitId !== null && provinceIds.includes(x.unitId));
  return (
    <section data-testid="province-panel">
      <h2>{t('results.provinceTargets')}</h2>
      {targets.isError && <ErrorBox error={targets.error} />}
      {targets.data && own.length === 0 && <p className="muted">{t('results.noProvinceTargets')}</p>}
      {own.length > 0 && (
        <DataTable columns={[t('results.target'), t('results.period'), t('results.sources')]}>
          {own.map((x) => (
            <tr key={x.id}>
              <td>
                <ViText text={x.labelVi} /> <small className="muted">({inLanguage(x.ruleVi, x.ruleEn)})</small>
              </td>
              <td>
                {x.fromYear}–{x.toYear}
              </td>
              <td>{x.citation}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {latest && (
        <LatestPeriod
          periodId={latest.id}
          label={`${latest.formNumber} — ${inLanguage(latest.labelVi, latest.labelEn)}`}
        />
      )}
    </section>
  );
}

function LatestPeriod({ periodId, label }: { periodId: number; label: string }) {
  const { t } = useTranslation();
  const q = useQuery(periodReportsQuery(periodId));
  if (!q.data) return null;
  return (
    <p data-testid="province-completeness">
      <strong>{label}:</strong> {t('results.completeness', q.data.completeness)} ·{' '}
      <Link to="/bao-cao">{t('results.view')}</Link>
    </p>
  );
}
