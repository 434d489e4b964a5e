/** The plan: table or Gantt timeline at a chosen date, with its Excel export. */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../app/components/DateField';
import { Empty, ErrorBox, Loading } from '../../app/components/feedback';
import { formatDateVi, formatNumberVi, todayInVietnam } from '../../app/format';
import { allows, useMe } from '../../app/session';
import { exportUrl, mainPlanOf, planQuery, plansQuery } from './api';
import { Gantt } from './Gantt';
import { PlanTable } from './PlanTable';
import { NewTaskForm } from './NewTaskForm';
import './texts';

export default function PlanPage() {
  const { t } = useTranslation();
  const [asOf, setAsOf] = useState(todayInVietnam());
  const [view, setView] = useState<'table' | 'timeline'>('table');
  const rows = useQuery(planQuery(asOf));
  const me = useMe();
  const plans = useQuery(plansQuery);
  const mainPlan = mainPlanOf(plans.data);
  return (
    <section>
      <h1>{t('plan.title')}</h1>
      <p className="lead">{t('plan.intro')}</p>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('common.filters')}>
        <DateField label={t('plan.asOf')} value={asOf} onChange={setAsOf} testId="plan-as-of" presets={[{ label: t('plan.today'), value: todayInVietnam() }]} />
        <div className="field" role="group" aria-label={t('plan.title')}>
          <span>&nbsp;</span>
          <div className="date-field-row">
            <button type="button" className="button-secondary" aria-pressed={view === 'table'} onClick={() => setView('table')}>
              {t('plan.table')}
            </button>
            <button type="button" className="button-secondary" aria-pressed={view === 'timeline'} onClick={() => setView('timeline')} data-testid="plan-timeline-tab">
              {t('plan.timeline')}
            </button>
            <a className="button-secondary" href={exportUrl(asOf)} download>
              {t('plan.exportXlsx')}
            </a>
          </div>
        </div>
      </form>
      {allows(me.user, ['admin', 'program_owner']) && mainPlan && <NewTaskForm planId={mainPlan.id} />}
      {rows.isPending && <Loading />}
      {rows.isError && <ErrorBox error={rows.error} />}
      {rows.data && (
        <>
          <p className="count" data-testid="plan-count" data-count={rows.data.length}>
            {t('plan.count', { n: formatNumberVi(rows.data.length), late: formatNumberVi(rows.data.filter((r) => r.overdue).length), date: formatDateVi(asOf) })}
          </p>
          {rows.data.length === 0 ? <Empty>{t('plan.none')}</Empty> : view === 'table' ? <PlanTable rows={rows.data} /> : <Gantt rows={rows.data} asOf={asOf} />}
        </>
      )}
    </section>
  );
}
