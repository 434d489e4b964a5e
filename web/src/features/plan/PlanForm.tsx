/**
 * Registers a plan issued by the caller's own agency (a ministry, a province's People's Committee), or by
 * any agency for the program owner: POST /api/plan/plans. The issuer must exist on the issue date.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../app/api';
import { DateField } from '../../app/components/DateField';
import { todayInVietnam } from '../../app/format';
import { agenciesQuery, myAgencyQuery } from './api';
import { FieldProblem, SaveOutcome, TextField } from './FormProblems';

const FIELD = /^body\.(code|title|issuerAgencyId|issuedOn)$/;

export function PlanForm({ central, onCreated }: { central: boolean; onCreated: (planId: number) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [code, setCode] = useState('');
  const [title, setTitle] = useState('');
  const [issuedOn, setIssuedOn] = useState(todayInVietnam());
  const [issuer, setIssuer] = useState('');
  // the program owner may register any agency's plan; others, their own agencies' plans
  const all = useQuery({ ...agenciesQuery(issuedOn), enabled: central });
  const own = useQuery({ ...myAgencyQuery(issuedOn), enabled: !central });
  const issuers = central ? all.data : own.data?.agencies;
  const save = useMutation({
    mutationFn: () =>
      post<{ id: number }>('/api/plan/plans', { code, title, issuedOn, issuerAgencyId: issuer || issuers?.[0]?.id }),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: ['plan', 'plans'] });
      onCreated(r.id);
    },
  });
  return (
    <details className="card" data-testid="new-plan">
      <summary>{t('plan.newPlan.open')}</summary>
      <form className="filters" onSubmit={(e) => (e.preventDefault(), save.mutate())}>
        <TextField
          id="np-code"
          label={t('plan.newPlan.code')}
          value={code}
          onChange={setCode}
          error={save.error}
          path="body.code"
          size={16}
          placeholder="125/KH-UBND"
        />
        <TextField
          id="np-title"
          label={t('plan.newPlan.title')}
          value={title}
          onChange={setTitle}
          error={save.error}
          path="body.title"
          size={50}
        />
        <DateField
          label={t('plan.newPlan.issuedOn')}
          value={issuedOn}
          onChange={setIssuedOn}
          testId="new-plan-issued-on"
        />
        <div className="field">
          <label htmlFor="np-issuer">{t('plan.newPlan.issuer')}</label>
          <select id="np-issuer" value={issuer} onChange={(e) => setIssuer(e.target.value)} required>
            {issuers?.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
          <FieldProblem error={save.error} path="body.issuerAgencyId" />
        </div>
        <div className="field">
          <span>&nbsp;</span>
          <button type="submit" className="button-primary" disabled={save.isPending}>
            {t('plan.newPlan.save')}
          </button>
        </div>
      </form>
      <SaveOutcome save={save} fields={FIELD} saved={() => t('plan.newPlan.saved', { code })} />
    </details>
  );
}
