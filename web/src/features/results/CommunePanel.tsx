/**
 * A commune officer's part of the home page: the reports their commune owes in the periods open for
 * entry, each with its state, deadline and timeliness, and a link to enter or read it.
 */
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorBox, Loading } from '../../app/components/feedback';
import { formatDateVi, todayInVietnam } from '../../app/format';
import { periodsQuery, reportQuery, type PeriodItem } from './api';
import './texts';
import { inLanguage } from '../../app/i18n';

export function CommunePanel({ communeIds }: { communeIds: string[] }) {
  const { t } = useTranslation();
  const periods = useQuery(periodsQuery);
  const today = todayInVietnam();
  const open = (periods.data?.items ?? []).filter(
    (p) => p.unitLevel === 'commune' && p.opensOn <= today && today <= p.closesOn,
  );
  return (
    <section data-testid="commune-panel">
      <h2>{t('results.reportsDue')}</h2>
      {periods.isPending && <Loading />}
      {periods.isError && <ErrorBox error={periods.error} />}
      {periods.data && open.length === 0 && <p className="muted">{t('results.noReportsDue')}</p>}
      <ul className="due-list">
        {open.flatMap((p) => communeIds.map((u) => <DueReport key={`${p.id}-${u}`} period={p} unitId={u} />))}
      </ul>
    </section>
  );
}

function DueReport({ period, unitId }: { period: PeriodItem; unitId: string }) {
  const { t } = useTranslation();
  const q = useQuery(reportQuery(period.id, unitId));
  if (q.isError)
    return (
      <li>
        <ErrorBox error={q.error} />
      </li>
    );
  if (!q.data) return null;
  const v = q.data;
  return (
    <li data-testid={`due-${period.id}`} data-state={v.state}>
      <Link to="/bao-cao/$periodId/$unitId" params={{ periodId: String(period.id), unitId }}>
        {period.formNumber} — {inLanguage(period.labelVi, period.labelEn)}
      </Link>{' '}
      ({v.unit.name}):{' '}
      <strong>{v.report.id === null ? t('results.notStarted') : t(`results.states.${v.state}`)}</strong>
      {' · '}
      {t('results.dueBy', { date: formatDateVi(period.deadline) })} · {t(`results.timeliness.${v.timeliness}`)}
      {v.report.returnedReason && v.state === 'draft' && (
        <> · {t('results.returned', { reason: v.report.returnedReason })}</>
      )}
    </li>
  );
}
