/** The plan in the officials' columns, with lateness at the date viewed. */
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatDateVi } from '../../app/format';
import type { PlanRow } from './api';

export function PlanTable({ rows, testId = 'plan-table' }: { rows: PlanRow[]; testId?: string }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="data" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{t('plan.stt')}</th>
            <th scope="col">{t('plan.content')}</th>
            <th scope="col">{t('plan.lead')}</th>
            <th scope="col">{t('plan.deadline')}</th>
            <th scope="col">{t('plan.status')}</th>
            <th scope="col">{t('plan.completedOn')}</th>
            <th scope="col" className="num">{t('plan.daysLate')}</th>
            <th scope="col">{t('plan.instrument')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid="plan-row" data-task-id={r.id} data-position={r.position} data-status={r.status} data-days-late={r.daysLate} className={r.overdue ? 'row-overdue' : undefined}>
              <td className="code">{r.position}</td>
              <td>
                <Link to="/ke-hoach/$taskId" params={{ taskId: String(r.id) }}>
                  {r.title}
                </Link>
              </td>
              <td>
                {r.leadAgencyName}
                {r.assignments > 1 && <small className="muted"> — {t('plan.assignments', { n: r.assignments })}</small>}
              </td>
              <td className="nowrap">
                {r.deadline ? formatDateVi(r.deadline) : t('plan.noDeadline')}
                {r.deadlineText && <small className="muted"> ({r.deadlineText})</small>}
                {!r.deadlineVerified && <small className="note"> {t('plan.unverified')}</small>}
              </td>
              <td>
                {r.statusLabel} ({r.percent}%)
                {r.timeliness === 'at_risk' && <strong className="note"> {t('plan.atRisk')}</strong>}
                {r.overdueAssignments > 0 && r.assignments > 1 && <small className="muted"> — {t('plan.overdueAssignments', { n: r.overdueAssignments })}</small>}
              </td>
              <td className="nowrap">{r.completedOn ? formatDateVi(r.completedOn) : '—'}</td>
              <td className="num" data-testid="days-late">{r.daysLate}</td>
              <td className="nowrap">{r.instrument ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
