/** Steering-committee meetings, supervision and inspection, recommendations followed to closure. */
import type { Db } from '../../../db/client';
import { tryParseDeadline } from '../../../domain/plan/deadline';
import { daysLate, isOverdue } from '../../../domain/plan/lateness';
import type { TaskStatus } from '../../../domain/plan/status';
import { formatDateVi, todayInVietnam } from '../../../domain/text';
import { AppError, conflict, forbidden, invalid, notFound } from '../../../errors';
import { isCentral, type Actor } from '../../access/actor';
import { unitAccess } from '../../access/unit-access';
import { audit } from '../../audit/audit';
import { getUnit } from '../../units/repo';
import * as repo from '../repo';
import * as sup from '../repo-supervision';
import type {
  MeetingRecorded,
  RecommendationUpdated,
  RecommendationView,
  SupervisionCreated,
  SupervisionPlanView,
  VisitsAdded,
} from '../contracts';
import type {
  NewCommittee,
  NewMeeting,
  NewSupervision,
  NewVisits,
  RecommendationUpdate,
  SupervisionVisit,
} from '../schemas';
import { by, assertActsFor, assertAgencyInForce, assertUnitInForce, dueOf } from './shared';
import { recordableCommittees } from './read';
import { createTask } from './tasks';

/**
 * Who records for a steering committee: the program owner for any committee (or for none); a province
 * or commune officer for the committees of the units they cover (a province records its own committee's
 * meetings and supervision).
 */
async function assertRecordsFor(tx: Db, actor: Actor, committeeId: string | null | undefined) {
  if (isCentral(actor)) return;
  if (!committeeId) throw forbidden('Kế hoạch của địa phương phải gắn với Ban Chỉ đạo của địa phương (committeeId).');
  const c = await sup.findCommittee(tx, committeeId);
  if (!c) throw notFound(`Không tìm thấy Ban Chỉ đạo "${committeeId}".`);
  if (!(await recordableCommittees(tx, actor, [c])).has(c.id))
    throw forbidden('Bạn chỉ ghi được cho Ban Chỉ đạo của địa phương mình.');
}

/**
 * A local officer records supervision of its own territory only: every visited unit, visited agency and
 * addressee of a recommendation that belongs to a territory must be covered by the officer's grants
 * (another province's People's Committee is not; a ministry, with no territory, may be addressed).
 */
async function assertVisitsInScope(tx: Db, actor: Actor, visits: SupervisionVisit[]) {
  if (isCentral(actor)) return;
  const access = await unitAccess(tx, actor);
  const agencyIds = [
    ...new Set(
      visits
        .flatMap((v) => [v.agencyId, ...v.findings.flatMap((f) => f.recommendations.map((r) => r.addresseeAgencyId))])
        .filter((a): a is string => !!a),
    ),
  ];
  const territory = new Map((await repo.unitsOfAgencies(tx, agencyIds)).map((a) => [a.id, a.unit_id]));
  const problems: { path: string; message: string }[] = [];
  const outside = (agencyId: string | null | undefined) =>
    !!agencyId && !!territory.get(agencyId) && !access.covers(territory.get(agencyId)!);
  visits.forEach((v, vi) => {
    if (v.unitId && !access.covers(v.unitId))
      problems.push({ path: `body.visits.${vi}.unitId`, message: 'Đơn vị được giám sát nằm ngoài địa bàn của bạn.' });
    if (outside(v.agencyId))
      problems.push({ path: `body.visits.${vi}.agencyId`, message: 'Cơ quan được giám sát thuộc địa phương khác.' });
    v.findings.forEach((f, fi) =>
      f.recommendations.forEach((r, ri) => {
        if (outside(r.addresseeAgencyId)) {
          problems.push({
            path: `body.visits.${vi}.findings.${fi}.recommendations.${ri}.addresseeAgencyId`,
            message: 'Không gửi kiến nghị cho cơ quan của địa phương khác.',
          });
        }
      }),
    );
  });
  if (problems.length)
    throw new AppError(403, 'forbidden', 'Bạn chỉ ghi được kết quả giám sát trên địa bàn của mình.', { problems });
}

/**
 * Registers the steering committee of a unit (in force on the date): the program owner for any unit,
 * a province or commune officer for the units it covers. Its id is "BCD-<level><code>-<date>".
 */
export async function createCommittee(db: Db, actor: Actor, input: NewCommittee) {
  return db.tx(async (tx) => {
    await assertUnitInForce(tx, input.unitId, input.validFrom, 'body.unitId');
    const unit = (await getUnit(tx, input.unitId))!;
    const id = `BCD-${unit.level[0].toUpperCase()}${unit.code}-${input.validFrom}`;
    if (!(await recordableCommittees(tx, actor, [{ id, unitId: input.unitId }])).has(id))
      throw forbidden('Bạn chỉ đăng ký được Ban Chỉ đạo của địa phương mình.');
    if (await sup.findCommittee(tx, id))
      throw conflict(`Đã có Ban Chỉ đạo của đơn vị này từ ngày ${formatDateVi(input.validFrom)}.`);
    await sup.insertCommittee(tx, {
      id,
      level: unit.level,
      unitId: input.unitId,
      name: input.name,
      programs: input.programs,
      instrumentId: null,
      validFrom: input.validFrom,
      validTo: null,
      factStatus: 'VERIFIED',
      source: `Nhập bởi ${actor.username}`,
    });
    await audit(tx, by(actor), {
      action: 'plan.committee.create',
      entity: 'steering_committee',
      entityId: id,
      unitId: input.unitId,
      after: input,
    });
    return { id };
  });
}

