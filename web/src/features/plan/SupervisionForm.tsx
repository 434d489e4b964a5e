/**
 * The program owner creates a supervision or inspection plan with its visits, findings and
 * recommendations (deadline written the Vietnamese way), POST /api/plan/supervision; or, given the
 * existing plans, records later visits under one of them, POST /api/plan/supervision/:id/visits.
 * The whole request is refused when one deadline cannot be read; each problem is shown next to its field.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SUPERVISION_KINDS } from '../../../../src/domain/plan/vocabulary';
import { post } from '../../app/api';
import { DateField } from '../../app/components/DateField';
import { todayInVietnam } from '../../app/format';
import { agenciesQuery, committeesQuery } from './api';
import { FieldProblem, SaveOutcome } from './FormProblems';
import type { SupervisionCreated, SupervisionPlanView, VisitsAdded } from '../../../../src/modules/plan/contracts';

interface Rec {
  body: string;
  addresseeAgencyId: string;
  deadline: string;
}
interface Finding {
  body: string;
  severity: 'normal' | 'serious';
  recommendations: Rec[];
}
interface Visit {
  visitedOn: string;
  agencyId: string;
  team: string;
  findings: Finding[];
}
const newRec = (): Rec => ({ body: '', addresseeAgencyId: '', deadline: '' });
const newFinding = (): Finding => ({ body: '', severity: 'normal', recommendations: [newRec()] });
const newVisit = (): Visit => ({ visitedOn: todayInVietnam(), agencyId: '', team: '', findings: [newFinding()] });
const FIELD =
  /^body\.(kind|title|year|legalBasis|visits|visits\.\d+\.(visitedOn|agencyId|team|findings\.\d+\.(body|severity|recommendations\.\d+\.(body|addresseeAgencyId|deadline))))$/;

const replaceAt = <T,>(xs: T[], i: number, f: (x: T) => T) => xs.map((x, j) => (j === i ? f(x) : x));
const removeAt = <T,>(xs: T[], i: number) => xs.filter((_, j) => j !== i);

/** The agencies in force on the visit's date (e.g. MPI before, MOF after the 2025 reorganisation). */
function AgencyOptions({ at }: { at: string }) {
  const agencies = useQuery(agenciesQuery(at));
  return (
    <>
      <option value="" />
      {agencies.data?.map((a) => (
        <option key={a.id} value={a.id}>
          {a.name}
        </option>
      ))}
    </>
  );
}

/** A plan that later visits may be added to. */
export type SupervisionPlanRef = Pick<SupervisionPlanView, 'id' | 'title' | 'year'>;

