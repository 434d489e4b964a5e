/**
 * The periodic review workflow: campaigns, steps, approvals up the chain, progress, and the communes of the
 * caller's scope with their review status.
 */
import type { Db } from '../../../db/client';
import { conflict, forbidden, invalid } from '../../../errors';
import * as policy from '../../../domain/poverty/policy';
import * as review from '../../../domain/poverty/review';
import { communeStatusVi, labelsWithProvince } from '../../../domain/poverty/scope';
import { hasRole, isCentral } from '../../access/actor';
import { unitAccess, type UnitAccess } from '../../access/unit-access';
import { audit } from '../../audit/audit';
import type { CommuneReviewView, ReviewProgressAnswer, ScopeCommunesAnswer } from '../contracts';
import * as repo from '../repo';
import * as importRepo from '../repo-import';
import * as reviewRepo from '../repo-review';
import { auditActorOf, isSystem, resolveCommune, reviewDateOfYear, type Caller } from './shared';

const toCampaign = (r: reviewRepo.CampaignRow): review.Campaign => ({
  kind: r.kind,
  year: r.year,
  month: r.kind === 'monthly' ? r.month : null,
  opensOn: r.opens_on,
  closesOn: r.closes_on,
  routingId: r.routing_id,
});

/** The campaign of a year (or month), created on first use with the routing in force at its start. */
export async function ensureCampaign(
  tx: Db,
  kind: 'periodic' | 'monthly',
  year: number,
  month: number | null = null,
): Promise<reviewRepo.CampaignRow & { campaign: review.Campaign }> {
  const key = kind === 'monthly' ? (month ?? 1) : 0;
  let row = await reviewRepo.findCampaign(tx, kind, year, key);
  if (!row) {
    const c = review.openCampaign(kind, year, month);
    if (!c.ok) throw invalid(c.error.message, []);
    row = await reviewRepo.insertCampaign(tx, {
      kind,
      year,
      month: key,
      opensOn: c.value.opensOn,
      closesOn: c.value.closesOn,
      routingId: c.value.routingId,
    });
  }
  return { ...row, campaign: toCampaign(row) };
}

/**
 * The campaign as a read sees it, writing nothing (a GET must not change state): the stored row, or, before
 * the year's first review step, the campaign that step will open, without an id.
 */
async function campaignForReading(
  db: Db,
  kind: 'periodic' | 'monthly',
  year: number,
): Promise<{ id: number | null; routing_id: string; campaign: review.Campaign }> {
  const row = await reviewRepo.findCampaign(db, kind, year, 0);
  if (row) return { ...row, campaign: toCampaign(row) };
  const c = review.openCampaign(kind, year, null);
  if (!c.ok) throw invalid(c.error.message, []);
  return { id: null, routing_id: c.value.routingId, campaign: c.value };
}

function unwrap<T>(r: review.ReviewResult<T>): T {
  if (!r.ok) throw conflict(r.error.message, { code: r.error.code });
  return r.value;
}

/** Records the next step of a commune's periodic review. */
export async function recordReviewStep(
  db: Db,
  caller: Caller,
  communeId: string,
  year: number,
  record: review.StepRecord,
) {
  const commune = await resolveCommune(db, { communeId }, year);
  await assertCanReview(db, caller, commune.id, { kind: 'record_step' });
  return db.tx(async (tx) => {
    const c = await ensureCampaign(tx, 'periodic', year);
    const state = (await reviewRepo.communeReviewState(tx, c.id, commune.id)) ?? { steps: [], approvals: [] };
    const progress = unwrap(review.completeStep(c.campaign, { completed: state.steps }, record));
    await reviewRepo.saveCommuneReview(tx, c.id, commune, progress.completed, state.approvals);
    await audit(tx, auditActorOf(caller), {
      action: 'poverty.review.step',
      entity: 'commune_review',
      entityId: `${c.id}:${commune.id}`,
      unitId: commune.id,
      before: state.steps,
      after: progress.completed,
    });
    return communeProgressView(c.campaign, commune, progress.completed, state.approvals, record.on);
  });
}

/** The policy's view of the caller facing one commune (`access`: the caller's unit access; null for the CLI). */
function reviewActorOf(caller: Caller, access: UnitAccess | null, communeId: string): policy.ReviewActor {
  if (isSystem(caller) || !access) return { system: true, central: false, roles: [], coversCommune: true };
  return {
    system: false,
    central: isCentral(caller),
    roles: caller.grants.map((g) => g.role),
    coversCommune: access.covers(communeId),
  };
}

const REFUSAL_VI: Record<policy.ReviewRefusal, string | undefined> = {
  central_only: 'Chỉ cơ quan chủ quản phê duyệt ở cấp trung ương.',
  role: undefined,
  scope: 'Xã này nằm ngoài phạm vi được phân quyền của bạn.',
};

async function assertCanReview(db: Db, caller: Caller, communeId: string, action: policy.ReviewAction) {
  const access = isSystem(caller) ? null : await unitAccess(db, caller);
  const refusal = policy.reviewRefusal(reviewActorOf(caller, access, communeId), action);
  if (refusal) throw forbidden(REFUSAL_VI[refusal]);
}

