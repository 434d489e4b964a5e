/**
 * Regular (monthly) review of one commune (QĐ 24/2021/QĐ-TTg, Điều 5; QD24-2021-MAU04): file a household's request
 * (Mẫu số 04) as the commune receives it, and decide it within 15 days of the start of the review —
 * recognise a poor or near-poor household (or, for a request to be recognised as having escaped poverty or
 * near-poverty, that), or refuse with the written reason the article requires. The form's personal fields are kept.
 * The server checks that the officer covers the commune; names are shown only to those who do.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../app/api';
import { DateField } from '../../app/components/DateField';
import { formatDateVi, todayInVietnam } from '../../app/format';
import { FieldProblem, SaveOutcome } from '../plan/FormProblems';
import {
  APPLICATION_KINDS,
  OUTCOMES_BY_KIND,
  SEXES,
  type ApplicationKind,
  type ApplicationOutcome,
  type Sex,
} from '../../../../src/domain/poverty/application';
import type { Application } from '../../../../src/modules/poverty/contracts';
import { applicationsQuery } from './api';

const FILE_FIELDS = /^body\.(kind|applicant\w+|householdCode|receivedOn|startedOn)$/;
const DECIDE_FIELDS = /^body\.(decidedOn|outcome|reason)$/;

/** The form's personal fields besides the name, as typed ('' = not written on the form). */
const NO_DETAILS = {
  applicantSex: '' as '' | Sex,
  applicantBirthDate: '',
  applicantEthnicity: '',
  applicantIdNumber: '',
  applicantIdIssuedOn: '',
  applicantIdIssuer: '',
  applicantResidence: '',
};
type Details = typeof NO_DETAILS;
const TEXT_DETAILS = [
  ['applicantEthnicity', 'ethnicity'],
  ['applicantIdNumber', 'idNumber'],
  ['applicantIdIssuer', 'idIssuer'],
  ['applicantResidence', 'residence'],
] as const;

/** Only the fields written on the form are sent. */
const written = (d: Details) =>
  Object.fromEntries(Object.entries(d).flatMap(([k, v]) => (v.trim() ? [[k, v.trim()]] : [])));