/** Without `plans`: a new plan with its visits. With `plans`: later visits under the plan chosen. */
export function SupervisionForm({ plans }: { plans?: SupervisionPlanRef[] }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const addingVisits = plans !== undefined;
  const idp = addingVisits ? 'sv-add' : 'sv'; // both forms stand on the same page
  const [planId, setPlanId] = useState(plans?.[0]?.id ?? 0);
  const [kind, setKind] = useState<'supervision' | 'inspection'>('supervision');
  const [title, setTitle] = useState('');
  const [year, setYear] = useState(Number(todayInVietnam().slice(0, 4)));
  const [legalBasis, setLegalBasis] = useState('');
  // a program owner may leave the committee out; a local officer records for one of its own committees
  const committees = useQuery(committeesQuery);
  const recordable = committees.data?.filter((c) => c.canRecord) ?? [];
  const central = committees.data !== undefined && recordable.length === committees.data.length;
  const [committeeId, setCommitteeId] = useState('');
  const [visits, setVisits] = useState<Visit[]>([newVisit()]);
  const visitsBody = () =>
    visits.map((v) => ({
      visitedOn: v.visitedOn,
      agencyId: v.agencyId || undefined,
      team: v.team || undefined,
      findings: v.findings.map((f) => ({
        body: f.body,
        severity: f.severity,
        recommendations: f.recommendations.map((r) => ({
          body: r.body,
          addresseeAgencyId: r.addresseeAgencyId || undefined,
          deadline: r.deadline || undefined,
        })),
      })),
    }));
  const save = useMutation({
    mutationFn: () =>
      addingVisits
        ? post<VisitsAdded>(`/api/plan/supervision/${planId}/visits`, {
            visits: visitsBody(),
          })
        : post<SupervisionCreated>('/api/plan/supervision', {
            committeeId: committeeId || undefined,
            kind,
            title,
            year,
            legalBasis: legalBasis || undefined,
            visits: visitsBody(),
          }),
    onSuccess: () => {
      setTitle('');
      setLegalBasis('');
      setVisits([newVisit()]);
      void qc.invalidateQueries({ queryKey: ['plan', 'recommendations'] });
      void qc.invalidateQueries({ queryKey: ['plan', 'supervision'] });
    },
  });
  const visit = (vi: number, f: (v: Visit) => Visit) => setVisits((vs) => replaceAt(vs, vi, f));
  const finding = (vi: number, fi: number, f: (x: Finding) => Finding) =>
    visit(vi, (v) => ({ ...v, findings: replaceAt(v.findings, fi, f) }));
  const rec = (vi: number, fi: number, ri: number, patch: Partial<Rec>) =>
    finding(vi, fi, (x) => ({ ...x, recommendations: replaceAt(x.recommendations, ri, (r) => ({ ...r, ...patch })) }));
  const err = save.error;
  return (
    <details className="card" data-testid={addingVisits ? 'supervision-visits-form' : 'supervision-form'}>
      <summary>{t(addingVisits ? 'plan.supervisionForm.openVisits' : 'plan.supervisionForm.open')}</summary>
      <form onSubmit={(e) => (e.preventDefault(), save.mutate())}>
        {addingVisits ? (
          <div className="filters">
            <div className="field">
              <label htmlFor={`${idp}-plan`}>{t('plan.supervisionForm.plan')}</label>
              <select id={`${idp}-plan`} value={planId} onChange={(e) => setPlanId(Number(e.target.value))} required>
                {plans.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.title} ({p.year})
                  </option>
                ))}
              </select>
            </div>
          </div>
        ) : (
          <div className="filters">
            <div className="field">
              <label htmlFor={`${idp}-committee`}>{t('plan.supervisionForm.committee')}</label>
              <select
                id={`${idp}-committee`}
                value={committeeId}
                onChange={(e) => setCommitteeId(e.target.value)}
                required={!central}
              >
                <option value="">{central ? t('plan.supervisionForm.noCommittee') : ''}</option>
                {recordable.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
              <FieldProblem error={err} path="body.committeeId" />
            </div>
            <div className="field">
              <label htmlFor={`${idp}-kind`}>{t('plan.supervisionForm.kind')}</label>
              <select id={`${idp}-kind`} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
                {SUPERVISION_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`plan.supervisionForm.kinds.${k}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${idp}-title`}>{t('plan.supervisionForm.title')}</label>
              <input id={`${idp}-title`} value={title} onChange={(e) => setTitle(e.target.value)} size={50} required />
              <FieldProblem error={err} path="body.title" />
            </div>
            <div className="field">
              <label htmlFor={`${idp}-year`}>{t('plan.year')}</label>
              <input
                id={`${idp}-year`}
                type="number"
                value={year}
                onChange={(e) => setYear(Number(e.target.value))}
                min={2021}
                max={2035}
                required
              />
              <FieldProblem error={err} path="body.year" />
            </div>
            <div className="field">
              <label htmlFor={`${idp}-basis`}>{t('plan.legalBasis')}</label>
              <input id={`${idp}-basis`} value={legalBasis} onChange={(e) => setLegalBasis(e.target.value)} size={30} />
              <FieldProblem error={err} path="body.legalBasis" />
            </div>
          </div>
        )}
        {visits.map((v, vi) => (
          <fieldset key={vi} data-testid="visit">
            <legend>{t('plan.supervisionForm.visit', { n: vi + 1 })}</legend>
            <div className="filters">
              <DateField
                label={t('plan.supervisionForm.visitedOn')}
                value={v.visitedOn}
                onChange={(d) => visit(vi, (x) => ({ ...x, visitedOn: d }))}
                testId={addingVisits ? `add-visit-${vi}-date` : `visit-${vi}-date`}
              />
              <div className="field">
                <label htmlFor={`${idp}-${vi}-agency`}>{t('plan.supervisionForm.visitedAgency')}</label>
                <select
                  id={`${idp}-${vi}-agency`}
                  value={v.agencyId}
                  onChange={(e) => visit(vi, (x) => ({ ...x, agencyId: e.target.value }))}
                >
                  <AgencyOptions at={v.visitedOn} />
                </select>
                <FieldProblem error={err} path={`body.visits.${vi}.agencyId`} />
              </div>
              <div className="field">
                <label htmlFor={`${idp}-${vi}-team`}>{t('plan.supervisionForm.team')}</label>
                <input
                  id={`${idp}-${vi}-team`}
                  value={v.team}
                  onChange={(e) => visit(vi, (x) => ({ ...x, team: e.target.value }))}
                  size={30}
                />
              </div>
            </div>
            <FieldProblem error={err} path={`body.visits.${vi}.visitedOn`} />
            {v.findings.map((f, fi) => (
              <fieldset key={fi} data-testid="finding">
                <legend>{t('plan.supervisionForm.finding', { n: fi + 1 })}</legend>
                <div className="filters">
                  <div className="field">
                    <label htmlFor={`${idp}-${vi}-${fi}-body`}>{t('plan.finding')}</label>
                    <textarea
                      id={`${idp}-${vi}-${fi}-body`}
                      value={f.body}
                      onChange={(e) => finding(vi, fi, (x) => ({ ...x, body: e.target.value }))}
                      rows={2}
                      cols={60}
                      required
                    />
                    <FieldProblem error={err} path={`body.visits.${vi}.findings.${fi}.body`} />
                  </div>
                  <div className="field">
                    <label htmlFor={`${idp}-${vi}-${fi}-sev`}>{t('plan.supervisionForm.severity')}</label>
                    <select
                      id={`${idp}-${vi}-${fi}-sev`}
                      value={f.severity}
                      onChange={(e) =>
                        finding(vi, fi, (x) => ({ ...x, severity: e.target.value as Finding['severity'] }))
                      }
                    >
                      {(['normal', 'serious'] as const).map((s) => (
                        <option key={s} value={s}>
                          {t(`plan.supervisionForm.severities.${s}`)}
                        </option>
                      ))}
                    </select>
                  </div>
                </div>
                {f.recommendations.map((r, ri) => {
                  const at = `body.visits.${vi}.findings.${fi}.recommendations.${ri}`;
                  const id = `${idp}-${vi}-${fi}-${ri}`;
                  return (
                    <div key={ri} className="filters" data-testid="recommendation-input">
                      <div className="field">
                        <label htmlFor={`${id}-body`}>{t('plan.supervisionForm.recommendation', { n: ri + 1 })}</label>
                        <input
                          id={`${id}-body`}
                          value={r.body}
                          onChange={(e) => rec(vi, fi, ri, { body: e.target.value })}
                          size={40}
                          required
                        />
                        <FieldProblem error={err} path={`${at}.body`} />
                      </div>
                      <div className="field">
                        <label htmlFor={`${id}-to`}>{t('plan.addressee')}</label>
                        <select
                          id={`${id}-to`}
                          value={r.addresseeAgencyId}
                          onChange={(e) => rec(vi, fi, ri, { addresseeAgencyId: e.target.value })}
                        >
                          <AgencyOptions at={v.visitedOn} />
                        </select>
                        <FieldProblem error={err} path={`${at}.addresseeAgencyId`} />
                      </div>
                      <div className="field">
                        <label htmlFor={`${id}-deadline`}>{t('plan.deadline')}</label>
                        <input
                          id={`${id}-deadline`}
                          value={r.deadline}
                          onChange={(e) => rec(vi, fi, ri, { deadline: e.target.value })}
                          placeholder={t('plan.deadlineHint')}
                          size={30}
                        />
                        <FieldProblem error={err} path={`${at}.deadline`} />
                      </div>
                      {f.recommendations.length > 1 && (
                        <div className="field">
                          <span>&nbsp;</span>
                          <button
                            type="button"
                            className="button-secondary"
                            onClick={() =>
                              finding(vi, fi, (x) => ({ ...x, recommendations: removeAt(x.recommendations, ri) }))
                            }
                          >
                            {t('plan.supervisionForm.remove')}
                          </button>
                        </div>
                      )}
                    </div>
                  );
                })}
                <button
                  type="button"
                  className="button-secondary"
                  onClick={() => finding(vi, fi, (x) => ({ ...x, recommendations: [...x.recommendations, newRec()] }))}
                >
                  {t('plan.supervisionForm.addRecommendation')}
                </button>{' '}
                {v.findings.length > 1 && (
                  <button
                    type="button"
                    className="button-secondary"
                    onClick={() => visit(vi, (x) => ({ ...x, findings: removeAt(x.findings, fi) }))}
                  >
                    {t('plan.supervisionForm.remove')}
                  </button>
                )}
              </fieldset>
            ))}
            <button
              type="button"
              className="button-secondary"
              onClick={() => visit(vi, (x) => ({ ...x, findings: [...x.findings, newFinding()] }))}
            >
              {t('plan.supervisionForm.addFinding')}
            </button>{' '}
            {visits.length > 1 && (
              <button type="button" className="button-secondary" onClick={() => setVisits((vs) => removeAt(vs, vi))}>
                {t('plan.supervisionForm.remove')}
              </button>
            )}
          </fieldset>
        ))}
        <p>
          <button type="button" className="button-secondary" onClick={() => setVisits((vs) => [...vs, newVisit()])}>
            {t('plan.supervisionForm.addVisit')}
          </button>{' '}
          <button type="submit" className="button-primary" disabled={save.isPending}>
            {t(addingVisits ? 'plan.supervisionForm.saveVisits' : 'plan.supervisionForm.save')}
          </button>
        </p>
      </form>
      <SaveOutcome
        save={save}
        fields={FIELD}
        saved={(d) =>
          t(addingVisits ? 'plan.supervisionForm.savedVisits' : 'plan.supervisionForm.saved', { n: d.recommendations })
        }
      />
    </details>
  );
}
