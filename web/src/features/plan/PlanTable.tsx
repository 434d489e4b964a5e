/** The plan in the officials' columns, with lateness at the date viewed. */
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../app/components/lists';
import { describeLateness } from '../../../../src/domain/plan/lateness';
import { formatDateVi, todayInVietnam } from '../../app/format';
import type { PlanRow } from './api';
import { taskStatusLabel } from '../../../../src/domain/labels';
import { currentLanguage } from '../../app/i18n';

export function PlanTable({ rows, testId = 'plan-table', asOf }: { rows: PlanRow[]; testId?: string; asOf?: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <DataTable
      testId={testId}
      columns={[
        t('plan.stt'),
        t('plan.content'),
        t('plan.lead'),
        t('plan.deadline'),
        t('plan.status'),
        t('plan.completedOn'),
        { label: t('plan.daysLate'), className: 'num' },
        t('plan.instrument'),
      ]}
    >
      {rows.map((r) => (
        <tr
          key={r.id}
          data-testid="plan-row"
          data-task-id={r.id}
          data-position={r.position}
          data-status={r.status}
          data-days-late={r.daysLate ?? ''}
          className={r.overdue ? 'row-overdue' : undefined}
        >
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
            {r.status === 'no_report'
              ? taskStatusLabel(r.status, lang)
              : `${taskStatusLabel(r.status, lang)} (${r.percent}%)`}
            {r.timeliness === 'at_risk' && <strong className="note"> {t('plan.atRisk')}</strong>}
            {r.overdueAssignments > 0 && r.assignments > 1 && (
              <small className="muted"> — {t('plan.overdueAssignments', { n: r.overdueAssignments })}</small>
            )}
            {r.noReportAssignments > 0 && r.assignments > 1 && r.status !== 'no_report' && (
              <small className="muted"> — {t('plan.noReportAssignments', { n: r.noReportAssignments })}</small>
            )}
          </td>
          <td className="nowrap">{r.completedOn ? formatDateVi(r.completedOn) : '—'}</td>
          <td
            className="num"
            data-testid="days-late"
            title={describeLateness(r, formatDateVi(asOf ?? todayInVietnam())) ?? undefined}
          >
            {r.daysLate ?? <small className="muted">{t('plan.noReportCell')}</small>}
          </td>
          <td className="nowrap">{r.instrument ?? '—'}</td>
        </tr>
      ))}
    </DataTable>
  );
}
