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
import { FieldProblem, SaveOutcome, TextField } from './FormProblems';

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
          <select
            id="cf-level"
            value={level}
            onChange={(e) => (setLevel(e.target.value as typeof level), setUnit(null))}
          >
            {(['province', 'commune'] as const).map((l) => (
              <option key={l} value={l}>
                {t(`plan.levels.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <DateField
          label={t('plan.committeeForm.validFrom')}
          value={validFrom}
          onChange={setValidFrom}
          testId="committee-valid-from"
        />
        <div className="field">
          <UnitPicker
            key={level}
            label={t('plan.committeeForm.unit')}
            level={level}
            at={validFrom}
            value={unit}
            onChange={setUnit}
            testId="committee-unit"
          />
          <FieldProblem error={save.error} path="body.unitId" />
        </div>
        <TextField
          id="cf-name"
          label={t('plan.committeeForm.name')}
          value={name}
          onChange={setName}
          error={save.error}
          path="body.name"
          size={50}
        />
        <div className="field">
          <span>&nbsp;</span>
          <button type="submit" className="button-primary" disabled={save.isPending || !unit}>
            {t('plan.committeeForm.save')}
          </button>
        </div>
      </form>
      <SaveOutcome save={save} fields={FIELD} saved={() => t('plan.committeeForm.saved')} />
    </details>
  );
}
