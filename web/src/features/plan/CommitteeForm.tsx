/**
 * Registers the steering committee of a province or commune (POST /api/plan/committees): the program
 * owner for any unit, a local officer for the units it covers (the server decides). The unit must exist
 * on the date the committee starts.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../app/api';
import { DateField } from '../../app/components/DateField';
import { todayInVietnam } from '../../app/format';
import type { Unit } from '../units/api';
import { UnitPicker } from '../units/UnitPicker';
import { FieldProblem, FormError } from './FormProblems';

const FIELD = /^body\.(unitId|name|validFrom)$/;

export function CommitteeForm() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [level, setLevel] = useState<'province' | 'commune'>('province');
  const [unit, setUnit] = useState<Unit | null>(null);
  const [name, setName] = useState('');
  const [validFrom, setValidFrom] = useState(todayInVietnam());
  const save = useMutation({
    mutationFn: () => post<{ id: string }>('/api/plan/committees', { unitId: unit?.id ?? '', name, validFrom }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['plan', 'committees'] }),
  });
  return (
    <details className="card" data-testid="committee-form">
      <summary>{t('plan.committeeForm.open')}</summary>
      <form className="filters" onSubmit={(e) => (e.preventDefault(), save.mutate())}>
        <div className="field">
          <label htmlFor="cf-level">{t('plan.level')}</label>
          <select id="cf-level" value={level} onChange={(e) => (setLevel(e.target.value as typeof level), setUnit(null))}>
            {(['province', 'commune'] as const).map((l) => (
              <option key={l} value={l}>
                {t(`plan.levels.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <DateField label={t('plan.committeeForm.validFrom')} value={validFrom} onChange={setValidFrom} testId="committee-valid-from" />
        <div className="field">
          <UnitPicker key={level} label={t('plan.committeeForm.unit')} level={level} at={validFrom} value={unit} onChange={setUnit} testId="committee-unit" />
          <FieldProblem error={save.error} path="body.unitId" />
        </div>
        <div className="field">
          <label htmlFor="cf-name">{t('plan.committeeForm.name')}</label>
          <input id="cf-name" value={name} onChange={(e) => setName(e.target.value)} size={50} required />
          <FieldProblem error={save.error} path="body.name" />
        </div>
        <div className="field">
          <span>&nbsp;</span>
          <button type="submit" className="button-primary" disabled={save.isPending || !unit}>
            {t('plan.committeeForm.save')}
          </button>
        </div>
      </form>
      {save.isError && <FormError error={save.error} isField={(p) => FIELD.test(p)} />}
      {save.isSuccess && (
        <p className="alert alert-success" role="status">
          {t('plan.committeeForm.saved')}
        </p>
      )}
    </details>
  );
}
