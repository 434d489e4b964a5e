/**
 * The steps of the commune's periodic review and the approvals up the chain; the server says what the caller
 * may do.
 */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../app/api';
import { DateField } from '../../app/components/DateField';
import { ErrorBox } from '../../app/components/feedback';
import { formatDateVi, todayInVietnam } from '../../app/format';
import type { ReviewCan } from '../../../../src/domain/poverty/policy';
import { reviewChainLabel, reviewLevelLabel, reviewStepLabel } from '../../../../src/domain/labels';
import {
  openCampaign,
  stepsOf,
  STEP_INFO,
  CHAIN_INFO,
  CHAIN_LOCK_INFO,
  chainOf,
} from '../../../../src/domain/poverty/review';
import { currentLanguage } from '../../app/i18n';
import type { CommuneReviewView } from '../../../../src/modules/poverty/contracts';
import { communePath } from './api';

export default function Review({
  communeId,
  year,
  progress,
  imported,
  onChange,
  can,
}: {
  communeId: string;
  year: number;
  progress: CommuneReviewView | null;
  imported: boolean;
  onChange: () => void;
  /** What the caller may do on this commune's review, as the server decided it. */
  can: ReviewCan;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [on, setOn] = useState(todayInVietnam());
  const campaign = openCampaign('periodic', year);
  const steps = progress?.steps ?? (campaign.ok ? stepsOf(campaign.value).map((s) => ({ step: s, doneOn: null })) : []);
  const chain =
    progress?.chain ?? (campaign.ok ? chainOf(campaign.value).map((l) => ({ level: l, approvedOn: null })) : []);
  const nextStep = progress ? progress.nextStep : (steps[0]?.step ?? null);
  const nextApprover = progress ? progress.nextApprover : (chain[0]?.level ?? null);
  const act = useMutation({
    mutationFn: (body: { path: string; payload: unknown }) => post(communePath(communeId, body.path), body.payload),
    onSuccess: onChange,
  });
  return (
    <div
      data-testid="poverty-review"
      data-locked={progress?.locked ? 'true' : 'false'}
      data-next-step={nextStep ?? ''}
      data-next-approver={nextApprover ?? ''}
    >
      <h3>{t('poverty.steps')}</h3>
      <DateField label={t('poverty.on')} value={on} onChange={setOn} testId="poverty-step-date" />
      <ol>
        {steps.map((s) => (
          <li key={s.step} data-testid="poverty-step" data-step={s.step} data-done={s.doneOn ?? ''}>
            {reviewStepLabel(s.step, lang)} <small>({STEP_INFO[s.step].citation})</small>{' '}
            {s.doneOn && <strong>✓ {formatDateVi(s.doneOn)}</strong>}
            {s.step === nextStep && can.recordStep && (
              <button
                type="button"
                className="button-link"
                disabled={act.isPending}
                data-testid="poverty-step-record"
                onClick={() => act.mutate({ path: 'review/steps', payload: { year, step: s.step, on } })}
              >
                {t('poverty.record')}
              </button>
            )}
          </li>
        ))}
      </ol>
      <h3>{t('poverty.chain')}</h3>
      <ol>
        {chain.map((c) => (
          <li key={c.level} data-testid="poverty-approval" data-level={c.level} data-approved={c.approvedOn ?? ''}>
            {reviewChainLabel(c.level, lang)} <small>({CHAIN_INFO[c.level].citation})</small>{' '}
            {c.approvedOn && <strong>✓ {formatDateVi(c.approvedOn)}</strong>}
            {/* Nothing to approve before the workbook is imported (the server refuses it too). */}
            {c.level === nextApprover && imported && can.approve[c.level] && (
              <button
                type="button"
                className="button-secondary"
                disabled={act.isPending}
                data-testid="poverty-approve"
                onClick={() => act.mutate({ path: 'review/approve', payload: { year, level: c.level, on } })}
              >
                {t('poverty.approve', { level: reviewLevelLabel(c.level, lang) })}
              </button>
            )}
          </li>
        ))}
      </ol>
      <p>
        <small data-testid="poverty-local-practice">
          {t('poverty.localPractice')}: {CHAIN_LOCK_INFO.noteVi}
        </small>
      </p>
      {!imported && (
        <p className="muted" data-testid="poverty-approve-after-import">
          {t('poverty.approveAfterImport')}
        </p>
      )}
      {progress?.locked && <p className="alert alert-info">{t('poverty.locked')}</p>}
      {progress?.overdue && <p className="alert alert-error">{t('poverty.overdue')}</p>}
      {act.isError && <ErrorBox error={act.error} />}
    </div>
  );
}
