/**
 * The plan as a timeline: one row per task, the planned window (start → deadline) as a bar, the
 * completion as a dot (green on time, red late), the lateness of open tasks as a red extension (grey when
 * nobody has reported: past due, not counted late), and a
 * vertical line at the date viewed ("today"). Plain SVG; data-* attributes carry the figures for tests
 * and screen readers get a text alternative for each row.
 */
import { useTranslation } from 'react-i18next';
import { daysBetween } from '../../../../src/domain/calendar/dates';
import { formatDateVi } from '../../app/format';
import type { PlanRow } from './api';

const ROW = 26;
const LABEL = 64;
const WIDTH = 900;
const TOP = 28;

export function Gantt({ rows, asOf }: { rows: PlanRow[]; asOf: string }) {
  const { t } = useTranslation();
  const dated = rows.filter((r) => r.deadline || r.completedOn);
  const dates = dated.flatMap((r) => [r.startOn, r.deadline, r.completedOn].filter((d): d is string => !!d)).concat(asOf);
  const min = dates.reduce((a, b) => (a < b ? a : b));
  const max = dates.reduce((a, b) => (a > b ? a : b));
  const span = Math.max(1, daysBetween(min, max));
  const x = (d: string) => LABEL + ((WIDTH - LABEL - 10) * daysBetween(min, d)) / span;
  const height = TOP + dated.length * ROW + 24;
  const years: number[] = [];
  for (let y = Number(min.slice(0, 4)) + 1; y <= Number(max.slice(0, 4)); y++) years.push(y);

  return (
    <div className="table-wrap">
      <svg width={WIDTH} height={height} role="img" aria-label={t('plan.timeline')} data-testid="gantt" data-from={min} data-to={max}>
        {years.map((y) => (
          <g key={y}>
            <line x1={x(`${y}-01-01`)} x2={x(`${y}-01-01`)} y1={TOP - 6} y2={height} stroke="#ccc" />
            <text x={x(`${y}-01-01`) + 2} y={14} fontSize="11" fill="#555">
              {y}
            </text>
          </g>
        ))}
        {dated.map((r, i) => {
          const y = TOP + i * ROW;
          const start = r.startOn && r.deadline && r.startOn < r.deadline ? r.startOn : (r.deadline ?? r.completedOn)!;
          const end = r.deadline ?? r.completedOn!;
          const late = (r.daysLate ?? 0) > 0;
          return (
            <g key={r.id} data-testid="gantt-row" data-task-id={r.id} data-position={r.position} data-status={r.status} data-days-late={r.daysLate ?? ''}>
              <title>
                {`${r.position}. ${r.title} — ${t('plan.deadline')}: ${r.deadline ? formatDateVi(r.deadline) : t('plan.noDeadline')}; ${r.statusLabel}${r.completedOn ? ` ${formatDateVi(r.completedOn)}` : ''}${late ? `; ${t('plan.daysLate')}: ${r.daysLate}` : ''}`}
              </title>
              <text x={4} y={y + 16} fontSize="12">
                {r.position}
              </text>
              <rect x={x(start)} y={y + 6} width={Math.max(3, x(end) - x(start))} height={12} fill="#9bb8d3" rx={2} />
              {r.overdue && r.deadline && <rect x={x(r.deadline)} y={y + 9} width={Math.max(2, x(asOf) - x(r.deadline))} height={6} fill="#c0392b" data-testid="gantt-overdue" />}
              {/* past due but nobody has reported: grey, not the red of lateness */}
              {r.pastDueNoReport && r.deadline && (
                <rect x={x(r.deadline)} y={y + 9} width={Math.max(2, x(asOf) - x(r.deadline))} height={6} fill="#bbb" data-testid="gantt-no-report" />
              )}
              {r.completedOn && (
                <circle cx={x(r.completedOn)} cy={y + 12} r={5} fill={late ? '#c0392b' : '#27ae60'} data-testid="gantt-done" data-date={r.completedOn} />
              )}
            </g>
          );
        })}
        <line x1={x(asOf)} x2={x(asOf)} y1={TOP - 8} y2={height} stroke="#d35400" strokeWidth={2} strokeDasharray="4 3" data-testid="gantt-today" data-date={asOf} />
        <text x={x(asOf) - 4} y={height - 4} fontSize="11" fill="#d35400" textAnchor="end">
          {t('plan.todayLine', { date: formatDateVi(asOf) })}
        </text>
      </svg>
    </div>
  );
}
