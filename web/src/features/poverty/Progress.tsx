import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateVi } from '../../app/format';
import { reviewDeadlineLabel, reviewLevelLabel, reviewStepLabel } from '../../../../src/domain/labels';
import { currentLanguage } from '../../app/i18n';
import { applicationsQuery, reviewsQuery } from './api';

/**
 * Each commune's progress and the deadlines of the year, as the levels above see them; and the regular-review requests.
 */
export default function Progress({ year }: { year: number }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
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
          .map((d) => `${reviewDeadlineLabel(d.kind, d.due, lang)} — ${formatDateVi(d.due)}`)
          .join('; ')}
        ;{' '}
        {t('poverty.monthlyReports', {
          n: reviews.data.deadlines.filter((d) => d.kind === 'monthly_report').length,
        })}
      </p>
      {reviews.data.communes.length > 0 && (
        <div className="table-wrap">
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
                  <td>{c.nextStep ? reviewStepLabel(c.nextStep, lang) : t('poverty.done')}</td>
                  <td>{c.nextApprover ? reviewLevelLabel(c.nextApprover, lang) : t('poverty.done')}</td>
                  <td>{c.overdue ? t('poverty.overdue') : c.locked ? t('poverty.locked') : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {applications.data && applications.data.length > 0 && (
        <>
          <h3>{t('poverty.applications')}</h3>
          <div className="table-wrap">
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
          </div>
        </>
      )}
    </>
  );
}
