/**
 * The program owner records a steering-committee meeting and its conclusions; a conclusion that
 * assigns work becomes a task of a plan (lead agency, deadline written the Vietnamese way).
 * POST /api/plan/committees/:id/meetings — problems of a 422 answer are shown next to their fields.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../app/api';
import { DateField } from '../../app/components/DateField';
import { todayInVietnam } from '../../app/format';
import { agenciesQuery, mainPlanOf, plansQuery } from './api';
import { FieldProblem, SaveOutcome } from './FormProblems';
import type { MeetingRecorded } from '../../../../src/modules/plan/contracts';

interface Conclusion {
  body: string;
  makeTask: boolean;
  position: string;
  leadAgencyId: string;
  deadline: string;
}
const emptyConclusion = (): Conclusion => ({ body: '', makeTask: false, position: '', leadAgencyId: '', deadline: '' });
const FIELD = /^body\.(heldOn|title|minutesRef|conclusions\.\d+\.(body|task\.(position|leadAgencyId|deadline)))$/;

/**
 * A conclusion can become a task of a plan the caller manages (every plan for the program owner, its own agency's for a
 * local officer).
 */
export function MeetingForm({ committeeId }: { committeeId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [heldOn, setHeldOn] = useState(todayInVietnam());
  const [title, setTitle] = useState('');
  const [minutesRef, setMinutesRef] = useState('');
  const [conclusions, setConclusions] = useState<Conclusion[]>([emptyConclusion()]);
  const [planId, setPlanId] = useState<number | null>(null);
  const plans = useQuery({ ...plansQuery, select: (items) => items.filter((p) => p.canManage) });
  const chosenPlan = planId ?? mainPlanOf(plans.data)?.id ?? null;
  const assignsTasks = (plans.data?.length ?? 0) > 0;
  // the lead agency must exist on the meeting's date (the task starts then)
  const agencies = useQuery(agenciesQuery(heldOn));
  const save = useMutation({
    mutationFn: () =>
      post<MeetingRecorded>(`/api/plan/committees/${encodeURIComponent(committeeId)}/meetings`, {
        heldOn,
        title,
        minutesRef: minutesRef || undefined,
        conclusions: conclusions.map((c) => ({
          body: c.body,
          task:
            c.makeTask && chosenPlan
              ? {
                  planId: chosenPlan,
                  position: c.position,
                  fanOut: 'none',
                  leadAgencyId: c.leadAgencyId || undefined,
                  deadline: c.deadline || undefined,
                }
              : undefined,
        })),
      }),
    onSuccess: () => {
      setTitle('');
      setMinutesRef('');
      setConclusions([emptyConclusion()]);
      void qc.invalidateQueries({ queryKey: ['plan'] });
    },
  });
  const set = (i: number, patch: Partial<Conclusion>) =>
    setConclusions((cs) => cs.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const id = (i: number, f: string) => `mt-${committeeId}-${i}-${f}`;
  const pid = `mt-${committeeId}`;

  return (
    <details className="card" data-testid={`meeting-form-${committeeId}`}>
      <summary>{t('plan.meetingForm.open')}</summary>
      <form onSubmit={(e) => (e.preventDefault(), save.mutate())}>
        <div className="filters">
          <DateField
            label={t('plan.meetingForm.heldOn')}
            value={heldOn}
            onChange={setHeldOn}
            testId="meeting-held-on"
          />
          <div className="field">
            <label htmlFor={`${pid}-title`}>{t('plan.meetingForm.title')}</label>
            <input id={`${pid}-title`} value={title} onChange={(e) => setTitle(e.target.value)} size={50} required />
            <FieldProblem error={save.error} path="body.title" />
          </div>
          <div className="field">
            <label htmlFor={`${pid}-ref`}>{t('plan.meetingForm.minutesRef')}</label>
            <input id={`${pid}-ref`} value={minutesRef} onChange={(e) => setMinutesRef(e.target.value)} size={20} />
          </div>
        </div>
        <FieldProblem error={save.error} path="body.heldOn" />
        {conclusions.map((c, i) => (
          <fieldset key={i} data-testid="conclusion">
            <legend>{t('plan.meetingForm.conclusion', { n: i + 1 })}</legend>
            <div className="field">
              <label htmlFor={id(i, 'body')}>{t('plan.content')}</label>
              <textarea
                id={id(i, 'body')}
                value={c.body}
                onChange={(e) => set(i, { body: e.target.value })}
                rows={2}
                cols={70}
                required
              />
              <FieldProblem error={save.error} path={`body.conclusions.${i}.body`} />
            </div>
            {assignsTasks && (
              <label>
                <input type="checkbox" checked={c.makeTask} onChange={(e) => set(i, { makeTask: e.target.checked })} />{' '}
                {t('plan.meetingForm.makeTask')}
              </label>
            )}
            {c.makeTask && (
              <div className="filters">
                <div className="field">
                  <label htmlFor={id(i, 'plan')}>{t('plan.meetingForm.plan')}</label>
                  <select
                    id={id(i, 'plan')}
                    value={chosenPlan ?? ''}
                    onChange={(e) => setPlanId(Number(e.target.value))}
                  >
                    {plans.data?.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.code}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor={id(i, 'pos')}>{t('plan.stt')}</label>
                  <input
                    id={id(i, 'pos')}
                    value={c.position}
                    onChange={(e) => set(i, { position: e.target.value })}
                    size={5}
                    required
                  />
                  <FieldProblem error={save.error} path={`body.conclusions.${i}.task.position`} />
                </div>
                <div className="field">
                  <label htmlFor={id(i, 'lead')}>{t('plan.lead')}</label>
                  <select
                    id={id(i, 'lead')}
                    value={c.leadAgencyId}
                    onChange={(e) => set(i, { leadAgencyId: e.target.value })}
                  >
                    <option value="" />
                    {agencies.data?.map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.name}
                      </option>
                    ))}
                  </select>
                  <FieldProblem error={save.error} path={`body.conclusions.${i}.task.leadAgencyId`} />
                </div>
                <div className="field">
                  <label htmlFor={id(i, 'deadline')}>{t('plan.deadline')}</label>
                  <input
                    id={id(i, 'deadline')}
                    value={c.deadline}
                    onChange={(e) => set(i, { deadline: e.target.value })}
                    placeholder={t('plan.deadlineHint')}
                    size={30}
                  />
                  <FieldProblem error={save.error} path={`body.conclusions.${i}.task.deadline`} />
                </div>
              </div>
            )}
            {conclusions.length > 1 && (
              <button
                type="button"
                className="button-secondary"
                onClick={() => setConclusions((cs) => cs.filter((_, j) => j !== i))}
              >
                {t('plan.meetingForm.remove')}
              </button>
            )}
          </fieldset>
        ))}
        <p>
          <button
            type="button"
            className="button-secondary"
            onClick={() => setConclusions((cs) => [...cs, emptyConclusion()])}
          >
            {t('plan.meetingForm.addConclusion')}
          </button>{' '}
          <button type="submit" className="button-primary" disabled={save.isPending}>
            {t('plan.meetingForm.save')}
          </button>
        </p>
      </form>
      <SaveOutcome
        save={save}
        fields={FIELD}
        saved={(d) => t('plan.meetingForm.saved', { n: d.conclusions.filter((c) => c.taskId !== null).length })}
      />
    </details>
  );
}
