/**
 * The plan as a timeline: one row per task, its number and name on the left (cut short, the full text in
 * the row's tooltip), the planned window (start → deadline) as a bar, the completion as a dot (green on
 * time, red late), the lateness of open tasks as a red extension (grey when nobody has reported: past
 * due, not counted late), and a vertical line at the date viewed ("today"). A legend names the colours;
 * tasks with neither a deadline nor a completion date cannot be placed on the time axis and are listed
 * under the chart instead of being left out. The chart scrolls inside its own box on a phone.
 * Plain SVG; data-* attributes carry the figures for tests and screen readers get a text alternative for each row.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { daysBetween } from '../../../../src/domain/calendar/dates';
import { formatDateVi } from '../../app/format';
import type { PlanRow } from './api';
import { taskStatusLabel } from '../../../../src/domain/labels';
import { currentLanguage } from '../../app/i18n';

const ROW = 26;
const LABEL = 260;
const WIDTH = 960;
const TOP = 28;
/** characters of a task's name shown on its row; the tooltip has the rest */
const NAME_CHARS = 34;

const COLOURS = { window: '#9bb8d3', late: '#c0392b', noReport: '#bbb', onTime: '#27ae60', today: '#d35400' };

const shorten = (text: string, n: number) => (text.length > n ? `${text.slice(0, n - 1).trimEnd()}…` : text);

function Legend() {
  const { t } = useTranslation();
  const items: { key: string; swatch: ReactNode }[] = [
    { key: 'window', swatch: <rect x={1} y={3} width={22} height={10} rx={2} fill={COLOURS.window} /> },
    { key: 'doneOnTime', swatch: <circle cx={12} cy={8} r={5} fill={COLOURS.onTime} /> },
    { key: 'doneLate', swatch: <circle cx={12} cy={8} r={5} fill={COLOURS.late} /> },
    { key: 'overdue', swatch: <rect x={1} y={5} width={22} height={6} fill={COLOURS.late} /> },
    { key: 'noReport', swatch: <rect x={1} y={5} width={22} height={6} fill={COLOURS.noReport} /> },
    {
      key: 'today',
      swatch: <line x1={12} x2={12} y1={0} y2={16} stroke={COLOURS.today} strokeWidth={2} strokeDasharray="4 3" />,
    },
  ];
  return (
    <ul className="gantt-legend" data-testid="gantt-legend" aria-label={t('plan.gantt.legend')}>
      {items.map((i) => (
        <li key={i.key}>
          <svg width={24} height={16} aria-hidden="true">
            {i.swatch}
          </svg>{' '}
          {t(`plan.gantt.${i.key}`)}
        </li>
      ))}
    </ul>
  );
}

export function Gantt({ rows, asOf }: { rows: PlanRow[]; asOf: string }) {
  const { t } = useTranslation();
  const dated = rows.filter((r) => r.deadline || r.completedOn);
  const undated = rows.filter((r) => !r.deadline && !r.completedOn);
  const dates = dated
    .flatMap((r) => [r.startOn, r.deadline, r.completedOn].filter((d): d is string => !!d))
    .concat(asOf);
  const min = dates.reduce((a, b) => (a < b ? a : b));
  const max = dates.reduce((a, b) => (a > b ? a : b));
  const span = Math.max(1, daysBetween(min, max));
  const x = (d: string) => LABEL + ((WIDTH - LABEL - 10) * daysBetween(min, d)) / span;
  const height = TOP + dated.length * ROW + 24;
  const years: number[] = [];
  for (let y = Number(min.slice(0, 4)) + 1; y <= Number(max.slice(0, 4)); y++) years.push(y);

  return (
    <>
      <Legend />
      <div className="table-wrap gantt-box" data-testid="gantt-box">
        <svg
          width={WIDTH}
          height={height}
          role="img"
          aria-label={t('plan.timeline')}
          data-testid="gantt"
          data-from={min}
          data-to={max}
        >
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
            const start =
              r.startOn && r.deadline && r.startOn < r.deadline ? r.startOn : (r.deadline ?? r.completedOn)!;
            const end = r.deadline ?? r.completedOn!;
            const late = (r.daysLate ?? 0) > 0;
            return (
              <g
                key={r.id}
                data-testid="gantt-row"
                data-task-id={r.id}
                data-position={r.position}
                data-status={r.status}
                data-days-late={r.daysLate ?? ''}
              >
                <title>
                  {`${r.position}. ${r.title} — ${t('plan.deadline')}: ${r.deadline ? formatDateVi(r.deadline) : t('plan.noDeadline')}; ${taskStatusLabel(r.status, currentLanguage())}${r.completedOn ? ` ${formatDateVi(r.completedOn)}` : ''}${late ? `; ${t('plan.daysLate')}: ${r.daysLate}` : ''}`}
                </title>
                {i % 2 === 1 && <rect x={0} y={y + 1} width={WIDTH} height={ROW} fill="#f6f8fa" />}
                <text x={4} y={y + 17} fontSize="12" data-testid="gantt-label">
                  <tspan fontWeight="600">{r.position}</tspan> {shorten(r.title, NAME_CHARS)}
                </text>
                <rect
                  x={x(start)}
                  y={y + 6}
                  width={Math.max(3, x(end) - x(start))}
                  height={12}
                  fill={COLOURS.window}
                  rx={2}
                />
                {r.overdue && r.deadline && (
                  <rect
                    x={x(r.deadline)}
                    y={y + 9}
                    width={Math.max(2, x(asOf) - x(r.deadline))}
                    height={6}
                    fill={COLOURS.late}
                    data-testid="gantt-overdue"
                  />
                )}
                {/* past due but nobody has reported: grey, not the red of lateness */}
                {r.pastDueNoReport && r.deadline && (
                  <rect
                    x={x(r.deadline)}
                    y={y + 9}
                    width={Math.max(2, x(asOf) - x(r.deadline))}
                    height={6}
                    fill={COLOURS.noReport}
                    data-testid="gantt-no-report"
                  />
                )}
                {r.completedOn && (
                  <circle
                    cx={x(r.completedOn)}
                    cy={y + 12}
                    r={5}
                    fill={late ? COLOURS.late : COLOURS.onTime}
                    data-testid="gantt-done"
                    data-date={r.completedOn}
                  />
                )}
              </g>
            );
          })}
          <line
            x1={x(asOf)}
            x2={x(asOf)}
            y1={TOP - 8}
            y2={height}
            stroke={COLOURS.today}
            strokeWidth={2}
            strokeDasharray="4 3"
            data-testid="gantt-today"
            data-date={asOf}
          />
          <text x={x(asOf) - 4} y={height - 4} fontSize="11" fill={COLOURS.today} textAnchor="end">
            {t('plan.todayLine', { date: formatDateVi(asOf) })}
          </text>
        </svg>
      </div>
      {undated.length > 0 && (
        <p className="note" data-testid="gantt-undated">
          <strong>{t('plan.gantt.undated')}:</strong>{' '}
          {undated.map((r, i) => (
            <span key={r.id} data-testid="gantt-undated-task" data-position={r.position} title={r.title}>
              {i > 0 && '; '}
              {r.position}. {shorten(r.title, 80)}
            </span>
          ))}
        </p>
      )}
    </>
  );
}
