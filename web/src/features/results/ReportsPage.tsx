/** Reporting periods; the reports of one period within the caller's scope; the owner opens periods. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../app/api';
import { ErrorBox, Loading } from '../../app/components/feedback';
import { DataTable } from '../../app/components/lists';
import { formatDateVi } from '../../app/format';
import { useMe } from '../../app/session';
import { FileImport } from '../budget/FileImport';
import { periodReportsQuery, periodsQuery, type PeriodItem } from './api';
import './texts';
import { currentLanguage, inLanguage } from '../../app/i18n';
import { reviewLevelLabel } from '../../../../src/domain/labels';

export default function ReportsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const periods = useQuery(periodsQuery);
  const [chosen, setChosen] = useState<number | null>(null);
  const list = periods.data?.items ?? [];
  const period = list.find((p) => p.id === chosen) ?? list[0];
  const ownUnits = me.user.grants
    .filter((g) => (g.role === 'commune_officer' || g.role === 'province_officer') && g.unitId)
    .map((g) => ({ role: g.role, unitId: g.unitId as string }));
  return (
    <section>
      <h1>{t('results.reportsTitle')}</h1>
      <p className="lead">{t('results.reportsIntro')}</p>
      {periods.isPending && <Loading />}
      {periods.isError && <ErrorBox error={periods.error} />}
      {periods.data?.can.open && <OpenPeriodForm />}
      {list.length === 0 && periods.data && <p className="muted">{t('results.noPeriods')}</p>}
      {period && (
        <>
          <div className="field">
            <label htmlFor="period-choice">{t('results.choosePeriod')}</label>
            <select id="period-choice" value={period.id} onChange={(e) => setChosen(Number(e.target.value))}>
              {list.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.formNumber} — {inLanguage(p.labelVi, p.labelEn)}
                </option>
              ))}
            </select>
          </div>
          <p className="note">
            {t('results.window', {
              from: formatDateVi(period.opensOn),
              to: formatDateVi(period.closesOn),
              deadline: formatDateVi(period.deadline),
            })}
          </p>
          {ownUnits
            .filter((u) =>
              period.unitLevel === 'commune' ? u.role === 'commune_officer' : u.role === 'province_officer',
            )
            .map((u) => (
              <p key={u.unitId}>
                <Link
                  className="button-primary"
                  to="/bao-cao/$periodId/$unitId"
                  params={{ periodId: String(period.id), unitId: u.unitId }}
                  data-testid="my-report"
                >
                  {t('results.myReport')}
                </Link>
              </p>
            ))}
          <PeriodTable period={period} canImport={ownUnits.length > 0} />
        </>
      )}
    </section>
  );
}

function PeriodTable({ period, canImport }: { period: PeriodItem; canImport: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const q = useQuery(periodReportsQuery(period.id));
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorBox error={q.error} />;
  const c = q.data.completeness;
  const rows = q.data.rows.filter((r) => r.reportId !== null);
  return (
    <>
      <p data-testid="completeness">
        {t('results.completeness', c)} ·{' '}
        <a href={`/api/results/periods/${period.id}/export.xlsx`} download data-testid="period-export-xlsx">
          {t('results.exportXlsx')}
        </a>{' '}
        ·{' '}
        <a href={`/api/results/periods/${period.id}/export.csv`} download>
          {t('results.exportCsv')}
        </a>{' '}
        ·{' '}
        <a href={`/api/results/periods/${period.id}/export.json`} download>
          {t('results.exportJson')}
        </a>
      </p>
      {canImport && (
        <details>
          <summary>{t('results.importTitle')}</summary>
          <p className="note">{t('results.importNote')}</p>
          <FileImport<{ changed: number; unchanged: number }>
            path={`/api/results/periods/${period.id}/import`}
            testId="period-import"
            onDone={() => void qc.invalidateQueries({ queryKey: ['results'] })}
            done={(r) => t('results.imported', r)}
          />
        </details>
      )}
      <DataTable
        testId="period-reports"
        columns={[t('results.unit'), t('results.state'), t('results.submitted'), t('results.deadline'), '']}
      >
        {rows.map((r) => (
          <tr key={r.unitId} data-unit={r.unitCode}>
            <td>{r.unitName}</td>
            <td>
              {t(`results.states.${r.state}`)}
              {r.nextLevel && r.state !== 'draft' && (
                <small className="muted">
                  {' '}
                  — {t('results.waiting', { level: reviewLevelLabel(r.nextLevel, currentLanguage()).toLowerCase() })}
                </small>
              )}
            </td>
            <td>{r.submittedOn ? formatDateVi(r.submittedOn) : '—'}</td>
            <td>{t(`results.timeliness.${r.timeliness}`)}</td>
            <td>
              <Link to="/bao-cao/$periodId/$unitId" params={{ periodId: String(period.id), unitId: r.unitId }}>
                {t('results.view')}
              </Link>
            </td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}

function OpenPeriodForm() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [form, setForm] = useState('TT10-BIEU-02');
  const [key, setKey] = useState('');
  const m = useMutation({
    mutationFn: () => post('/api/results/periods', { form, periodKey: key }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['results'] }),
  });
  return (
    <form
      className="filters"
      onSubmit={(e) => {
        e.preventDefault();
        m.mutate();
      }}
      aria-label={t('results.openPeriod')}
    >
      <div className="field">
        <label htmlFor="open-form">{t('results.form')}</label>
        <select id="open-form" value={form} onChange={(e) => setForm(e.target.value)}>
          <option value="TT10-BIEU-02">{t('results.formOptionBieu02')}</option>
          <option value="TT10-BIEU-01">{t('results.formOptionBieu01')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="open-key">{t('results.periodKey')}</label>
        <input id="open-key" value={key} onChange={(e) => setKey(e.target.value)} />
      </div>
      <div className="field">
        <span>&nbsp;</span>
        <button className="button-primary" type="submit" disabled={m.isPending}>
          {t('results.open')}
        </button>
      </div>
      {m.isError && <ErrorBox error={m.error} />}
    </form>
  );
}
