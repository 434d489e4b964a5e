/** Overdue report at a chosen date (late with a report, and past due without one, apart), with its Excel export. */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../app/components/DateField';
import { QueryList } from '../../app/components/lists';
import { todayInVietnam } from '../../app/format';
import { exportUrl, planQuery } from './api';
import { PlanTable } from './PlanTable';
import './texts';

export default function OverduePage() {
  const { t } = useTranslation();
  const [asOf, setAsOf] = useState(todayInVietnam());
  const rows = useQuery(planQuery(asOf, true));
  return (
    <section>
      <h1>{t('plan.overdueTitle')}</h1>
      <p className="lead">{t('plan.overdueIntro')}</p>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('common.filters')}>
        <DateField
          label={t('plan.asOf')}
          value={asOf}
          onChange={setAsOf}
          testId="overdue-as-of"
          presets={[
            { label: t('plan.today'), value: todayInVietnam() },
            { label: '05/01/2022', value: '2022-01-05' },
          ]}
        />
        <div className="field">
          <span>&nbsp;</span>
          <a className="button-secondary" href={exportUrl(asOf, true)} download>
            {t('plan.exportXlsx')}
          </a>
        </div>
      </form>
      <QueryList query={rows} empty={t('plan.overdueNone')}>
        {(items) => (
          <>
            <h2>
              {t('plan.lateReported')}: {items.filter((r) => !r.pastDueNoReport).length}
            </h2>
            <PlanTable rows={items.filter((r) => !r.pastDueNoReport)} testId="overdue-table" asOf={asOf} />
            <h2>
              {t('plan.pastDueNoReport')}: {items.filter((r) => r.pastDueNoReport).length}
            </h2>
            <p className="muted">{t('plan.pastDueNoReportIntro')}</p>
            <PlanTable rows={items.filter((r) => r.pastDueNoReport)} testId="overdue-no-report-table" asOf={asOf} />
          </>
        )}
      </QueryList>
    </section>
  );
}
