/** Vietnam's public holidays of a year (lunar Tết and Hùng Kings' day included) with their legal basis. */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { ErrorBox, Loading } from '../../app/components/feedback';
import { formatDateVi, todayInVietnam } from '../../app/format';
import type { calendarOfYear } from '../../../../src/domain/calendar/working-days';
import './texts';

const WEEKDAYS = ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'];

export default function CalendarPage() {
  const { t } = useTranslation();
  const [year, setYear] = useState(Number(todayInVietnam().slice(0, 4)));
  const q = useQuery({ queryKey: ['plan', 'calendar', year], queryFn: ({ signal }) => api<ReturnType<typeof calendarOfYear>>(`/api/plan/calendar?year=${year}`, { signal }) });
  return (
    <section>
      <h1>{t('plan.calendarTitle')}</h1>
      <p className="lead">{t('plan.calendarIntro')}</p>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="cal-year">{t('plan.year')}</label>
          <input id="cal-year" type="number" min={2021} max={2035} value={year} onChange={(e) => setYear(Number(e.target.value) || year)} data-testid="calendar-year" />
        </div>
      </form>
      {q.isPending && <Loading />}
      {q.isError && <ErrorBox error={q.error} />}
      {q.data && (
        <>
          <p className="count" data-testid="calendar-working-days" data-count={q.data.workingDays}>
            {t('plan.workingDays', { n: q.data.workingDays, year: q.data.year })}
          </p>
          <table className="data" data-testid="calendar">
            <thead>
              <tr>
                <th scope="col">{t('plan.date')}</th>
                <th scope="col">{t('plan.holiday')}</th>
                <th scope="col">{t('plan.legalBasis')}</th>
              </tr>
            </thead>
            <tbody>
              {q.data.daysOff.map((d) => (
                <tr key={`${d.date}-${d.code}-${d.compensatory}`} data-code={d.code} data-date={d.date}>
                  <td className="nowrap">
                    {WEEKDAYS[new Date(`${d.date}T00:00:00Z`).getUTCDay()]} {formatDateVi(d.date)}
                  </td>
                  <td>
                    {d.name}
                    {d.compensatory && <small className="muted"> ({t('plan.compensatoryDay')})</small>}
                  </td>
                  <td>
                    <small>{d.legalBasis}</small>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{t('plan.placement')}</h2>
          <ul>
            {q.data.rules.filter((r) => r.placementNote).map((r) => (
              <li key={r.code}>
                <strong>{r.name}</strong>: {r.placementNote} <small className="source">{r.status}</small>
              </li>
            ))}
            <li>
              {q.data.compensatory.legalBasis} <small className="source">{q.data.compensatory.status}</small>
            </li>
            {q.data.overrides.map((o) => (
              <li key={o.code}>
                {o.code}: {o.daysOff.map(formatDateVi).join(', ')} — {o.source}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
