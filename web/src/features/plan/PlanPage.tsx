/**
 * A plan (the Government's by default, or a ministry's or province's): table or Gantt timeline at a chosen date, with
 * its Excel export.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../app/components/DateField';
import { Empty, ErrorBox, Loading } from '../../app/components/feedback';
import { formatDateVi, formatNumberVi, todayInVietnam } from '../../app/format';
import { useMe } from '../../app/session';
import { exportUrl, mainPlanOf, planQuery, plansQuery } from './api';
import { Gantt } from './Gantt';
import { PlanTable } from './PlanTable';
import { NewTaskForm } from './NewTaskForm';
import { PlanForm } from './PlanForm';
import './texts';

export default function PlanPage() {
  const { t } = useTranslation();
  const [asOf, setAsOf] = useState(todayInVietnam());
  const [view, setView] = useState<'table' | 'timeline'>('table');
  const me = useMe();
  const plans = useQuery(plansQuery);
  const [chosen, setChosen] = useState<number | null>(null);
  const plan = plans.data?.find((p) => p.id === chosen) ?? mainPlanOf(plans.data);
  const rows = useQuery({ ...planQuery(asOf, false, plan?.id), enabled: plan !== undefined });
  const central = me.can.plan.national;
  return (
    <section>
      <h1>{t('plan.title')}</h1>
      <p className="lead">{t('plan.intro')}</p>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('common.filters')}>
        <div className="field">
          <label htmlFor="plan-choice">{t('plan.newPlan.plan')}</label>
          <select id="plan-choice" value={plan?.id ?? ''} onChange={(e) => setChosen(Number(e.target.value))}>
            {plans.data?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.code} — {p.issuer ?? p.title}
              </option>
            ))}
          </select>
        </div>
        <DateField
          label={t('plan.asOf')}
          value={asOf}
          onChange={setAsOf}
          testId="plan-as-of"
          presets={[{ label: t('plan.today'), value: todayInVietnam() }]}
        />
        <div className="field" role="group" aria-label={t('plan.title')}>
          <span>&nbsp;</span>
          <div className="date-field-row">
            <button
              type="button"
              className="button-secondary"
              aria-pressed={view === 'table'}
              onClick={() => setView('table')}
            >
              {t('plan.table')}
            </button>
            <button
              type="button"
              className="button-secondary"
              aria-pressed={view === 'timeline'}
              onClick={() => setView('timeline')}
              data-testid="plan-timeline-tab"
            >
              {t('plan.timeline')}
            </button>
            <a className="button-secondary" href={exportUrl(asOf, false, plan?.id)} download>
              {t('plan.exportXlsx')}
            </a>
          </div>
        </div>
      </form>
      {me.can.plan.createTask && <PlanForm central={central} onCreated={setChosen} />}
      {plan?.canManage && <NewTaskForm key={plan.id} plan={plan} central={central} />}
      {plans.isError && <ErrorBox error={plans.error} />}
      {rows.isPending && <Loading />}
      {rows.isError && <ErrorBox error={rows.error} />}
      {rows.data && (
        <>
          <p className="count" data-testid="plan-count" data-count={rows.data.length}>
            {t('plan.count', {
              n: formatNumberVi(rows.data.length),
              late: formatNumberVi(rows.data.filter((r) => r.overdue).length),
              silent: formatNumberVi(rows.data.filter((r) => r.pastDueNoReport).length),
              date: formatDateVi(asOf),
            })}
          </p>
          {rows.data.length === 0 ? (
            <Empty>{t('plan.none')}</Empty>
          ) : view === 'table' ? (
            <PlanTable rows={rows.data} asOf={asOf} />
          ) : (
            <Gantt rows={rows.data} asOf={asOf} />
          )}
        </>
      )}
    </section>
  );
}
