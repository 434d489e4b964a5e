/** Steering-committee meetings, supervision and inspection, recommendations followed to closure. */
import type { Db } from '../../../db/client';
import { tryParseDeadline } from '../../../domain/plan/deadline';
import { daysLate, isOverdue } from '../../../domain/plan/lateness';
import type { TaskStatus } from '../../../domain/plan/status';
import { formatDateVi, todayInVietnam } from '../../../domain/text';
import { conflict, forbidden, invalid, notFound } from '../../../errors';
import { isCentral, type Actor } from '../../access/actor';
import { audit } from '../../audit/audit';
import type { NewMeeting, NewSupervision, RecommendationUpdate } from '../schemas';
import { by, assertActsFor, dueOf } from './shared';
import { createTask } from './tasks';

/** A steering-committee meeting; conclusions that assign work become tasks (same transaction). */
export async function createMeeting(db: Db, actor: Actor, committeeId: string, input: NewMeeting) {
  // check every conclusion's task first, with the conclusion's own path: nothing is written when one is wrong
  const problems: { path: string; message: string }[] = [];
  for (const [i, c] of input.conclusions.entries()) {
    if (!c.task) continue;
    if (c.task.fanOut === 'none' && !c.task.leadAgencyId) problems.push({ path: `body.conclusions.${i}.task.leadAgencyId`, message: 'Cần cơ quan chủ trì, hoặc giao cho tất cả các tỉnh / bộ.' });
    const p = c.task.deadline ? tryParseDeadline(c.task.deadline) : null;
    if (p && !p.ok) problems.push({ path: `body.conclusions.${i}.task.deadline`, message: p.message });
  }
  if (problems.length) throw invalid('Dữ liệu không hợp lệ', problems);
  return db.tx(async (tx) => {
    if (!(await tx.maybeOne(`SELECT 1 FROM steering_committee WHERE id = $1`, [committeeId]))) throw notFound(`Không tìm thấy Ban Chỉ đạo "${committeeId}".`);
    const m = await tx.one<{ id: number }>(`INSERT INTO committee_meeting (committee_id, held_on, title, minutes_ref) VALUES ($1, $2, $3, $4) RETURNING id`, [
      committeeId, input.heldOn, input.title, input.minutesRef ?? null,
    ]);
    const conclusions: { id: number; taskId: number | null }[] = [];
    for (const [i, c] of input.conclusions.entries()) {
      let taskId: number | null = null;
      if (c.task) {
        const created = await createTask(tx, actor, {
          planId: c.task.planId, position: c.task.position, title: c.body, leadAgencyId: c.task.leadAgencyId, fanOut: c.task.fanOut,
          coordinatorIds: [], deadline: c.task.deadline, startOn: input.heldOn, note: `Kết luận cuộc họp "${input.title}" (${formatDateVi(input.heldOn)}), mục ${i + 1}.`,
        });
        taskId = created.id;
      }
      const row = await tx.one<{ id: number }>(`INSERT INTO meeting_conclusion (meeting_id, body, task_id) VALUES ($1, $2, $3) RETURNING id`, [m.id, c.body, taskId]);
      conclusions.push({ id: row.id, taskId });
    }
    await audit(tx, by(actor), { action: 'plan.meeting.create', entity: 'committee_meeting', entityId: m.id, after: input });
    return { id: m.id, conclusions };
  });
}

