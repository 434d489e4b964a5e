/**
 * One unit's report in one period: entry (fits a 390 px phone), save and submit with the form's
 * validation rules, approval or return by the level whose turn it is. What the caller may do comes
 * from the server (`can`).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, post } from '../../app/api';
import { ErrorBox, Loading } from '../../app/components/feedback';
import { formatDateVi, formatNumberVi } from '../../app/format';
import { reportQuery, type ReportView } from './api';
import './texts';
import { currentLanguage, inLanguage } from '../../app/i18n';
import { reviewLevelLabel } from '../../../../src/domain/labels';

/** Problems of a refused save or submission, in Vietnamese (no rule codes on the screen). */
function Problems({ error }: { error: unknown }) {
  if (!error) return null;
  if (error instanceof ApiError && error.problems.length) {
    return (
      <div className="alert alert-error" role="alert" data-testid="report-problems">
        <strong>{error.message}</strong>
        <ul>
          {error.problems.map((p, i) => (
            <li key={i}>{p.message}</li>
          ))}
        </ul>
      </div>
    );
  }
  return <ErrorBox error={error} />;
}

export default function ReportPage() {
  const { periodId, unitId } = useParams({ strict: false }) as { periodId: string; unitId: string };
  const q = useQuery(reportQuery(Number(periodId), unitId));
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorBox error={q.error} />;
  return <ReportForm view={q.data} />;
}

function ReportForm({ view }: { view: ReportView }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [values, setValues] = useState<Record<string, string>>({});
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    setValues(
      Object.fromEntries(
        view.form.fields.map((f) => [
          f.code,
          view.report.values[f.code] == null ? '' : String(view.report.values[f.code]),
        ]),
      ),
    );
  }, [view]);
  const key = ['results', 'report', view.period.id, view.unit.id];
  const done = (data: ReportView) => {
    qc.setQueryData(key, data);
    void qc.invalidateQueries({ queryKey: ['results'], predicate: (q) => q.queryKey[1] !== 'report' });
  };
  const base = `/api/results/periods/${view.period.id}/units/${encodeURIComponent(view.unit.id)}`;
  const parsed = () =>
    Object.fromEntries(
      Object.entries(values).map(([k, v]) => [
        k,
        v.trim() === '' ? null : Number(v.replace(/\./g, '').replace(',', '.')),
      ]),
    );
  const save = useMutation({
    mutationFn: () => api<ReportView>(base, { method: 'PUT', body: { values: parsed() } }),
    onSuccess: (d) => {
      done(d);
      setMessage(t('results.saved'));
    },
  });
  const submit = useMutation({
    mutationFn: () => post<ReportView>(`${base}/submit`),
    onSuccess: (d) => {
      done(d);
      setMessage(null);
    },
  });
  const approve = useMutation({
    mutationFn: () => post<ReportView>(`/api/results/reports/${view.report.id}/approve`),
    onSuccess: done,
  });
  const ret = useMutation({
    mutationFn: () => post<ReportView>(`/api/results/reports/${view.report.id}/return`, { reason }),
    onSuccess: done,
  });
  const error = save.error ?? submit.error ?? approve.error ?? ret.error;
  return (
    <section className="report-page" data-testid="report" data-state={view.state}>
      <h1>
        {view.form.number}: {view.form.nameVi}
      </h1>
      <p className="lead">
        {view.unit.name} — {inLanguage(view.period.labelVi, view.period.labelEn)}
      </p>
      <p className="note">
        {t('results.window', {
          from: formatDateVi(view.period.opensOn),
          to: formatDateVi(view.period.closesOn),
          deadline: formatDateVi(view.period.deadline),
        })}
      </p>
      <p>
        <strong data-testid="report-state">{t(`results.states.${view.state}`)}</strong>
        {view.nextLevel && view.state !== 'draft' && (
          <> — {t('results.waiting', { level: reviewLevelLabel(view.nextLevel, currentLanguage()).toLowerCase() })}</>
        )}
        {' · '}
        {t(`results.timeliness.${view.timeliness}`)}
      </p>
      {view.report.returnedReason && view.state === 'draft' && (
        <p className="alert alert-warning" data-testid="returned">
          {t('results.returned', { reason: view.report.returnedReason })}
        </p>
      )}
      <Problems error={error} />
      {message && !error && (
        <p className="alert alert-success" role="status">
          {message}
        </p>
      )}
      <form
        className="stacked"
        onSubmit={(e) => {
          e.preventDefault();
          setMessage(null);
          save.mutate();
        }}
      >
        {view.form.fields.map((f) => (
          <div className="field" key={f.code}>
            <label htmlFor={`f-${f.code}`}>
              {f.labelVi} ({f.unit})
            </label>
            {view.can.edit ? (
              <input
                id={`f-${f.code}`}
                inputMode="numeric"
                value={values[f.code] ?? ''}
                onChange={(e) => setValues({ ...values, [f.code]: e.target.value })}
                data-field={f.code}
              />
            ) : (
              <output id={`f-${f.code}`} data-field={f.code}>
                {view.report.values[f.code] == null ? '—' : formatNumberVi(view.report.values[f.code] as number)}
              </output>
            )}
          </div>
        ))}
        <div className="actions">
          {view.can.edit && (
            <button type="submit" className="button-secondary" disabled={save.isPending}>
              {t('results.save')}
            </button>
          )}{' '}
          {view.can.submit && (
            <button
              type="button"
              className="button-primary"
              onClick={() => submit.mutate()}
              disabled={submit.isPending}
            >
              {t('results.submit')}
            </button>
          )}
        </div>
      </form>
      {view.failures.length > 0 && view.report.id !== null && (
        <div className="alert alert-warning">
          {t('results.failures')}
          <ul>
            {view.failures.map((f) => (
              <li key={f.rule}>{f.message}</li>
            ))}
          </ul>
        </div>
      )}
      {(view.can.approve || view.can.return) && (
        <div className="approval">
          {view.can.approve && (
            <button
              type="button"
              className="button-primary"
              onClick={() => approve.mutate()}
              disabled={approve.isPending}
            >
              {t('results.approve')}
            </button>
          )}
          {view.can.return && (
            <div className="field">
              <label htmlFor="return-reason">{t('results.returnReason')}</label>
              <input id="return-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
              <button type="button" className="button-secondary" onClick={() => ret.mutate()} disabled={ret.isPending}>
                {t('results.return')}
              </button>
            </div>
          )}
        </div>
      )}
      <h2>{t('results.chain')}</h2>
      <ol>
        {view.period.chain.map((c) => {
          const a = view.report.approvals.find((x) => x.level === c.level);
          return (
            <li key={c.level}>
              {reviewLevelLabel(c.level, currentLanguage())}
              {a ? ` — ${t('results.approvals').toLowerCase()} ${formatDateVi(a.on)} (${a.by})` : ''}
            </li>
          );
        })}
      </ol>
      {view.can.print && view.report.id !== null && (
        <p>
          <Link to="/bao-cao/in/$reportId" params={{ reportId: String(view.report.id) }} data-testid="print-link">
            {t('results.print')}
          </Link>
        </p>
      )}
      <h2>{t('results.rules')}</h2>
      <ul>
        {view.form.rules.map((r) => (
          <li key={r.code}>{r.nameVi}</li>
        ))}
      </ul>
      {view.form.note && (
        <p className="source">
          {t('results.fieldsNote')}: {view.form.note} ({view.form.legalBasis})
        </p>
      )}
    </section>
  );
}
