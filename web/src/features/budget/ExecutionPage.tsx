/**
 * Execution dashboard: per province assigned, disbursed, rate and local counterpart compliance,
 * the monthly disbursement trend, slow lines; province officers report disbursement (form or Excel).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post, query } from '../../app/api';
import { Empty, ErrorBox, Loading } from '../../app/components/feedback';
import { DataTable } from '../../app/components/lists';
import { formatNumberVi } from '../../app/format';
import { executionQuery, toMillion, type ExecutionDashboard } from './api';
import { FileImport } from './FileImport';
import './texts';

const ExecutionMap = lazy(() => import('./ExecutionMap').then((m) => ({ default: m.ExecutionMap })));
const TrendChart = lazy(() => import('./TrendChart').then((m) => ({ default: m.TrendChart })));
const pct = (r: number | null) => (r === null ? '—' : `${formatNumberVi(r * 100, 1)}%`);
const m = (v: number | null) => (v === null ? '—' : formatNumberVi(Math.round(toMillion(v) * 1000) / 1000));

export default function ExecutionPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [year, setYear] = useState(2025);
  const [boundaries, setBoundaries] = useState('recorded');
  const d = useQuery(executionQuery(year, boundaries));
  const refresh = () => qc.invalidateQueries({ queryKey: ['budget', 'execution'] });
  return (
    <section data-testid="budget-execution-page">
      <h1>{t('budget.execTitle')}</h1>
      <p className="lead">{t('budget.execIntro')}</p>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label className="field">
          <span>{t('budget.year')}</span>
          <input
            type="number"
            min={2021}
            max={2030}
            value={year}
            onChange={(e) => setYear(Number(e.target.value))}
            data-testid="budget-year"
          />
        </label>
        <label className="field">
          <span>{t('budget.boundaries')}</span>
          <select value={boundaries} onChange={(e) => setBoundaries(e.target.value)} data-testid="budget-boundaries">
            <option value="recorded">{t('budget.recorded')}</option>
            <option value="current">{t('budget.current')}</option>
          </select>
        </label>
      </form>
      {d.isPending && <Loading />}
      {d.isError && <ErrorBox error={d.error} />}
      {d.data && <Dashboard data={d.data} boundaries={boundaries} />}
      {d.data?.can.reportExecution && <ReportForm data={d.data} onDone={refresh} />}
      {d.data?.can.reportExecution && (
        <>
          <h2>{t('budget.reportImport')}</h2>
          <p>
            <a className="button-secondary" href="/api/budget/report-template.xlsx" download>
              {t('budget.reportTemplate')}
            </a>
          </p>
          <FileImport<{ rows: number }>
            path={`/api/budget/reports/import${query({ year })}`}
            testId="budget-report-xlsx"
            onDone={refresh}
            done={(r) => t('budget.reportImported', { n: r.rows })}
          />
        </>
      )}
    </section>
  );
}

function Dashboard({ data, boundaries }: { data: ExecutionDashboard; boundaries: string }) {
  const { t } = useTranslation();
  if (data.items.length === 0) return <Empty>{t('budget.noLines')}</Empty>;
  return (
    <>
      <p data-testid="budget-total">
        {t('budget.total_', {
          assigned: m(data.total.assigned),
          disbursed: m(data.total.disbursed),
          rate: pct(data.total.rate),
        })}
      </p>
      <DataTable
        testId="budget-execution"
        columns={[
          t('budget.province'),
          { label: t('budget.assigned'), className: 'num' },
          { label: t('budget.disbursed'), className: 'num' },
          { label: t('budget.rate'), className: 'num' },
          { label: t('budget.counterpartMin'), className: 'num' },
          { label: t('budget.counterpartPlanned'), className: 'num' },
          t('budget.complianceHeader'),
        ]}
      >
        {data.items.map((p) => (
          <tr
            key={p.unitId}
            data-province={p.provinceCode}
            data-rate={p.rate ?? ''}
            data-compliance={p.counterpart.planned_status}
            data-actual-compliance={p.counterpart.actual_status}
          >
            <td>
              {p.provinceName}
              {p.slow && <strong className="badge"> {t('budget.slow')}</strong>}
            </td>
            <td className="num">{m(p.assigned + p.adjusted)}</td>
            <td className="num">{m(p.disbursed)}</td>
            <td className="num">{pct(p.rate)}</td>
            <td className="num" title={p.counterpart.note ?? ''}>
              {m(p.counterpart.minimum)}
            </td>
            <td className="num">{m(p.counterpart.planned)}</td>
            <td title={p.counterpart.note ?? ''}>
              {t(`budget.compliance.${p.counterpart.planned_status}`)} /{' '}
              {t(`budget.compliance.${p.counterpart.actual_status}`)}
            </td>
          </tr>
        ))}
      </DataTable>
      <h2>{t('budget.map')}</h2>
      <Suspense fallback={<Loading />}>
        <ExecutionMap data={data} boundaries={boundaries} />
      </Suspense>
      <h2>{t('budget.trend')}</h2>
      <Suspense fallback={<Loading />}>
        <TrendChart values={data.trend.map(toMillion)} label={t('budget.trend')} monthLabel={t('budget.month')} />
      </Suspense>
      <h2>{t('budget.alerts')}</h2>
      {data.alerts.length === 0 ? (
        <Empty>{t('budget.noAlerts')}</Empty>
      ) : (
        <ul data-testid="budget-alerts">
          {data.alerts.map((a) => (
            <li key={a.lineId}>
              {a.provinceName}: {a.project}
              {a.subProject ? ` / ${a.subProject}` : ''}, {t(`budget.sources.${a.source}`)}, {pct(a.rate)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function ReportForm({ data, onDone }: { data: ExecutionDashboard; onDone: () => void }) {
  const { t } = useTranslation();
  const lines = data.items.flatMap((p) => p.lines);
  const [lineId, setLineId] = useState('');
  const [month, setMonth] = useState('1');
  const [amount, setAmount] = useState('');
  const send = useMutation({
    mutationFn: () =>
      post(`/api/budget/lines/${lineId}/transactions`, {
        phase: 'disbursed',
        month: Number(month),
        amount: Math.round(Number(amount.replace(/\./g, '').replace(',', '.')) * 1_000_000),
      }),
    onSuccess: onDone,
  });
  return (
    <>
      <h2>{t('budget.report')}</h2>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          send.mutate();
        }}
      >
        <label className="field">
          <span>{t('budget.line')}</span>
          <select value={lineId} onChange={(e) => setLineId(e.target.value)} required data-testid="budget-report-line">
            <option value="" />
            {lines.map((l) => (
              <option key={l.lineId} value={l.lineId}>
                {l.provinceName}: {l.project}
                {l.subProject ? ` / ${l.subProject}` : ''}, {t(`budget.sources.${l.source}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('budget.month')}</span>
          <select value={month} onChange={(e) => setMonth(e.target.value)} data-testid="budget-report-month">
            {Array.from({ length: 12 }, (_, i) => (
              <option key={i + 1} value={i + 1}>
                {i + 1}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('budget.amountMillion')}</span>
          <input
            inputMode="decimal"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            required
            data-testid="budget-report-amount"
          />
        </label>
        <div className="field">
          <span>&nbsp;</span>
          <button className="button-primary" type="submit" disabled={send.isPending} data-testid="budget-report-submit">
            {t('budget.reportButton')}
          </button>
        </div>
      </form>
      {send.isError && <ErrorBox error={send.error} />}
      {send.isSuccess && (
        <p className="alert alert-success" role="status" data-testid="budget-report-ok">
          {t('budget.reported')}
        </p>
      )}
    </>
  );
}
