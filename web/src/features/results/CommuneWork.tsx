/**
 * A commune officer's work on the home page: the plan tasks assigned to their commune's People's Committee
 * (deadline, status, overdue) and the commune's poverty review (next step, resident households entered or
 * not), each linking to its page. Read through the plan, agencies and poverty APIs.
 */
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { communeStatusLabel, reviewStepLabel } from '../../../../src/domain/labels';
import { currentReviewYear } from '../../../../src/domain/poverty/scope';
import { api, query } from '../../app/api';
import { ErrorBox, Loading } from '../../app/components/feedback';
import { formatDateVi, formatNumberVi, todayInVietnam } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import type { PlanRow } from '../plan/api';
import { scopeCommunesQuery } from '../poverty/api';
import './dash-texts';

interface AgencyItem {
  code: string;
  kind: string;
  name: string;
  unitId: string | null;
}

/** The tasks of the People's Committees of these units (their assignment's deadline and status). */
export function useUnitTasks(unitIds: string[]) {
  const today = todayInVietnam();
  return useQuery({
    queryKey: ['plan', 'unit-tasks', today, unitIds],
    queryFn: async ({ signal }) => {
      const agencies = await api<{ items: AgencyItem[] }>(
        `/api/agencies${query({ at: today, kind: 'people_committee' })}`,
        { signal },
      );
      const mine = agencies.items.filter((a) => a.unitId !== null && unitIds.includes(a.unitId));
      const lists = await Promise.all(
        mine.map((a) =>
          api<{ items: PlanRow[] }>(`/api/plan/tasks${query({ asOf: today, agency: a.code })}`, { signal }),
        ),
      );
      return lists.flatMap((l) => l.items);
    },
  });
}

export function TaskList({ tasks, testId }: { tasks: PlanRow[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <ul className="due-list" data-testid={testId}>
      {tasks.map((x) => (
        <li key={x.id} data-task={x.id} data-status={x.status}>
          <Link to="/ke-hoach/$taskId" params={{ taskId: String(x.id) }}>
            {x.title}
          </Link>{' '}
          · {t('dash.deadline')}: {x.deadline ? formatDateVi(x.deadline) : (x.deadlineText ?? '—')} ·{' '}
          <strong>{x.statusLabel}</strong>
          {x.overdue && <span className="badge badge-bad"> {t('dash.overdue')}</span>}
        </li>
      ))}
    </ul>
  );
}

export function CommuneWork({ communeIds }: { communeIds: string[] }) {
  const { t } = useTranslation();
  const year = currentReviewYear(todayInVietnam());
  const tasks = useUnitTasks(communeIds);
  const review = useQuery(scopeCommunesQuery(year));
  const mine = (review.data ?? []).filter((c) => communeIds.includes(c.id));
  return (
    <section data-testid="commune-work">
      <h2>{t('dash.myTasks')}</h2>
      {tasks.isPending && <Loading />}
      {tasks.isError && <ErrorBox error={tasks.error} />}
      {tasks.data && tasks.data.length === 0 && <p className="muted">{t('dash.noTasks')}</p>}
      {tasks.data && tasks.data.length > 0 && <TaskList tasks={tasks.data} testId="commune-tasks" />}
      <h2>{t('dash.reviewTitle', { year })}</h2>
      {review.isPending && <Loading />}
      {review.isError && <ErrorBox error={review.error} />}
      <ul className="due-list" data-testid="commune-review">
        {mine.map((c) => (
          <li key={c.id} data-commune={c.code} data-resident={c.residentHouseholds === null ? 'missing' : 'present'}>
            <strong>{c.label}</strong>:{' '}
            {communeStatusLabel({ ...c, hasImport: c.lastImport !== null }, currentLanguage())} · {t('dash.nextStep')}:{' '}
            {c.nextStep ? reviewStepLabel(c.nextStep, currentLanguage()) : t('dash.reviewDone')} ·{' '}
            {c.residentHouseholds === null
              ? t('dash.residentMissing')
              : t('dash.residentPresent', { count: formatNumberVi(c.residentHouseholds) })}{' '}
            ·{' '}
            <Link to="/ho-ngheo" search={{ nam: year, xa: c.id }}>
              {t('dash.openReview')}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
