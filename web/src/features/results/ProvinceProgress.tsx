/**
 * A province officer's dashboard on the home page: its communes' review progress (how many at each next
 * step, how many without a resident-household count) and its overdue plan tasks, linking to the pages.
 */
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { reviewStepLabel } from '../../../../src/domain/labels';
import { currentReviewYear } from '../../../../src/domain/poverty/scope';
import { api } from '../../app/api';
import { ErrorBox, Loading } from '../../app/components/feedback';
import { DataTable } from '../../app/components/lists';
import { formatNumberVi, todayInVietnam } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import type { PlanRow } from '../plan/api';
import { scopeCommunesQuery } from '../poverty/api';
import { TaskList } from './CommuneWork';
import './dash-texts';

export function ProvinceProgress() {
  const { t } = useTranslation();
  const year = currentReviewYear(todayInVietnam());
  const review = useQuery(scopeCommunesQuery(year));
  const late = useQuery({
    queryKey: ['plan', 'my-agency', 'late'],
    queryFn: ({ signal }) => api<{ late: PlanRow[] }>('/api/plan/my-agency', { signal }).then((r) => r.late),
  });
  const communes = review.data ?? [];
  const steps = new Map<string, number>();
  for (const c of communes) {
    const k = c.nextStep ? reviewStepLabel(c.nextStep, currentLanguage()) : t('dash.reviewDone');
    steps.set(k, (steps.get(k) ?? 0) + 1);
  }
  const missing = communes.filter((c) => c.residentHouseholds === null).length;
  return (
    <section data-testid="province-progress">
      <h2>{t('dash.progressTitle', { year })}</h2>
      {review.isPending && <Loading />}
      {review.isError && <ErrorBox error={review.error} />}
      {review.data && (
        <>
          <DataTable
            testId="province-steps"
            columns={[t('dash.nextStep'), { label: t('dash.communes'), className: 'num' }]}
          >
            {[...steps].map(([step, n]) => (
              <tr key={step}>
                <td>{step}</td>
                <td className="num">{formatNumberVi(n)}</td>
              </tr>
            ))}
          </DataTable>
          <p data-testid="province-missing-resident" data-count={missing}>
            {t('dash.missingResident', { count: formatNumberVi(missing) })} ·{' '}
            <Link to="/ho-ngheo" search={{ nam: year }}>
              {t('dash.openReview')}
            </Link>
          </p>
        </>
      )}
      <h2>{t('dash.overdueTasks')}</h2>
      {late.isPending && <Loading />}
      {late.isError && <ErrorBox error={late.error} />}
      {late.data && late.data.length === 0 && <p className="muted">{t('dash.noOverdue')}</p>}
      {late.data && late.data.length > 0 && <TaskList tasks={late.data} testId="province-overdue" />}
      <p>
        <Link to="/qua-han">{t('dash.openPlan')}</Link>
      </p>
    </section>
  );
}