/** A steering-committee meeting; conclusions that assign work become tasks (same transaction). */
export async function createMeeting(
  db: Db,
  actor: Actor,
  committeeId: string,
  input: NewMeeting,
): Promise<MeetingRecorded> {
  // check every conclusion's task first, with the conclusion's own path: nothing is written when one is wrong
  const problems: { path: string; message: string }[] = [];
  for (const [i, c] of input.conclusions.entries()) {
    if (!c.task) continue;
    if (c.task.fanOut === 'none' && !c.task.leadAgencyId)
      problems.push({
        path: `body.conclusions.${i}.task.leadAgencyId`,
        message: 'Cần cơ quan chủ trì, hoặc giao cho tất cả các tỉnh / bộ.',
      });
    const p = c.task.deadline ? tryParseDeadline(c.task.deadline) : null;
    if (p && !p.ok) problems.push({ path: `body.conclusions.${i}.task.deadline`, message: p.message });
  }
  if (problems.length) throw invalid('Dữ liệu không hợp lệ', problems);
  return db.tx(async (tx) => {
    if (!(await sup.findCommittee(tx, committeeId))) throw notFound(`Không tìm thấy Ban Chỉ đạo "${committeeId}".`);
    await assertRecordsFor(tx, actor, committeeId);
    const m = {
      id: await sup.insertMeeting(tx, {
        committeeId,
        heldOn: input.heldOn,
        title: input.title,
        minutesRef: input.minutesRef ?? null,
      }),
    };
    const conclusions: { id: number; taskId: number | null }[] = [];
    for (const [i, c] of input.conclusions.entries()) {
      let taskId: number | null = null;
      if (c.task) {
        const created = await createTask(tx, actor, {
          planId: c.task.planId,
          position: c.task.position,
          title: c.body,
          leadAgencyId: c.task.leadAgencyId,
          fanOut: c.task.fanOut,
          coordinatorIds: [],
          deadline: c.task.deadline,
          startOn: input.heldOn,
          note: `Kết luận cuộc họp "${input.title}" (${formatDateVi(input.heldOn)}), mục ${i + 1}.`,
        });
        taskId = created.id;
      }
      conclusions.push({ id: await sup.insertConclusion(tx, m.id, c.body, taskId), taskId });
    }
    await audit(tx, by(actor), {
      action: 'plan.meeting.create',
      entity: 'committee_meeting',
      entityId: m.id,
      after: input,
    });
    return { id: m.id, conclusions };
  });
}

/**
 * Each recommendation's due date, parsed before anything is written; the whole request is refused when one cannot be
 * read.
 */
function recommendationDues(visits: SupervisionVisit[]): (string | null)[][][] {
  const problems: { path: string; message: string }[] = [];
  const dues = visits.map((v, vi) =>
    v.findings.map((f, fi) =>
      f.recommendations.map((r, ri) => {
        if (!r.deadline) return null;
        const p = tryParseDeadline(r.deadline);
        if (!p.ok) {
          problems.push({
            path: `body.visits.${vi}.findings.${fi}.recommendations.${ri}.deadline`,
            message: p.message,
          });
          return null;
        }
        return dueOf(p.deadline, v.visitedOn); // "15 ngày làm việc" counts from the visit
      }),
    ),
  );
  if (problems.length) throw invalid('Dữ liệu không hợp lệ', problems);
  return dues;
}

/** Writes visits, findings and recommendations under a plan; returns how many recommendations were written. */
async function insertVisits(
  tx: Db,
  planId: number,
  visits: SupervisionVisit[],
  dues: (string | null)[][][],
): Promise<number> {
  let recommendations = 0;
  for (const [vi, v] of visits.entries()) {
    if (v.agencyId) await assertAgencyInForce(tx, v.agencyId, v.visitedOn, `body.visits.${vi}.agencyId`);
    if (v.unitId) await assertUnitInForce(tx, v.unitId, v.visitedOn, `body.visits.${vi}.unitId`);
    const visit = {
      id: await sup.insertVisit(tx, {
        planId,
        unitId: v.unitId ?? null,
        agencyId: v.agencyId ?? null,
        visitedOn: v.visitedOn,
        team: v.team ?? null,
      }),
    };
    for (const [fi, f] of v.findings.entries()) {
      const finding = { id: await sup.insertFinding(tx, visit.id, f.body, f.severity) };
      for (const [ri, r] of f.recommendations.entries()) {
        if (r.addresseeAgencyId)
          await assertAgencyInForce(
            tx,
            r.addresseeAgencyId,
            v.visitedOn,
            `body.visits.${vi}.findings.${fi}.recommendations.${ri}.addresseeAgencyId`,
          );
        await sup.insertRecommendation(tx, {
          findingId: finding.id,
          body: r.body,
          addresseeAgencyId: r.addresseeAgencyId ?? null,
          deadlineText: r.deadline ?? null,
          dueOn: dues[vi][fi][ri],
        });
        recommendations++;
      }
    }
  }
  return recommendations;
}