/** A supervision / inspection plan with its visits, findings and recommendations (deadlines parsed). */
export async function createSupervision(db: Db, actor: Actor, input: NewSupervision) {
  // parse every deadline first: nothing is written when one is wrong
  const problems: { path: string; message: string }[] = [];
  const dues = input.visits.map((v, vi) =>
    v.findings.map((f, fi) =>
      f.recommendations.map((r, ri) => {
        if (!r.deadline) return null;
        const p = tryParseDeadline(r.deadline);
        if (!p.ok) {
          problems.push({ path: `body.visits.${vi}.findings.${fi}.recommendations.${ri}.deadline`, message: p.message });
          return null;
        }
        return dueOf(p.deadline);
      }),
    ),
  );
  if (problems.length) throw invalid('Dữ liệu không hợp lệ', problems);
  return db.tx(async (tx) => {
    const plan = await tx.one<{ id: number }>(
      `INSERT INTO supervision_plan (committee_id, agency_id, kind, title, year, legal_basis) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [input.committeeId ?? null, input.agencyId ?? null, input.kind, input.title, input.year, input.legalBasis ?? null],
    );
    let recommendations = 0;
    for (const [vi, v] of input.visits.entries()) {
      const visit = await tx.one<{ id: number }>(`INSERT INTO supervision_visit (plan_id, unit_id, agency_id, visited_on, team) VALUES ($1, $2, $3, $4, $5) RETURNING id`, [
        plan.id, v.unitId ?? null, v.agencyId ?? null, v.visitedOn, v.team ?? null,
      ]);
      for (const [fi, f] of v.findings.entries()) {
        const finding = await tx.one<{ id: number }>(`INSERT INTO supervision_finding (visit_id, body, severity) VALUES ($1, $2, $3) RETURNING id`, [visit.id, f.body, f.severity]);
        for (const [ri, r] of f.recommendations.entries()) {
          await tx.query(`INSERT INTO supervision_recommendation (finding_id, body, addressee_agency_id, deadline_text, due_on) VALUES ($1, $2, $3, $4, $5)`, [
            finding.id, r.body, r.addresseeAgencyId ?? null, r.deadline ?? null, dues[vi][fi][ri],
          ]);
          recommendations++;
        }
      }
    }
    await audit(tx, by(actor), { action: 'plan.supervision.create', entity: 'supervision_plan', entityId: plan.id, agencyId: input.agencyId ?? null, after: input });
    return { id: plan.id, recommendations };
  });
}

/** Recommendations and their follow-up, with lateness at the as-of date. */
export async function listRecommendations(db: Db, asOf = todayInVietnam()) {
  const rows = await db.query<{
    id: number; body: string; status: string; due_on: string | null; closed_on: string | null; deadline_text: string | null; follow_up: string | null; version: number;
    addressee: string | null; finding: string; plan_title: string; kind: string; visited_on: string;
  }>(
    `SELECT r.id, r.body, r.status, r.due_on, r.closed_on, r.deadline_text, r.follow_up, r.version, g.name AS addressee, f.body AS finding, p.title AS plan_title, p.kind, v.visited_on
       FROM supervision_recommendation r JOIN supervision_finding f ON f.id = r.finding_id JOIN supervision_visit v ON v.id = f.visit_id
       JOIN supervision_plan p ON p.id = v.plan_id LEFT JOIN agency g ON g.id = r.addressee_agency_id ORDER BY r.id`,
  );
  return rows.map((r) => {
    const t = { status: (r.status === 'closed' ? 'completed' : 'in_progress') as TaskStatus, due: r.due_on, completedOn: r.closed_on };
    return { ...r, daysLate: daysLate(t, asOf), overdue: isOverdue(t, asOf) };
  });
}

/** Follow-up of a recommendation to closure (program owner, or the addressee agency's officers). */
export async function updateRecommendation(db: Db, actor: Actor, id: number, input: RecommendationUpdate) {
  return db.tx(async (tx) => {
    const cur = await tx.maybeOne<{ id: number; status: string; addressee_agency_id: string | null; follow_up: string | null; closed_on: string | null; version: number }>(
      `SELECT id, status, addressee_agency_id, follow_up, closed_on, version FROM supervision_recommendation WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (!cur) throw notFound(`Không tìm thấy kiến nghị số ${id}.`);
    if (!isCentral(actor)) {
      if (!cur.addressee_agency_id) throw forbidden('Kiến nghị này không gửi cơ quan của bạn.');
      await assertActsFor(tx, actor, cur.addressee_agency_id);
    }
    if (cur.version !== input.version) {
      throw conflict(`Kiến nghị đã được người khác cập nhật (phiên bản ${cur.version}, bạn đang sửa phiên bản ${input.version}). Không có gì bị ghi đè.`, { yours: input, current: cur });
    }
    const closedOn = input.status === 'closed' ? (input.closedOn ?? todayInVietnam()) : null;
    const after = await tx.one(
      `UPDATE supervision_recommendation SET status = $2, follow_up = COALESCE($3, follow_up), closed_on = $4, version = version + 1 WHERE id = $1
       RETURNING id, status, follow_up, closed_on, version`,
      [id, input.status, input.followUp ?? null, closedOn],
    );
    await audit(tx, by(actor), { action: 'plan.recommendation.update', entity: 'supervision_recommendation', entityId: id, agencyId: cur.addressee_agency_id, before: cur, after });
    return after;
  });
}
