/** The plan in the officials' columns, with lateness at the date viewed. */
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../app/components/lists';
import { formatDateVi } from '../../app/format';
import type { PlanRow } from './api';

export function PlanTable({ rows, testId = 'plan-table' }: { rows: PlanRow[]; testId?: string }) {
  const { t } = useTranslation();
  return (
    <DataTable
      testId={testId}
      columns={[t('plan.stt'), t('plan.content'), t('plan.lead'), t('plan.deadline'), t('plan.status'), t('plan.completedOn'), { label: t('plan.daysLate'), className: 'num' }, t('plan.instrument')]}
    >
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
    </DataTable>
  );
}
