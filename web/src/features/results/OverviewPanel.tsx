/** The program owner's and the committee's national overview: targets, values, trend, on track; reports missing. */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorBox, Loading } from '../../app/components/feedback';
import { DataTable } from '../../app/components/lists';
import { formatDateVi, formatNumberVi } from '../../app/format';
import { overviewQuery } from './api';
import { DrillDown } from './DrillDown';
import { TargetsTable } from './TargetsTable';
import { TargetTrends } from './TargetTrends';
import './texts';
import { inLanguage } from '../../app/i18n';

export function OverviewPanel() {
  const { t } = useTranslation();
  const q = useQuery(overviewQuery);
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorBox error={q.error} />;
  const o = q.data;
  return (
    <section data-testid="overview">
      <h2>{t('results.overviewTitle')}</h2>
      <p className="lead">{t('results.overviewIntro')}</p>
      <TargetsTable targets={o.targets} testId="overview-targets" />
      <TargetTrends targets={o.targets} />
      <DrillDown year={o.year} />
      <h3>{t('results.reporting')}</h3>
      {o.reporting.length === 0 ? (
        <p className="muted">{t('results.noPeriods')}</p>
      ) : (
        <DataTable
          testId="overview-reporting"
          columns={[
            t('results.form'),
            t('results.period'),
            t('results.deadline'),
            { label: t('results.submitted'), className: 'num' },
            { label: t('results.approved'), className: 'num' },
            { label: t('results.missing'), className: 'num' },
            { label: t('results.rate'), className: 'num' },
          ]}
        >
          {o.reporting.map((r) => (
            <tr key={r.periodId} data-period={r.periodId}>
              <td>
                {r.formNumber} — {r.formName}
              </td>
              <td>{inLanguage(r.labelVi, r.labelEn)}</td>
              <td>{formatDateVi(r.deadline)}</td>
              <td className="num" data-testid={`submitted-${r.periodId}`}>
                {formatNumberVi(r.submitted)}
              </td>
              <td className="num" data-testid={`approved-${r.periodId}`}>
                {formatNumberVi(r.approved)}
              </td>
              <td className="num">{formatNumberVi(r.missing)}</td>
              <td className="num">{r.reportingRate === null ? '—' : `${formatNumberVi(r.reportingRate, 2)}%`}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}

export default function OverviewPage() {
  return <OverviewPanel />;
}
