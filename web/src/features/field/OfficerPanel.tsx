/** The commune officer's view of synced surveys: class, reasons, evidence, conflicts, progress, map. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBox, Loading } from '../../app/components/feedback';
import { formatDateTimeVi, formatDateVi, formatNumberVi, todayInVietnam } from '../../app/format';
import type { ProgressView, SurveyRow } from '../../../../src/modules/field/contracts';
import { getAssignments, getProgress, getSurveys, resolveSurvey } from './api';

const CLASS_COLOR: Record<string, string> = {
  poor: '#b3261e',
  near_poor: '#e08a00',
  average: '#2e7d32',
  not_poor: '#1565c0',
};

function FieldMap({ p }: { p: ProgressView }) {
  const { t } = useTranslation();
  const box = p.commune.box;
  if (!box) return null;
  const [w, s, e, n] = box;
  const W = 320;
  const H = Math.max(120, Math.round((W * (n - s)) / ((e - w) * Math.cos((((s + n) / 2) * Math.PI) / 180))));
  const x = (lng: number) => ((lng - w) / (e - w)) * W;
  const y = (lat: number) => ((n - lat) / (n - s)) * H;
  return (
    <figure className="field-map">
      <svg viewBox={`-10 -10 ${W + 20} ${H + 20}`} role="img" aria-label={t('field.map')} data-testid="field-map">
        <rect x={0} y={0} width={W} height={H} fill="#f6f6f6" stroke="#999" strokeDasharray="4 3" />
        {p.toVisit
          .filter((h) => h.lat !== null && h.lng !== null)
          .map((h) => (
            <circle key={h.householdCode} cx={x(h.lng!)} cy={y(h.lat!)} r={5} fill="none" stroke="#555" />
          ))}
        {p.surveyed.map((h) => (
          <circle
            key={h.householdCode}
            cx={x(h.lng)}
            cy={y(h.lat)}
            r={5}
            fill={CLASS_COLOR[h.class ?? ''] ?? '#555'}
            data-household={h.householdCode}
          />
        ))}
      </svg>
      <figcaption className="muted">{t('field.map')}</figcaption>
    </figure>
  );
}

function SurveyCard({
  s,
  canResolve,
  onResolve,
}: {
  s: SurveyRow;
  canResolve: boolean;
  onResolve: (d: 'accept' | 'reject') => void;
}) {
  const { t } = useTranslation();
  return (
    <li className="card field-survey" data-testid={`survey-${s.householdCode}`} data-status={s.status}>
      <h3>
        {s.headName} <span className="code">{s.householdCode}</span>
      </h3>
      <p>
        <strong data-testid="survey-class">{s.class ? t(`field.classes.${s.class}`) : '—'}</strong> ·{' '}
        {t(`field.statuses.${s.status}`)}
        {s.conflictKind && <> · {t(`field.conflictKinds.${s.conflictKind}`)}</>}
      </p>
      <details>
        <summary>{t('field.reasons')}</summary>
        <ul>
          {s.reasons.map((r, i) => (
            <li key={i}>{r.messageVi}</li>
          ))}
        </ul>
      </details>
      <p className="muted">
        {t('field.reviewer')}: {s.reviewer} · {t('field.surveyedAt')}: {formatDateTimeVi(s.surveyedAt)}
      </p>
      <p data-testid="survey-position">
        {t('field.position')}:{' '}
        {s.position
          ? t('field.positionValue', {
              lat: formatNumberVi(s.position.lat, 5),
              lng: formatNumberVi(s.position.lng, 5),
              acc: formatNumberVi(s.position.accuracyM),
            })
          : t('field.noPosition')}
      </p>
      <div className="field-thumbs">
        {s.photoIds.map((id) => (
          <img
            key={id}
            src={`/api/field/photos/${id}`}
            alt={t('field.photoAlt', { code: s.householdCode })}
            className="field-thumb"
            loading="lazy"
          />
        ))}
      </div>
      {canResolve && s.status === 'conflict' && (
        <div className="field-actions">
          <button type="button" className="button-primary" onClick={() => onResolve('accept')}>
            {t('field.accept')}
          </button>
          <button type="button" className="button-secondary" onClick={() => onResolve('reject')}>
            {t('field.reject')}
          </button>
        </div>
      )}
    </li>
  );
}

export function OfficerPanel() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [year, setYear] = useState(Number(todayInVietnam().slice(0, 4)));
  const communes = useQuery({ queryKey: ['field', 'communes', year], queryFn: () => getAssignments(year) });
  const [picked, setPicked] = useState('');
  const commune = picked || communes.data?.communes[0]?.id || '';
  const surveys = useQuery({
    queryKey: ['field', 'surveys', year, commune],
    queryFn: () => getSurveys(year, commune),
    enabled: !!commune,
  });
  const progress = useQuery({
    queryKey: ['field', 'progress', year, commune],
    queryFn: () => getProgress(year, commune),
    enabled: !!commune,
  });
  const resolve = useMutation({
    mutationFn: (v: { clientId: string; decision: 'accept' | 'reject' }) => resolveSurvey(v.clientId, v.decision),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['field'] }),
  });

  return (
    <section>
      <p className="lead">{t('field.officerIntro')}</p>
      <div className="filters">
        <label className="field">
          <span>{t('field.year')}</span>
          <input type="number" value={year} onChange={(e) => setYear(Number(e.target.value))} />
        </label>
        <label className="field">
          <span>{t('field.commune')}</span>
          <select value={commune} onChange={(e) => setPicked(e.target.value)}>
            {(communes.data?.communes ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {resolve.error && <ErrorBox error={resolve.error} />}
      {progress.data && (
        <div className="panel" data-testid="field-progress">
          <h2>{t('field.progress')}</h2>
          <p>
            <strong>{t('field.waitingConflicts', { count: progress.data.waitingConflicts })}</strong> ·{' '}
            {t('field.toVisit', { count: progress.data.toVisit.length })}
          </p>
          <h3>{t('field.villagesDone')}</h3>
          <ul>
            {progress.data.villages.map((v) => (
              <li key={v.name ?? ''}>
                {v.name ?? t('field.noVillage')}: {t('field.villageProgress', v)} {v.done ? '✓' : ''}
              </li>
            ))}
          </ul>
          <h3>{t('field.byReviewer')}</h3>
          <ul>
            {progress.data.byReviewerDay.map((r) => (
              <li key={`${r.reviewer}|${r.day}`}>
                {formatDateVi(r.day)} · {r.reviewer}: {formatNumberVi(r.surveys)} {t('field.surveys').toLowerCase()}
              </li>
            ))}
          </ul>
          <FieldMap p={progress.data} />
        </div>
      )}
      {surveys.isLoading && <Loading />}
      {surveys.error && <ErrorBox error={surveys.error} />}
      {surveys.data &&
        (surveys.data.surveys.length === 0 ? (
          <p className="muted">{t('field.noSurveys')}</p>
        ) : (
          <ul className="cards field-surveys">
            {surveys.data.surveys.map((s) => (
              <SurveyCard
                key={s.clientId}
                s={s}
                canResolve={surveys.data.canResolve}
                onResolve={(decision) => resolve.mutate({ clientId: s.clientId, decision })}
              />
            ))}
          </ul>
        ))}
    </section>
  );
}
