/**
 * Adds a task to a plan the caller manages, deadline written the Vietnamese way: the program owner picks a
 * lead ministry or a fan-out; a ministry or province adds tasks its own agency leads, without fan-out.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, post } from '../../app/api';
import { agenciesQuery, type PlanSummary } from './api';
import { SaveOutcome } from './FormProblems';
import { programProjectLabel } from '../../../../src/domain/labels';
import { currentLanguage } from '../../app/i18n';
import { todayInVietnam } from '../../app/format';
import type { ProgramOverview } from '../../../../src/modules/plan/contracts';

export function NewTaskForm({ plan, central }: { plan: PlanSummary; central: boolean }) {
  const planId = plan.id;
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [position, setPosition] = useState('');
  const [title, setTitle] = useState('');
  const [fanOut, setFanOut] = useState<'none' | 'provinces' | 'ministries' | 'all'>('none');
  const [lead, setLead] = useState('');
  const [deadline, setDeadline] = useState('');
  // the project or sub-project: its function decides who takes the work over in a reorganisation
  const [project, setProject] = useState('');
  const projects = useQuery({
    queryKey: ['plan', 'program'],
    queryFn: ({ signal }) => api<ProgramOverview>('/api/plan/program', { signal }),
    select: (p) => p.projects.filter((x) => x.phaseId === 'GNBV-2021-2025'),
  });
  const agencies = useQuery({
    ...agenciesQuery(todayInVietnam()),
    select: (items) =>
      items.filter((a) =>
        central ? a.kind === 'ministry' || a.kind === 'central_agency' : a.id === plan.issuerAgencyId,
      ),
  });
  const save = useMutation({
    mutationFn: () =>
      post<{ id: number; assignments: number }>('/api/plan/tasks', {
        planId,
        position,
        title,
        fanOut,
        leadAgencyId: fanOut === 'none' ? lead || undefined : undefined,
        deadline: deadline || undefined,
        projectCode: project || undefined,
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['plan'] }),
  });
  return (
    <details className="card" data-testid="new-task">
      <summary>{t('plan.newTask')}</summary>
      <form className="filters" onSubmit={(e) => (e.preventDefault(), save.mutate())}>
        <div className="field">
          <label htmlFor="nt-pos">{t('plan.stt')}</label>
          <input id="nt-pos" value={position} onChange={(e) => setPosition(e.target.value)} size={5} required />
        </div>
        <div className="field">
          <label htmlFor="nt-title">{t('plan.content')}</label>
          <input id="nt-title" value={title} onChange={(e) => setTitle(e.target.value)} size={50} required />
        </div>
        {central && (
          <div className="field">
            <label htmlFor="nt-fan">{t('plan.fanOut')}</label>
            <select id="nt-fan" value={fanOut} onChange={(e) => setFanOut(e.target.value as typeof fanOut)}>
              {(['none', 'provinces', 'ministries', 'all'] as const).map((f) => (
                <option key={f} value={f}>
                  {t(`plan.fanOuts.${f}`)}
                </option>
              ))}
            </select>
          </div>
        )}
        {fanOut === 'none' && (
          <div className="field">
            <label htmlFor="nt-lead">{t('plan.lead')}</label>
            <select id="nt-lead" value={lead} onChange={(e) => setLead(e.target.value)}>
              <option value="" />
              {agencies.data?.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="nt-project">{t('plan.project')}</label>
          <select
            id="nt-project"
            value={project}
            onChange={(e) => setProject(e.target.value)}
            data-testid="new-task-project"
          >
            <option value="">{t('plan.wholeProgram')}</option>
            {projects.data?.map((p) => (
              <option key={p.code} value={p.code}>
                {programProjectLabel(p.code, currentLanguage()) ?? p.code}
                {p.name ? `: ${p.name}` : ''}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="nt-deadline">{t('plan.deadline')}</label>
          <input
            id="nt-deadline"
            value={deadline}
            onChange={(e) => setDeadline(e.target.value)}
            placeholder={t('plan.deadlineHint')}
            size={30}
            data-testid="new-task-deadline"
          />
        </div>
        <div className="field">
          <span>&nbsp;</span>
          <button type="submit" className="button-primary" disabled={save.isPending}>
            {t('plan.newTask')}
          </button>
        </div>
      </form>
      <SaveOutcome save={save} fields={/^$/} saved={(d) => t('plan.created', { position, n: d.assignments })} />
    </details>
  );
}