function FileRequest({ communeId, year }: { communeId: string; year: number }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [kind, setKind] = useState<ApplicationKind>('review');
  const [applicantName, setApplicantName] = useState('');
  const [householdCode, setHouseholdCode] = useState('');
  const [receivedOn, setReceivedOn] = useState(todayInVietnam());
  const [details, setDetails] = useState(NO_DETAILS);
  const set = (k: keyof Details) => (v: string) => setDetails((d) => ({ ...d, [k]: v }));
  const save = useMutation({
    mutationFn: () =>
      post<Application>(`/api/poverty/communes/${encodeURIComponent(communeId)}/applications`, {
        kind,
        applicantName,
        householdCode: householdCode.trim() || undefined,
        receivedOn,
        ...written(details),
      }),
    onSuccess: () => {
      setApplicantName('');
      setHouseholdCode('');
      setDetails(NO_DETAILS);
      void qc.invalidateQueries({ queryKey: ['poverty', 'applications', year] });
    },
  });
  return (
    <details className="card" data-testid="application-form">
      <summary>{t('poverty.mau04.file')}</summary>
      <p className="note">{t('poverty.mau04.fileNote')}</p>
      <form className="filters" onSubmit={(e) => (e.preventDefault(), save.mutate())}>
        <div className="field">
          <label htmlFor="app-kind">{t('poverty.mau04.kind')}</label>
          <select
            id="app-kind"
            value={kind}
            onChange={(e) => setKind(e.target.value as ApplicationKind)}
            data-testid="application-kind"
          >
            {APPLICATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`poverty.mau04.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="app-name">{t('poverty.mau04.applicant')}</label>
          <input
            id="app-name"
            value={applicantName}
            onChange={(e) => setApplicantName(e.target.value)}
            required
            autoComplete="off"
            data-testid="application-name"
          />
          <FieldProblem error={save.error} path="body.applicantName" />
        </div>
        <div className="field">
          <label htmlFor="app-household">{t('poverty.mau04.household')}</label>
          <input
            id="app-household"
            value={householdCode}
            onChange={(e) => setHouseholdCode(e.target.value)}
            autoComplete="off"
            data-testid="application-household"
          />
        </div>
        <fieldset className="filters" data-testid="application-personal">
          <legend>{t('poverty.mau04.personal')}</legend>
          <div className="field">
            <label htmlFor="app-sex">{t('poverty.mau04.sex')}</label>
            <select
              id="app-sex"
              value={details.applicantSex}
              onChange={(e) => set('applicantSex')(e.target.value)}
              data-testid="application-sex"
            >
              {(['', ...SEXES] as const).map((x) => (
                <option key={x} value={x}>
                  {t(`poverty.mau04.sexes.${x}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <DateField
              label={t('poverty.mau04.birthDate')}
              value={details.applicantBirthDate}
              onChange={set('applicantBirthDate')}
              optional
              testId="application-birth"
            />
            <FieldProblem error={save.error} path="body.applicantBirthDate" />
          </div>
          {TEXT_DETAILS.map(([key, label]) => (
            <div className="field" key={key}>
              <label htmlFor={`app-${key}`}>{t(`poverty.mau04.${label}`)}</label>
              <input
                id={`app-${key}`}
                value={details[key]}
                onChange={(e) => set(key)(e.target.value)}
                autoComplete="off"
                inputMode={key === 'applicantIdNumber' ? 'numeric' : undefined}
                data-testid={`application-${label}`}
              />
              <FieldProblem error={save.error} path={`body.${key}`} />
            </div>
          ))}
          <div className="field">
            <DateField
              label={t('poverty.mau04.idIssuedOn')}
              value={details.applicantIdIssuedOn}
              onChange={set('applicantIdIssuedOn')}
              optional
              testId="application-id-issued"
            />
            <FieldProblem error={save.error} path="body.applicantIdIssuedOn" />
          </div>
        </fieldset>
        <div className="field">
          <DateField
            label={t('poverty.mau04.receivedOn')}
            value={receivedOn}
            onChange={setReceivedOn}
            testId="application-received"
          />
          <FieldProblem error={save.error} path="body.receivedOn" />
        </div>
        <div className="field">
          <span>&nbsp;</span>
          <button type="submit" className="button-primary" disabled={save.isPending} data-testid="application-save">
            {t('poverty.mau04.save')}
          </button>
        </div>
      </form>
      <SaveOutcome
        save={save}
        fields={FILE_FIELDS}
        saved={(a) => t('poverty.mau04.saved', { started: formatDateVi(a.startedOn), due: formatDateVi(a.dueOn) })}
      />
    </details>
  );
}

function Decide({ a, year, onDone }: { a: Application; year: number; onDone: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [decidedOn, setDecidedOn] = useState(todayInVietnam());
  const outcomes: readonly ApplicationOutcome[] = OUTCOMES_BY_KIND[a.kind];
  const [outcome, setOutcome] = useState<ApplicationOutcome>(outcomes[0]);
  const [reason, setReason] = useState('');
  const save = useMutation({
    mutationFn: () =>
      post<Application>(`/api/poverty/applications/${a.id}/decision`, {
        decidedOn,
        outcome,
        reason: reason.trim() || undefined,
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['poverty', 'applications', year] });
      onDone();
    },
  });
  return (
    <form
      className="filters"
      data-testid={`application-decide-${a.id}`}
      onSubmit={(e) => (e.preventDefault(), save.mutate())}
    >
      <DateField
        label={t('poverty.mau04.decidedOn')}
        value={decidedOn}
        onChange={setDecidedOn}
        testId="decision-date"
      />
      <div className="field">
        <label htmlFor={`outcome-${a.id}`}>{t('poverty.mau04.outcome')}</label>
        <select
          id={`outcome-${a.id}`}
          value={outcome}
          onChange={(e) => setOutcome(e.target.value as typeof outcome)}
          data-testid="decision-outcome"
        >
          {outcomes.map((o) => (
            <option key={o} value={o}>
              {t(`poverty.mau04.outcomes.${o}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`reason-${a.id}`}>
          {outcome === 'rejected' ? t('poverty.mau04.reasonRequired') : t('poverty.mau04.reason')}
        </label>
        <textarea
          id={`reason-${a.id}`}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          rows={2}
          data-testid="decision-reason"
        />
        <FieldProblem error={save.error} path="body.reason" />
      </div>
      <div className="field">
        <span>&nbsp;</span>
        <button type="submit" className="button-primary" disabled={save.isPending} data-testid="decision-save">
          {t('poverty.mau04.decide')}
        </button>
      </div>
      <SaveOutcome save={save} fields={DECIDE_FIELDS} saved={() => t('poverty.mau04.decided')} />
    </form>
  );
}

/** The commune's requests of the year, each with its 15-day status, and the forms to file and decide. */
export function CommuneApplications({ communeId, year, canAct }: { communeId: string; year: number; canAct: boolean }) {
  const { t } = useTranslation();
  const list = useQuery(applicationsQuery(year));
  const [deciding, setDeciding] = useState<number | null>(null);
  const rows = (list.data ?? []).filter((a) => a.communeId === communeId);
  return (
    <section data-testid="commune-applications">
      <h3>{t('poverty.mau04.title')}</h3>
      {canAct && <FileRequest communeId={communeId} year={year} />}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="data compact" data-testid="commune-applications-table">
            <thead>
              <tr>
                <th>{t('poverty.applicant')}</th>
                <th>{t('poverty.received')}</th>
                <th>{t('poverty.due')}</th>
                <th>{t('poverty.decided')}</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              {rows.map((a) => (
                <tr key={a.id} data-status={a.status} data-testid="application-row">
                  <td>
                    {a.applicantName ?? '—'}
                    {a.householdCode && <small className="muted"> ({a.householdCode})</small>}
                    <br />
                    <small className="muted" data-testid="application-kind-label">
                      {t(`poverty.mau04.kindShort.${a.kind}`)}
                    </small>
                  </td>
                  <td>{formatDateVi(a.receivedOn)}</td>
                  <td>{formatDateVi(a.dueOn)}</td>
                  <td>
                    {a.decidedOn
                      ? `${formatDateVi(a.decidedOn)} — ${t(`poverty.mau04.outcomes.${a.outcome}`)}${a.reason ? `: ${a.reason}` : ''}`
                      : '—'}
                  </td>
                  <td>
                    {t(`poverty.statuses.${a.status}`)}
                    {canAct && !a.decidedOn && (
                      <>
                        {' '}
                        <button
                          type="button"
                          className="button-link"
                          aria-expanded={deciding === a.id}
                          data-testid={`application-decide-open-${a.id}`}
                          onClick={() => setDeciding(deciding === a.id ? null : a.id)}
                        >
                          {t('poverty.mau04.decide')}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {deciding !== null && rows.some((a) => a.id === deciding) && (
        <Decide key={deciding} a={rows.find((a) => a.id === deciding)!} year={year} onDone={() => setDeciding(null)} />
      )}
    </section>
  );
}