/** A supervision / inspection plan with its visits, findings and recommendations (deadlines parsed). */
export async function createSupervision(db: Db, actor: Actor, input: NewSupervision): Promise<SupervisionCreated> {
  const dues = recommendationDues(input.visits);
  return db.tx(async (tx) => {
    await assertRecordsFor(tx, actor, input.committeeId);
    await assertVisitsInScope(tx, actor, input.visits);
    const plan = {
      id: await sup.insertSupervisionPlan(tx, {
        committeeId: input.committeeId ?? null,
        agencyId: input.agencyId ?? null,
        kind: input.kind,
        title: input.title,
        year: input.year,
        legalBasis: input.legalBasis ?? null,
      }),
    };
    const recommendations = await insertVisits(tx, plan.id, input.visits, dues);
    await audit(tx, by(actor), {
      action: 'plan.supervision.create',
      entity: 'supervision_plan',
      entityId: plan.id,
      agencyId: input.agencyId ?? null,
      after: input,
    });
    return { id: plan.id, recommendations };
  });
}

/** Visits made later under an existing plan (the plan is drawn up at the start of the year, visits follow). */
export async function addVisits(db: Db, actor: Actor, planId: number, input: NewVisits): Promise<VisitsAdded> {
  const dues = recommendationDues(input.visits);
  return db.tx(async (tx) => {
    const plan = await sup.lockSupervisionPlan(tx, planId);
    if (!plan) throw notFound(`Không tìm thấy kế hoạch kiểm tra, giám sát số ${planId}.`);
    await assertRecordsFor(tx, actor, plan.committee_id);
    await assertVisitsInScope(tx, actor, input.visits);
    const recommendations = await insertVisits(tx, planId, input.visits, dues);
    await audit(tx, by(actor), {
      action: 'plan.supervision.visits.add',
      entity: 'supervision_plan',
      entityId: planId,
      agencyId: plan.agency_id,
      after: input,
    });
    return { id: planId, visits: input.visits.length, recommendations };
  });
}

/**
 * Supervision and inspection plans with their visits, how their recommendations stand, and whether the caller may add
 * visits.
 */
export async function listSupervisionPlans(db: Db, actor: Actor | null): Promise<SupervisionPlanView[]> {
  const rows = await sup.listSupervisionPlans(db);
  const committees = rows.flatMap((r) => (r.committee_id ? [{ id: r.committee_id, unitId: r.committee_unit_id }] : []));
  const recordable = await recordableCommittees(db, actor, committees);
  return rows.map(({ committee_unit_id: _, ...r }) => ({
    ...r,
    canRecord: r.committee_id ? recordable.has(r.committee_id) : isCentral(actor),
  }));
}

/** Recommendations and their follow-up, with lateness at the as-of date. */
export async function listRecommendations(db: Db, asOf = todayInVietnam()): Promise<RecommendationView[]> {
  const rows = await sup.listRecommendations(db);
  return rows.map((r) => {
    const t = {
      status: (r.status === 'closed' ? 'completed' : 'in_progress') as TaskStatus,
      due: r.due_on,
      completedOn: r.closed_on,
    };
    return { ...r, daysLate: daysLate(t, asOf), overdue: isOverdue(t, asOf) };
  });
}

/** Follow-up of a recommendation to closure (program owner, or the addressee agency's officers). */
export async function updateRecommendation(
  db: Db,
  actor: Actor,
  id: number,
  input: RecommendationUpdate,
): Promise<RecommendationUpdated> {
  return db.tx(async (tx) => {
    const cur = await sup.lockRecommendation(tx, id);
    if (!cur) throw notFound(`Không tìm thấy kiến nghị số ${id}.`);
    if (!isCentral(actor)) {
      if (!cur.addressee_agency_id) throw forbidden('Kiến nghị này không gửi cơ quan của bạn.');
      await assertActsFor(tx, actor, cur.addressee_agency_id);
    }
    if (cur.version !== input.version) {
      throw conflict(
        `Kiến nghị đã được người khác cập nhật (phiên bản ${cur.version}, bạn đang sửa phiên bản ${input.version}). Không có gì bị ghi đè.`,
        { yours: input, current: cur },
      );
    }
    const closedOn = input.status === 'closed' ? (input.closedOn ?? todayInVietnam()) : null;
    const after = await sup.updateRecommendationFollowUp(tx, id, {
      status: input.status,
      followUp: input.followUp ?? null,
      closedOn,
    });
    await audit(tx, by(actor), {
      action: 'plan.recommendation.update',
      entity: 'supervision_recommendation',
      entityId: id,
      agencyId: cur.addressee_agency_id,
      before: cur,
      after,
    });
    return after;
  });
}
