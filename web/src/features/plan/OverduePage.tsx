/** Overdue report at a chosen date, with its Excel export. */
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
        <DateField label={t('plan.asOf')} value={asOf} onChange={setAsOf} testId="overdue-as-of" presets={[{ label: t('plan.today'), value: todayInVietnam() }, { label: '05/01/2022', value: '2022-01-05' }]} />
        <div className="field">
          <span>&nbsp;</span>
          <a className="button-secondary" href={exportUrl(asOf, true)} download>
            {t('plan.exportXlsx')}
          </a>
        </div>
      </form>
      <QueryList query={rows} empty={t('plan.overdueNone')}>
        {(items) => <PlanTable rows={items} testId="overdue-table" />}
      </QueryList>
    </section>
  );
}