export async function approveReview(
  db: Db,
  caller: Caller,
  communeId: string,
  year: number,
  level: review.ReportLevel,
  on: string,
) {
  const commune = await resolveCommune(db, { communeId }, year);
  await assertCanReview(db, caller, commune.id, { kind: 'approve', level });
  // Nothing to approve before the commune's review workbook of the year was imported.
  if (!(await importRepo.hasImport(db, year, commune.id))) {
    throw conflict(`${commune.fullName} chưa nhập sổ kết quả rà soát năm ${year}; chưa thể phê duyệt.`);
  }
  return db.tx(async (tx) => {
    const c = await ensureCampaign(tx, 'periodic', year);
    const state = (await reviewRepo.communeReviewState(tx, c.id, commune.id)) ?? { steps: [], approvals: [] };
    const next = unwrap(
      review.approve(c.campaign, { completed: state.steps }, { approvals: state.approvals }, level, on),
    );
    await reviewRepo.saveCommuneReview(tx, c.id, commune, state.steps, next.approvals);
    await audit(tx, auditActorOf(caller), {
      action: 'poverty.review.approve',
      entity: 'commune_review',
      entityId: `${c.id}:${commune.id}`,
      unitId: commune.id,
      before: state.approvals,
      after: next.approvals,
    });
    return communeProgressView(c.campaign, commune, state.steps, next.approvals, on);
  });
}

export async function returnReview(
  db: Db,
  caller: Caller,
  communeId: string,
  year: number,
  byLevel: review.ReportLevel,
) {
  const commune = await resolveCommune(db, { communeId }, year);
  await assertCanReview(db, caller, commune.id, { kind: 'return', level: byLevel });
  return db.tx(async (tx) => {
    const c = await ensureCampaign(tx, 'periodic', year);
    const state = (await reviewRepo.communeReviewState(tx, c.id, commune.id)) ?? { steps: [], approvals: [] };
    const next = unwrap(review.returnForCorrection(c.campaign, { approvals: state.approvals }, byLevel));
    await reviewRepo.saveCommuneReview(tx, c.id, commune, state.steps, next.approvals);
    await audit(tx, auditActorOf(caller), {
      action: 'poverty.review.return',
      entity: 'commune_review',
      entityId: `${c.id}:${commune.id}`,
      unitId: commune.id,
      before: state.approvals,
      after: next.approvals,
    });
    return communeProgressView(c.campaign, commune, state.steps, next.approvals, c.campaign.opensOn);
  });
}

function communeProgressView(
  campaign: review.Campaign,
  commune: repo.CommuneRow,
  steps: review.StepRecord[],
  approvals: review.ChainState['approvals'],
  today: string,
): CommuneReviewView {
  const progress = { completed: steps };
  return {
    communeId: commune.id,
    communeName: commune.fullName,
    provinceName: commune.provinceName,
    routingId: campaign.routingId,
    steps: review.stepsOf(campaign).map((s) => ({
      step: s,
      labelVi: review.STEP_INFO[s].labelVi,
      doneOn: steps.find((x) => x.step === s)?.on ?? null,
    })),
    nextStep: review.nextStep(campaign, progress),
    chain: review.chainOf(campaign).map((l) => ({
      level: l,
      labelVi: review.LEVEL_LABEL_VI[l],
      approvedOn: approvals.find((a) => a.level === l)?.on ?? null,
    })),
    nextApprover: review.nextApprover(campaign, { approvals }),
    locked: review.communeResultsLocked({ approvals }),
    overdue: review.isOverdue(campaign, progress, today),
  };
}

/** Progress of every commune with a review record in the caller's scope (levels above see their communes). */
export async function reviewProgress(
  db: Db,
  caller: Caller,
  year: number,
  today: string,
): Promise<ReviewProgressAnswer> {
  const c = await campaignForReading(db, 'periodic', year);
  const rows = c.id === null ? [] : await reviewRepo.communeReviews(db, c.id);
  const access = isSystem(caller) ? null : await unitAccess(db, caller);
  const seeAll = isSystem(caller) || hasRole(caller, 'admin', 'program_owner', 'steering_member', 'ministry_lead');
  const out = rows
    .filter((r) => seeAll || access?.covers(r.commune.id))
    .map((r) => communeProgressView(c.campaign, r.commune, r.steps, r.approvals, today));
  return { year, routingId: c.routing_id, deadlines: review.deadlinesForYear(year), communes: out };
}

/**
 * The communes where the caller's work starts: those of their scope in force on the review date
 * (central roles: every commune, or one province), each with its review status, resident households
 * and last import; a repeated commune name carries its province.
 */
export async function scopeCommuneList(
  db: Db,
  caller: Caller,
  year: number,
  today: string,
  provinceId: string | null = null,
): Promise<ScopeCommunesAnswer> {
  const c = await campaignForReading(db, 'periodic', year);
  const access = isSystem(caller) ? null : await unitAccess(db, caller);
  const ids = access?.unitIds ? [...access.unitIds] : null;
  const rows = await repo.scopeCommunes(db, { date: reviewDateOfYear(year), year, campaignId: c.id, ids, provinceId });
  const communes = labelsWithProvince(rows).map((r) => {
    const view = communeProgressView(c.campaign, r, r.steps, r.approvals, today);
    const approved = view.chain.filter((x) => x.approvedOn);
    return {
      id: r.id,
      code: r.code,
      name: r.fullName,
      label: r.label,
      provinceId: r.provinceId,
      provinceName: r.provinceName,
      residentHouseholds: r.residentHouseholds,
      lastImport: r.lastImportAt
        ? { at: new Date(r.lastImportAt).toISOString(), households: r.lastImportHouseholds }
        : null,
      nextStep: view.nextStep,
      nextStepVi: view.nextStep ? review.STEP_INFO[view.nextStep].labelVi : null,
      nextApprover: view.nextApprover,
      lastApproved: approved.at(-1)?.level ?? null,
      locked: view.locked,
      overdue: view.overdue,
      can: policy.reviewCan(reviewActorOf(caller, access, r.id)),
      statusVi: communeStatusVi({
        hasImport: r.lastImportAt !== null,
        nextStep: view.nextStep,
        nextApprover: view.nextApprover,
        locked: view.locked,
        lastApproved: approved.at(-1)?.level ?? null,
      }),
    };
  });
  return { year, communes };
}
