/**
 * Allocation: criteria data import, a run from a rulebook version, the table as officials publish it
 * (Excel, PDF), the rulebook's coefficients with their status, and the what-if comparison.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post, query } from '../../app/api';
import { ErrorBox } from '../../app/components/feedback';
import { DateField } from '../../app/components/DateField';
import { DataTable, QueryList } from '../../app/components/lists';
import { formatDateVi, formatNumberVi, todayInVietnam } from '../../app/format';
import { currentLanguage, type Language } from '../../app/i18n';
import { CRITERIA_BY_CODE } from '../../../../src/domain/budget/criteria';
import { criteriaSetsQuery, rulebooksQuery, runsQuery, toMillion } from './api';
import { FileImport } from './FileImport';
import { RunView } from './RunView';
import './texts';

export default function AllocationPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const runs = useQuery(runsQuery());
  const list = useQuery({ ...runsQuery(), select: (d) => d.items });
  const [selected, setSelected] = useState<number | null>(null);
  const can = runs.data?.can;
  return (
    <section data-testid="budget-allocation-page">
      <h1>{t('budget.allocTitle')}</h1>
      <p className="lead">{t('budget.allocIntro')}</p>
      {can?.runAllocations && (
        <CriteriaImport onDone={() => qc.invalidateQueries({ queryKey: ['budget', 'criteria'] })} />
      )}
      {can?.runAllocations && (
        <RunForm
          onRan={(id) => {
            setSelected(id);
            void qc.invalidateQueries({ queryKey: ['budget', 'runs'] });
          }}
        />
      )}
      <h2>{t('budget.runs')}</h2>
      <QueryList query={list} empty={t('budget.none')}>
        {(items) => (
          <DataTable
            testId="budget-runs"
            columns={[t('budget.runName'), t('budget.rulebook'), { label: t('budget.pool'), className: 'num' }, '', '']}
          >
            {items.map((r) => (
              <tr key={r.id} data-run={r.id}>
                <td>
                  {r.name}
                  {r.kind === 'scenario' && <em> ({t('budget.scenario')})</em>}
                </td>
                <td>
                  {r.rulebookName} ({t('budget.version', { v: r.rulebookVersion })})
                </td>
                <td className="num">{formatNumberVi(toMillion(r.pool))}</td>
                <td>{formatDateVi(r.createdAt)}</td>
                <td>
                  <button
                    className="button-secondary"
                    onClick={() => setSelected(r.id)}
                    data-testid={`budget-open-${r.id}`}
                  >
                    {t('budget.open')}
                  </button>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </QueryList>
      {selected !== null && (
        <RunView
          id={selected}
          can={can}
          onScenario={(id) => {
            void qc.invalidateQueries({ queryKey: ['budget', 'runs'] });
            return id;
          }}
        />
      )}
    </section>
  );
}

function CriteriaImport({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [asOf, setAsOf] = useState(todayInVietnam());
  const [source, setSource] = useState('');
  return (
    <>
      <h2>{t('budget.criteria')}</h2>
      <p>
        <a className="button-secondary" href="/api/budget/criteria-template.xlsx" download>
          {t('budget.criteriaTemplate')}
        </a>
      </p>
      <FileImport<{ id: number; provinces: number }>
        path={`/api/budget/criteria-sets/import${query({ name, asOf, source })}`}
        testId="budget-criteria"
        onDone={onDone}
        done={(r) => t('budget.imported', { n: r.provinces })}
      >
        <label className="field">
          <span>{t('budget.criteriaName')}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} data-testid="budget-criteria-name" />
        </label>
        <DateField label={t('budget.criteriaAsOf')} value={asOf} onChange={setAsOf} testId="budget-criteria-asof" />
        <label className="field">
          <span>{t('budget.criteriaSource')}</span>
          <input value={source} onChange={(e) => setSource(e.target.value)} data-testid="budget-criteria-source" />
        </label>
      </FileImport>
    </>
  );
}

function RunForm({ onRan }: { onRan: (id: number) => void }) {
  const { t } = useTranslation();
  const books = useQuery(rulebooksQuery());
  const sets = useQuery(criteriaSetsQuery());
  const [name, setName] = useState('');
  const [rulebookId, setRulebookId] = useState('');
  const [setId, setSetId] = useState('');
  const [pool, setPool] = useState('');
  const [reserved, setReserved] = useState('0');
  const run = useMutation({
    mutationFn: () =>
      post<{ id: number }>('/api/budget/runs', {
        name,
        rulebookId: Number(rulebookId),
        criteriaSetId: Number(setId),
        unit: 'million',
        pool: (BigInt(pool.replace(/\D/g, '') || '0') * 1_000_000n).toString(),
        reserved: Number(reserved.replace(/\D/g, '') || '0') * 1_000_000,
      }),
    onSuccess: (r) => onRan(r.id),
  });
  return (
    <>
      <h2>{t('budget.run')}</h2>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          run.mutate();
        }}
      >
        <label className="field">
          <span>{t('budget.runName')}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} required data-testid="budget-run-name" />
        </label>
        <label className="field">
          <span>{t('budget.rulebook')}</span>
          <select
            value={rulebookId}
            onChange={(e) => setRulebookId(e.target.value)}
            required
            data-testid="budget-run-rulebook"
          >
            <option value="" />
            {books.data?.items.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name} ({t('budget.version', { v: b.version })})
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('budget.dataset')}</span>
          <select value={setId} onChange={(e) => setSetId(e.target.value)} required data-testid="budget-run-set">
            <option value="" />
            {sets.data?.items.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({t('budget.provinces', { n: s.provinces })}, {formatDateVi(s.asOf)})
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('budget.pool')}</span>
          <input
            inputMode="numeric"
            value={pool}
            onChange={(e) => setPool(e.target.value)}
            required
            data-testid="budget-run-pool"
          />
        </label>
        <label className="field">
          <span>{t('budget.reserved')}</span>
          <input inputMode="numeric" value={reserved} onChange={(e) => setReserved(e.target.value)} />
        </label>
        <div className="field">
          <span>&nbsp;</span>
          <button className="button-primary" type="submit" disabled={run.isPending} data-testid="budget-run-submit">
            {t('budget.runButton')}
          </button>
        </div>
      </form>
      {run.isError && <ErrorBox error={run.error} />}
      {run.isSuccess && (
        <p className="alert alert-success" role="status">
          {t('budget.ran')}
        </p>
      )}
    </>
  );
}

export const statusLabel = (t: (k: string) => string, s: string | undefined) =>
  s === 'verified' || s === 'verified_secondary' ? t('budget.verified') : t('budget.unverified');
/** A criterion's name in the interface language (or in `lang`: a name stored with the data stays Vietnamese). */
export const criterionLabel = (code: string, lang: Language = currentLanguage()) => {
  const c = CRITERIA_BY_CODE.get(code);
  return c ? (lang === 'en' ? c.labelEn : c.labelVi) : code;
};
