/** Recommendations of inspections and supervision, their deadlines, lateness and closure. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { DateField } from '../../app/components/DateField';
import { Empty, ErrorBox, Loading } from '../../app/components/feedback';
import { formatDateVi, todayInVietnam } from '../../app/format';
import { allows, useMe } from '../../app/session';
import { SupervisionForm } from './SupervisionForm';
import './texts';

interface Recommendation {
  id: number; body: string; status: 'open' | 'in_progress' | 'closed'; due_on: string | null; closed_on: string | null; deadline_text: string | null;
  follow_up: string | null; version: number; addressee: string | null; finding: string; plan_title: string; visited_on: string; daysLate: number; overdue: boolean;
}

function Close({ r, onDone }: { r: Recommendation; onDone: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const m = useMutation({
    mutationFn: () => api(`/api/plan/supervision/recommendations/${r.id}`, { method: 'PATCH', body: { version: r.version, status: 'closed', followUp: text || undefined } }),
    onSuccess: onDone,
  });
  return (
    <form onSubmit={(e) => (e.preventDefault(), m.mutate())}>
      <input type="text" aria-label={t('plan.followUp')} value={text} onChange={(e) => setText(e.target.value)} size={24} />{' '}
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
    queryFn: ({ signal }) => api<{ items: Recommendation[] }>(`/api/plan/supervision/recommendations?asOf=${asOf}`, { signal }).then((r) => r.items),
  });
  const canAct = allows(me.user, ['admin', 'program_owner', 'ministry_lead', 'province_officer']);
  return (
    <section>
      <h1>{t('plan.supervisionTitle')}</h1>
      <p className="lead">{t('plan.supervisionIntro')}</p>
      {/* POST /api/plan/supervision is for the program owner (routes.ts: OWNERS) */}
      {allows(me.user, ['admin', 'program_owner']) && <SupervisionForm />}
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('common.filters')}>
        <DateField label={t('plan.asOf')} value={asOf} onChange={setAsOf} presets={[{ label: t('plan.today'), value: todayInVietnam() }]} />
      </form>
      {q.isPending && <Loading />}
      {q.isError && <ErrorBox error={q.error} />}
      {q.data &&
        (q.data.length === 0 ? (
          <Empty>{t('plan.noRecommendations')}</Empty>
        ) : (
          <div className="table-wrap">
            <table className="data" data-testid="recommendations">
              <thead>
                <tr>
                  <th scope="col">{t('plan.recommendation')}</th>
                  <th scope="col">{t('plan.finding')}</th>
                  <th scope="col">{t('plan.addressee')}</th>
                  <th scope="col">{t('plan.deadline')}</th>
                  <th scope="col">{t('plan.status')}</th>
                  <th scope="col" className="num">{t('plan.daysLate')}</th>
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {q.data.map((r) => (
                  <tr key={r.id} className={r.overdue ? 'row-overdue' : undefined}>
                    <td>{r.body}</td>
                    <td>
                      {r.finding} <small className="muted">({r.plan_title}, {formatDateVi(r.visited_on)})</small>
                    </td>
                    <td>{r.addressee ?? '—'}</td>
                    <td className="nowrap">{r.due_on ? formatDateVi(r.due_on) : (r.deadline_text ?? '—')}</td>
                    <td>
                      {t(`plan.recStatus.${r.status}`)}
                      {r.closed_on && ` ${formatDateVi(r.closed_on)}`}
                      {r.follow_up && <small className="muted"> — {r.follow_up}</small>}
                    </td>
                    <td className="num">{r.daysLate}</td>
                    <td>{canAct && r.status !== 'closed' && <Close r={r} onDone={() => void qc.invalidateQueries({ queryKey: ['plan', 'recommendations'] })} />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </section>
  );
}
