/** "My agency": what we lead, what we coordinate, what is late; and my notifications (daily digest). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { post } from '../../app/api';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../app/components/DateField';
import { Empty, ErrorBox, Loading } from '../../app/components/feedback';
import { formatDateTimeVi, todayInVietnam } from '../../app/format';
import { myAgencyQuery, notificationsQuery } from './api';
import { PlanTable } from './PlanTable';
import './texts';

export default function MyAgencyPage() {
  const { t } = useTranslation();
  const [asOf, setAsOf] = useState(todayInVietnam());
  const my = useQuery(myAgencyQuery(asOf));
  const notes = useQuery(notificationsQuery);
  const qc = useQueryClient();
  const read = useMutation({
    mutationFn: (id: number) => post(`/api/notifications/${id}/read`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['notifications'] }),
  });
  return (
    <section>
      <h1>{t('plan.myTitle')}</h1>
      <p className="lead">{t('plan.myIntro')}</p>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('common.filters')}>
        <DateField
          label={t('plan.asOf')}
          value={asOf}
          onChange={setAsOf}
          testId="my-as-of"
          presets={[{ label: t('plan.today'), value: todayInVietnam() }]}
        />
      </form>
      {my.isPending && <Loading />}
      {my.isError && <ErrorBox error={my.error} />}
      {my.data &&
        (my.data.agencies.length === 0 ? (
          <Empty>{t('plan.myNone')}</Empty>
        ) : (
          <>
            <p className="count" data-testid="my-agencies">
              {my.data.agencies.map((a) => a.name).join('; ')}
            </p>
            <h2>{t('plan.myLate')}</h2>
            {my.data.late.length ? <PlanTable rows={my.data.late} testId="my-late" /> : <Empty>—</Empty>}
            <h2>{t('plan.myLead')}</h2>
            {my.data.lead.length ? <PlanTable rows={my.data.lead} testId="my-lead" /> : <Empty>—</Empty>}
            <h2>{t('plan.myCoordinate')}</h2>
            {my.data.coordinate.length ? (
              <PlanTable rows={my.data.coordinate} testId="my-coordinate" />
            ) : (
              <Empty>—</Empty>
            )}
          </>
        ))}
      <h2>{t('plan.notifications')}</h2>
      {notes.data &&
        (notes.data.length === 0 ? (
          <Empty>{t('plan.noNotifications')}</Empty>
        ) : (
          <ul data-testid="notifications">
            {notes.data.map((n) => (
              <li key={n.id} data-kind={n.kind} data-read={n.readAt ? 'yes' : 'no'}>
                {n.readAt ? n.title : <strong>{n.title}</strong>} — {n.body}{' '}
                <small className="muted">{formatDateTimeVi(n.createdAt)}</small>{' '}
                {!n.readAt && (
                  <button type="button" className="button-link" onClick={() => read.mutate(n.id)}>
                    {t('plan.markRead')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
