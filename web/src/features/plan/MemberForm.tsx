/**
 * Adds a member to a steering committee, or changes one (role, name, title, dates; a membership ends by
 * its end date). The server decides who may (the program owner for any committee, a local officer for
 * its own) and checks the dates against the committee's life.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEMBER_ROLES } from '../../../../src/domain/plan/vocabulary';
import { api } from '../../app/api';
import { DateField } from '../../app/components/DateField';
import { todayInVietnam } from '../../app/format';
import { FieldProblem, SaveOutcome, TextField } from './FormProblems';

export interface MemberValues {
  id?: number;
  role: string;
  personName: string | null;
  position: string;
  validFrom: string;
  validTo: string | null;
  note: string | null;
}

const FIELD = /^body\.(role|personName|position|validFrom|validTo|note)$/;

export function MemberForm({
  committeeId,
  member,
  onDone,
}: {
  committeeId: string;
  /** the member to change; none: a new member */
  member?: MemberValues;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const id = useId();
  const [v, setV] = useState<MemberValues>(
    member ?? { role: 'member', personName: '', position: '', validFrom: todayInVietnam(), validTo: null, note: '' },
  );
  const set = (patch: Partial<MemberValues>) => setV({ ...v, ...patch });
  const base = `/api/plan/committees/${encodeURIComponent(committeeId)}/members`;
  const save = useMutation({
    mutationFn: () =>
      api(member?.id ? `${base}/${member.id}` : base, {
        method: member?.id ? 'PATCH' : 'POST',
        body: {
          role: v.role,
          personName: v.personName || null,
          position: v.position,
          validFrom: v.validFrom,
          validTo: v.validTo || null,
          note: v.note || null,
        },
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['plan', 'committee', committeeId] });
      void qc.invalidateQueries({ queryKey: ['plan', 'committees'] });
      onDone?.();
    },
  });
  return (
    <form
      className="filters"
      data-testid={member?.id ? `member-form-${member.id}` : 'member-form-new'}
      onSubmit={(e) => (e.preventDefault(), save.mutate())}
    >
      <div className="field">
        <label htmlFor={`${id}-role`}>{t('plan.role')}</label>
        <select
          id={`${id}-role`}
          value={v.role}
          onChange={(e) => set({ role: e.target.value })}
          data-testid="member-role"
        >
          {MEMBER_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`plan.roles.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-person`}>{t('plan.person')}</label>
        <input
          id={`${id}-person`}
          value={v.personName ?? ''}
          onChange={(e) => set({ personName: e.target.value })}
          data-testid="member-person"
        />
        <FieldProblem error={save.error} path="body.personName" />
      </div>
      <TextField
        id={`${id}-position`}
        label={t('plan.position')}
        value={v.position}
        onChange={(position) => set({ position })}
        error={save.error}
        path="body.position"
        size={40}
      />
      <div className="field">
        <DateField
          label={t('plan.memberForm.from')}
          value={v.validFrom}
          onChange={(validFrom) => set({ validFrom })}
          testId="member-from"
        />
        <FieldProblem error={save.error} path="body.validFrom" />
      </div>
      <div className="field">
        <DateField
          optional
          label={t('plan.memberForm.to')}
          value={v.validTo ?? ''}
          onChange={(validTo) => set({ validTo: validTo || null })}
          presets={
            member?.id && !member.validTo ? [{ label: t('plan.memberForm.endToday'), value: todayInVietnam() }] : []
          }
          testId="member-to"
        />
        <FieldProblem error={save.error} path="body.validTo" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('plan.memberForm.note')}</label>
        <input
          id={`${id}-note`}
          value={v.note ?? ''}
          onChange={(e) => set({ note: e.target.value })}
          data-testid="member-note"
        />
      </div>
      <div className="field">
        <span>&nbsp;</span>
        <button type="submit" className="button-primary" disabled={save.isPending} data-testid="member-save">
          {member?.id ? t('plan.memberForm.save') : t('plan.memberForm.add')}
        </button>
      </div>
      <SaveOutcome save={save} fields={FIELD} saved={() => t('plan.memberForm.saved')} />
    </form>
  );
}
