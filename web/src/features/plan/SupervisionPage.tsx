/** Recommendations of inspections and supervision, their deadlines, lateness and closure. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { DateField } from '../../app/components/DateField';
import { ErrorBox } from '../../app/components/feedback';
import { DataTable, QueryList } from '../../app/components/lists';
import { formatDateVi, todayInVietnam } from '../../app/format';
import { useMe } from '../../app/session';
import { committeesQuery } from './api';
import { SupervisionForm } from './SupervisionForm';
import { SavedLine } from './FormProblems';
import type {
  RecommendationList,
  RecommendationView as Recommendation,
  SupervisionPlanList,
  SupervisionPlanView as SupervisionPlan,
} from '../../../../src/modules/plan/contracts';
import './texts';

/** The plans with their visits and how many recommendations are still open. */
function Plans({ plans }: { plans: SupervisionPlan[] }) {
  const { t } = useTranslation();
  return (
    <DataTable
      testId="supervision-plans"
      columns={[
        t('plan.supervisionForm.plan'),
        t('plan.supervisionForm.kind'),
        { label: t('plan.year'), className: 'num' },
        { label: t('plan.visits'), className: 'num' },
        t('plan.lastVisit'),
        { label: t('plan.openRecommendations'), className: 'num' },
      ]}
    >
      {plans.map((p) => (
        <tr key={p.id} data-plan-id={p.id}>
          <td>
            {p.title}
            {p.committee && <small className="muted"> — {p.committee}</small>}
          </td>
          <td>{t(`plan.supervisionForm.kinds.${p.kind}`)}</td>
          <td className="num">{p.year}</td>
          <td className="num" data-testid="plan-visits">
            {p.visits}
          </td>
          <td className="nowrap">{p.last_visit_on ? formatDateVi(p.last_visit_on) : '—'}</td>
          <td className="num">
            {p.open_recommendations} / {p.recommendations}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

function Close({ r, onDone }: { r: Recommendation; onDone: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const m = useMutation({
    mutationFn: () =>
      api(`/api/plan/supervision/recommendations/${r.id}`, {
        method: 'PATCH',
        body: { version: r.version, status: 'closed', followUp: text || undefined },
      }),
    onSuccess: () => onDone(),
  });
  return (
    <form onSubmit={(e) => (e.preventDefault(), m.mutate())}>
      <input
        type="text"
        aria-label={t('plan.followUp')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        size={24}
      />{' '}
      <button type="submit" className="button-secondary" disabled={m.isPending}>
        {t('plan.close')}
      </button>
      {m.isError && <ErrorBox error={m.error} />}
    </form>
  );
}

export default function SupervisionPage() {
  const { t } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const [asOf, setAsOf] = useState(todayInVietnam());
  const q = useQuery({
    queryKey: ['plan', 'recommendations', asOf],
    queryFn: ({ signal }) =>
      api<RecommendationList>(`/api/plan/supervision/recommendations?asOf=${asOf}`, { signal }).then((r) => r.items),
  });
  const plans = useQuery({
    queryKey: ['plan', 'supervision'],
    queryFn: ({ signal }) => api<SupervisionPlanList>('/api/plan/supervision', { signal }).then((r) => r.items),
  });
  const canAct = me.can.plan.respondRecommendation;
  // the server says which committees (and so which plans) the caller records for
  const committees = useQuery(committeesQuery);
  const canPlan = committees.data?.some((c) => c.canRecord) ?? false;
  const visitable = plans.data?.filter((p) => p.canRecord) ?? [];
  // the row's close form disappears once closed: the confirmation stays on the page
  const [closed, setClosed] = useState(false);
  return (
    <section>
      <h1>{t('plan.supervisionTitle')}</h1>
      <p className="lead">{t('plan.supervisionIntro')}</p>
      {canPlan && <SupervisionForm />}
      {visitable.length > 0 && <SupervisionForm plans={visitable} />}
      <h2>{t('plan.supervisionPlans')}</h2>
      <QueryList query={plans} empty={t('plan.noSupervisionPlans')}>
        {(items) => <Plans plans={items} />}
      </QueryList>
      <h2>{t('plan.recommendations')}</h2>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('common.filters')}>
        <DateField
          label={t('plan.asOf')}
          value={asOf}
          onChange={setAsOf}
          presets={[{ label: t('plan.today'), value: todayInVietnam() }]}
        />
      </form>
      {closed && <SavedLine>{t('plan.recommendationClosed')}</SavedLine>}
      <QueryList query={q} empty={t('plan.noRecommendations')}>
        {(items) => (
          <DataTable
            testId="recommendations"
            columns={[
              t('plan.recommendation'),
              t('plan.finding'),
              t('plan.addressee'),
              t('plan.deadline'),
              t('plan.status'),
              { label: t('plan.daysLate'), className: 'num' },
              '',
            ]}
          >
            {items.map((r) => (
              <tr key={r.id} className={r.overdue ? 'row-overdue' : undefined}>
                <td>{r.body}</td>
                <td>
                  {r.finding}{' '}
                  <small className="muted">
                    ({r.plan_title}, {formatDateVi(r.visited_on)})
                  </small>
                </td>
                <td>{r.addressee ?? '—'}</td>
                <td className="nowrap">{r.due_on ? formatDateVi(r.due_on) : (r.deadline_text ?? '—')}</td>
                <td>
                  {t(`plan.recStatus.${r.status}`)}
                  {r.closed_on && ` ${formatDateVi(r.closed_on)}`}
                  {r.follow_up && <small className="muted"> — {r.follow_up}</small>}
                </td>
                <td className="num">{r.daysLate}</td>
                <td>
                  {canAct && r.status !== 'closed' && (
                    <Close
                      r={r}
                      onDone={() => (
                        setClosed(true),
                        void qc.invalidateQueries({ queryKey: ['plan', 'recommendations'] })
                      )}
                    />
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </QueryList>
    </section>
  );
}
