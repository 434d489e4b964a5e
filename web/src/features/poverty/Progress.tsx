import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateVi } from '../../app/format';
import { STEP_INFO, LEVEL_LABEL_VI } from '../../../../src/domain/poverty/review';
import { applicationsQuery, reviewsQuery } from './api';

/**
 * Each commune's progress and the deadlines of the year, as the levels above see them; and the regular-review requests.
 */
export default function Progress({ year }: { year: number }) {
  const { t } = useTranslation();
  const reviews = useQuery(reviewsQuery(year));
  const applications = useQuery(applicationsQuery(year));
  if (!reviews.data) return null;
  return (
    <>
      <h2>{t('poverty.progressTitle')}</h2>
      <p data-testid="poverty-deadlines">
        {t('poverty.deadlines')}:{' '}
        {reviews.data.deadlines
          .filter((d) => d.kind !== 'monthly_report')
          .map((d) => `${d.labelVi} — ${formatDateVi(d.due)}`)
          .join('; ')}
        ; {reviews.data.deadlines.filter((d) => d.kind === 'monthly_report').length} báo cáo tháng (ngày 05, tháng 2–9).
      </p>
      {reviews.data.communes.length > 0 && (
        <table className="data compact" data-testid="poverty-progress">
          <thead>
            <tr>
              <th>{t('poverty.commune')}</th>
              <th>{t('poverty.nextStep')}</th>
              <th>{t('poverty.nextApprover')}</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            {reviews.data.communes.map((c) => (
              <tr
                key={c.communeId}
                data-testid="poverty-progress-row"
                data-commune={c.communeId}
                data-overdue={c.overdue ? 'true' : 'false'}
              >
                <td>
                  {c.communeName}, {c.provinceName}
                </td>
                <td>{c.nextStep ? STEP_INFO[c.nextStep].labelVi : t('poverty.done')}</td>
                <td>{c.nextApprover ? LEVEL_LABEL_VI[c.nextApprover] : t('poverty.done')}</td>
                <td>{c.overdue ? t('poverty.overdue') : c.locked ? t('poverty.locked') : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {applications.data && applications.data.length > 0 && (
        <>
          <h3>{t('poverty.applications')}</h3>
          <table className="data compact" data-testid="poverty-applications">
            <thead>
              <tr>
                <th>{t('poverty.commune')}</th>
                <th>{t('poverty.applicant')}</th>
                <th>{t('poverty.received')}</th>
                <th>{t('poverty.started')}</th>
                <th>{t('poverty.due')}</th>
                <th>{t('poverty.decided')}</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              {applications.data.map((a) => (
                <tr key={a.id} data-status={a.status}>
                  <td>{a.communeName}</td>
                  <td>{a.applicantName ?? '—'}</td>
                  <td>{formatDateVi(a.receivedOn)}</td>
                  <td>{formatDateVi(a.startedOn)}</td>
                  <td>{formatDateVi(a.dueOn)}</td>
                  <td>{a.decidedOn ? formatDateVi(a.decidedOn) : '—'}</td>
                  <td>{t(`poverty.statuses.${a.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
