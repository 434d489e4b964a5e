/** One run: the published table, exports, the coefficients and a what-if scenario with its differences. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../app/api';
import { ErrorBox, Loading } from '../../app/components/feedback';
import { DataTable } from '../../app/components/lists';
import { formatNumberVi } from '../../app/format';
import type { Rulebook } from '../../../../src/domain/budget/rulebook';
import { compareQuery, runQuery, toMillion, type Permissions, type RunSummary } from './api';
import { criterionLabel, statusLabel } from './AllocationPage';
import './texts';

export function RunView({ id, can, onScenario }: { id: number; can?: Permissions; onScenario: (id: number) => void }) {
  const { t } = useTranslation();
  const detail = useQuery(runQuery(id));
  const [scenario, setScenario] = useState<number | null>(null);
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <ErrorBox error={detail.error} />;
  const { run, lines } = detail.data;
  const baseId = run.baseRunId ?? run.id;
  const compareWith = run.baseRunId ? run.id : scenario;
  return (
    <div data-testid="budget-run" data-run={run.id}>
      <h2>
        {t('budget.table')}: {run.name}
      </h2>
      <p>
        {run.legalBasis}; {run.rulebookName} ({t('budget.version', { v: run.rulebookVersion })})
      </p>
      <p>
        <a
          className="button-secondary"
          href={`/api/budget/runs/${run.id}/export.xlsx`}
          download
          data-testid="budget-export-xlsx"
        >
          {t('budget.exportXlsx')}
        </a>{' '}
        <a
          className="button-secondary"
          href={`/api/budget/runs/${run.id}/export.pdf`}
          download
          data-testid="budget-export-pdf"
        >
          {t('budget.exportPdf')}
        </a>
      </p>
      <p className="right">
        <em>{t('budget.unitNote')}</em>
      </p>
      <DataTable
        testId="budget-table"
        columns={[
          t('budget.stt'),
          t('budget.province'),
          { label: t('budget.points'), className: 'num' },
          { label: t('budget.amount'), className: 'num' },
          t('budget.explanation'),
        ]}
      >
        {lines.map((l, i) => (
          <tr key={l.unitId} data-province={l.provinceCode} data-amount={l.amount}>
            <td>{i + 1}</td>
            <td>{l.provinceName}</td>
            <td className="num">{formatNumberVi(l.points)}</td>
            <td className="num">{formatNumberVi(toMillion(l.amount))}</td>
            <td>
              <small>{l.explanation.slice(l.provinceName.length + 2)}</small>
            </td>
          </tr>
        ))}
        <tr className="total">
          <td />
          <td>
            <strong>{t('budget.total')}</strong>
          </td>
          <td className="num">
            <strong>{formatNumberVi(lines.reduce((s, l) => s + l.points, 0))}</strong>
          </td>
          <td className="num" data-testid="budget-table-total">
            <strong>{formatNumberVi(toMillion(lines.reduce((s, l) => s + l.amount, 0)))}</strong>
          </td>
          <td />
        </tr>
      </DataTable>
      <h3>{t('budget.coefficients')}</h3>
      <DataTable
        testId="budget-coefficients"
        columns={[t('budget.criterion'), { label: t('budget.coefficient'), className: 'num' }, t('budget.status')]}
      >
        {run.rulebook.criteria.map((c) => (
          <tr key={c.code}>
            <td>{criterionLabel(c.code)}</td>
            <td className="num">
              {c.bands ? t('budget.bands') : c.perUnit === null ? t('budget.missing') : formatNumberVi(c.perUnit!)}
            </td>
            <td>{statusLabel(t, c.status)}</td>
          </tr>
        ))}
      </DataTable>
      {can?.runAllocations && !run.baseRunId && (
        <WhatIf
          run={run}
          onRan={(sid) => {
            setScenario(sid);
            onScenario(sid);
          }}
        />
      )}
      {compareWith !== null && <Comparison base={baseId} other={compareWith} />}
    </div>
  );
}

function WhatIf({ run, onRan }: { run: RunSummary & { rulebook: Rulebook }; onRan: (id: number) => void }) {
  const { t } = useTranslation();
  const perUnit = run.rulebook.criteria.filter((c) => c.perUnit !== undefined);
  const [code, setCode] = useState<string>(perUnit[0]?.code ?? '');
  const [value, setValue] = useState('');
  const [name, setName] = useState('');
  const go = useMutation({
    mutationFn: () =>
      post<{ id: number }>('/api/budget/runs', {
        // the scenario's default name is stored with the data, in Vietnamese like every stored name
        name: name || `${run.name}: ${criterionLabel(code, 'vi')} = ${value}`,
        rulebookId: run.rulebookId,
        criteriaSetId: run.criteriaSetId,
        unit: run.unit,
        pool: String(run.pool),
        reserved: run.reserved,
        year: run.year ?? undefined,
        baseRunId: run.id,
        coefficients: { [code]: Number(value.replace(',', '.')) },
      }),
    onSuccess: (r) => onRan(r.id),
  });
  return (
    <>
      <h3>{t('budget.whatIf')}</h3>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          go.mutate();
        }}
      >
        <label className="field">
          <span>{t('budget.criterion')}</span>
          <select value={code} onChange={(e) => setCode(e.target.value)} data-testid="budget-whatif-criterion">
            {perUnit.map((c) => (
              <option key={c.code} value={c.code}>
                {criterionLabel(c.code)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('budget.coefficient')}</span>
          <input
            inputMode="decimal"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            required
            data-testid="budget-whatif-value"
          />
        </label>
        <label className="field">
          <span>{t('budget.whatIfName')}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <div className="field">
          <span>&nbsp;</span>
          <button className="button-primary" type="submit" disabled={go.isPending} data-testid="budget-whatif-submit">
            {t('budget.whatIfRun')}
          </button>
        </div>
      </form>
      {go.isError && <ErrorBox error={go.error} />}
    </>
  );
}

function Comparison({ base, other }: { base: number; other: number }) {
  const { t } = useTranslation();
  const c = useQuery(compareQuery(base, other));
  if (c.isPending) return <Loading />;
  if (c.isError) return <ErrorBox error={c.error} />;
  return (
    <>
      <h3>{t('budget.comparison')}</h3>
      <DataTable
        testId="budget-comparison"
        columns={[
          t('budget.province'),
          { label: t('budget.base'), className: 'num' },
          { label: t('budget.scenarioAmount'), className: 'num' },
          { label: t('budget.difference'), className: 'num' },
        ]}
      >
        {c.data.items.map((d) => (
          <tr key={d.unitId} data-difference={d.difference}>
            <td>{d.provinceName}</td>
            <td className="num">{formatNumberVi(toMillion(d.baseAmount))}</td>
            <td className="num">{formatNumberVi(toMillion(d.amount))}</td>
            <td className="num">
              {d.difference > 0 ? '+' : ''}
              {formatNumberVi(toMillion(d.difference))}
            </td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
