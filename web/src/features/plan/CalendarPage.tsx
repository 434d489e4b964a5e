/**
 * The days off civil servants got in a year: each holiday's notice (number, date, issuer, status,
 * sources), the days off and the Saturdays worked instead; a year without a notice is flagged.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { ErrorBox, Loading } from '../../app/components/feedback';
import { formatDateVi, todayInVietnam } from '../../app/format';
import type { HolidayNotice } from '../../../../src/domain/calendar';
import type { PlanCalendar } from '../../../../src/modules/plan/contracts';
import { verificationLabel } from '../../../../src/domain/labels';
import { currentLanguage } from '../../app/i18n';
import './texts';

const WEEKDAYS = ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'];
const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();
const withWeekday = (iso: string) => `${WEEKDAYS[weekday(iso)]} ${formatDateVi(iso)}`;

/** "https://… (what the page is)" → link and description */
function SourceLink({ text }: { text: string }) {
  const m = text.match(/^(https?:\/\/\S+)\s*(?:\((.*)\))?$/s);
  if (!m) return <>{text}</>;
  return (
    <a href={m[1]} rel="noreferrer noopener" target="_blank">
      {m[2] || new URL(m[1]).hostname}
    </a>
  );
}

function NoticeRow({ n }: { n: HolidayNotice }) {
  const { t } = useTranslation();
  return (
    <tr data-testid="calendar-notice" data-holiday={n.holiday} data-status={n.status}>
      <td>{n.holiday}</td>
      <td className="nowrap">
        {n.offFrom === n.offTo ? formatDateVi(n.offFrom) : `${formatDateVi(n.offFrom)} – ${formatDateVi(n.offTo)}`}
        {n.workInsteadOn.map((d) => (
          <div key={d}>
            <small>{t('plan.workInstead', { date: withWeekday(d) })}</small>
          </div>
        ))}
      </td>
      <td>
        {n.statutory
          ? t('plan.noNoticeStatutory')
          : n.documents.map((d) => (
              <div key={d.number}>
                <strong>{d.number}</strong>
                {`, ${d.date ? formatDateVi(d.date) : t('plan.noticeDateUnknown')}`}
                {d.issuer && <small className="muted"> — {d.issuer}</small>}
              </div>
            ))}
      </td>
      <td className="nowrap">
        {n.status === 'VERIFIED' ? (
          verificationLabel(n.status, currentLanguage())
        ) : (
          <span className="note">{verificationLabel(n.status, currentLanguage())}</span>
        )}
      </td>
      <td>
        <ul className="plain-list">
          {n.sources.map((s) => (
            <li key={s}>
              <small>
                <SourceLink text={s} />
              </small>
            </li>
          ))}
        </ul>
      </td>
    </tr>
  );
}

export default function CalendarPage() {
  const { t } = useTranslation();
  const [year, setYear] = useState(Number(todayInVietnam().slice(0, 4)));
  const q = useQuery({
    queryKey: ['plan', 'calendar', year],
    queryFn: ({ signal }) => api<PlanCalendar>(`/api/plan/calendar?year=${year}`, { signal }),
  });
  return (
    <section>
      <h1>{t('plan.calendarTitle')}</h1>
      <p className="lead">{t('plan.calendarIntro')}</p>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="cal-year">{t('plan.year')}</label>
          <input
            id="cal-year"
            type="number"
            min={2021}
            max={2035}
            value={year}
            onChange={(e) => setYear(Number(e.target.value) || year)}
            data-testid="calendar-year"
          />
        </div>
      </form>
      {q.isPending && <Loading />}
      {q.isError && <ErrorBox error={q.error} />}
      {q.data && (
        <>
          <p
            data-testid="calendar-basis"
            data-basis={q.data.basis}
            className={q.data.basis === 'published' ? undefined : 'note'}
          >
            {q.data.basis === 'published'
              ? t('plan.basisPublished', { year: q.data.year })
              : t('plan.basisStatutory', { year: q.data.year })}
          </p>
          <p className="count" data-testid="calendar-working-days" data-count={q.data.workingDays}>
            {t('plan.workingDays', { n: q.data.workingDays, year: q.data.year })}
          </p>
          {q.data.notices.length > 0 && (
            <>
              <h2>{t('plan.noticesTitle', { year: q.data.year })}</h2>
              <div className="table-wrap">
                <table className="data" data-testid="calendar-notices">
                  <thead>
                    <tr>
                      <th scope="col">{t('plan.holiday')}</th>
                      <th scope="col">{t('plan.daysOffCol')}</th>
                      <th scope="col">{t('plan.noticeCol')}</th>
                      <th scope="col">{t('plan.verification')}</th>
                      <th scope="col">{t('plan.sourcesCol')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {q.data.notices.map((n) => (
                      <NoticeRow key={n.holiday} n={n} />
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
          <h2>{t('plan.daysOffTitle')}</h2>
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
                <tr
                  key={`${d.date}-${d.code}-${d.compensatory}`}
                  data-code={d.code}
                  data-date={d.date}
                  data-source={d.source}
                  className={[0, 6].includes(weekday(d.date)) ? 'muted' : undefined}
                >
                  <td className="nowrap">{withWeekday(d.date)}</td>
                  <td>
                    {d.name}
                    {d.compensatory && <small className="muted"> ({t('plan.compensatoryDay')})</small>}
                    {d.status === 'UNVERIFIED' && <small className="note"> ({t('plan.unverifiedFact')})</small>}
                  </td>
                  <td>
                    <small>{d.source}</small>
                  </td>
                </tr>
              ))}
              {q.data.workingSaturdays.map((d) => (
                <tr key={`work-${d}`} data-date={d} data-working="true">
                  <td className="nowrap">{withWeekday(d)}</td>
                  <td>{t('plan.workingSaturday')}</td>
                  <td />
                </tr>
              ))}
            </tbody>
          </table>
          {q.data.basis === 'statutory_default' && (
            <>
              <h2>{t('plan.placement')}</h2>
              <ul>
                {q.data.rules
                  .filter((r) => r.placementNote)
                  .map((r) => (
                    <li key={r.code}>
                      <strong>{r.name}</strong>: {r.placementNote}{' '}
                      <small className="note">{t('plan.unverifiedFact')}</small>
                    </li>
                  ))}
                <li>
                  {q.data.compensatory.legalBasis} <small className="note">{t('plan.unverifiedFact')}</small>
                </li>
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
