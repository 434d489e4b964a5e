/** Tasks: create, edit (optimistic concurrency), dependencies, comments between agencies. */
import type { Db } from '../../../db/client';
import { todayInVietnam } from '../../../domain/text';
import { badRequest, conflict, forbidden, invalid, notFound } from '../../../errors';
import { isCentral, type Actor } from '../../access/actor';
import { audit } from '../../audit/audit';
import * as repo from '../repo';
import type { NewComment, NewDependency, NewPlan, NewTask, SubmissionUpdate, TaskUpdate } from '../schemas';
import { formatDateVi } from '../../../domain/text';
import { by, parseDeadlineOr422, dueOf, assertActsFor, assertAgencyInForce, assertOwnsPlan } from './shared';
import { actingAgencies } from './read';
import { notifyAgencyUsers } from './notify';

/**
 * A plan issued by an agency: the program owner registers any; a ministry officer or a province officer
 * registers the plans of its own ministry or People's Committee (in force on the issue date).
 */
export async function createPlan(db: Db, actor: Actor, input: NewPlan) {
  return db.tx(async (tx) => {
    await assertAgencyInForce(tx, input.issuerAgencyId, input.issuedOn, 'body.issuerAgencyId');
    if (!isCentral(actor) && !(await actingAgencies(tx, actor)).includes(input.issuerAgencyId)) {
      throw forbidden('Bạn chỉ đăng ký được kế hoạch do cơ quan mình ban hành.');
    }
    if (await tx.maybeOne(`SELECT 1 FROM plan WHERE code = $1`, [input.code])) throw conflict(`Đã có kế hoạch số ${input.code}.`);
    const row = await tx.one<{ id: number }>(
      `INSERT INTO plan (code, title, phase_id, issuer_agency_id, issued_on, purpose, fact_status, source) VALUES ($1, $2, $3, $4, $5, $6, 'VERIFIED', $7) RETURNING id`,
      [input.code, input.title, input.phaseId ?? null, input.issuerAgencyId, input.issuedOn, input.purpose ?? null, `Nhập bởi ${actor.username}`],
    );
    await audit(tx, by(actor), { action: 'plan.plan.create', entity: 'plan', entityId: row.id, agencyId: input.issuerAgencyId, after: input });
    return { id: row.id };
  });
}

export async function createTask(db: Db, actor: Actor, input: NewTask) {
  const startOn = input.startOn ?? todayInVietnam();
  const deadline = parseDeadlineOr422(input.deadline, 'body.deadline');
  if (input.fanOut === 'none' && !input.leadAgencyId) throw invalid('Dữ liệu không hợp lệ', [{ path: 'body.leadAgencyId', message: 'Cần cơ quan chủ trì, hoặc giao cho tất cả các tỉnh / bộ.' }]);
  return db.tx(async (tx) => {
    await assertOwnsPlan(tx, actor, input.planId, input.fanOut);
    if (input.leadAgencyId) await assertAgencyInForce(tx, input.leadAgencyId, startOn, 'body.leadAgencyId');
    for (const [i, c] of input.coordinatorIds.entries()) await assertAgencyInForce(tx, c, startOn, `body.coordinatorIds.${i}`);
    const row = await tx.one<{ id: number }>(
      `INSERT INTO task (plan_id, parent_id, position, title, lead_agency_id, fan_out, deadline_text, deadline_kind, due_on, start_on, deliverable_kind, note, fact_status, source, project_code)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'VERIFIED', $13, $14) RETURNING id`,
      [input.planId, input.parentId ?? null, input.position, input.title, input.fanOut === 'none' ? input.leadAgencyId : null, input.fanOut,
       input.deadline ?? null, deadline?.kind ?? null, dueOf(deadline, startOn), startOn, input.deliverableKind ?? null, input.note ?? null, `Nhập bởi ${actor.username}`, input.projectCode ?? null],
    );
    const targets = input.fanOut !== 'none' ? await repo.fanOutAgencies(tx, input.fanOut, startOn) : [{ agencyId: input.leadAgencyId!, unitId: null }];
    await tx.query(
      `INSERT INTO task_assignment (task_id, agency_id, unit_id, valid_from) SELECT $1, a, u, $4 FROM unnest($2::text[], $3::text[]) AS x (a, u)`,
      [row.id, targets.map((t) => t.agencyId), targets.map((t) => t.unitId), startOn],
    );
    for (const c of input.coordinatorIds) await tx.query(`INSERT INTO task_coordinator (task_id, agency_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [row.id, c]);
    await audit(tx, by(actor), { action: 'plan.task.create', entity: 'task', entityId: row.id, agencyId: input.leadAgencyId ?? null, after: { ...input, assignments: targets.length } });
    return { id: row.id, assignments: targets.length };
  });
}

export async function updateTask(db: Db, actor: Actor, taskId: number, input: TaskUpdate) {
  const deadline = parseDeadlineOr422(input.deadline, 'body.deadline');
  return db.tx(async (tx) => {
    const current = await tx.maybeOne<{ id: number; plan_id: number; title: string; deadline_text: string | null; due_on: string | null; note: string | null; version: number; start_on: string | null }>(
      `SELECT id, plan_id, title, deadline_text, due_on, note, version, start_on FROM task WHERE id = $1 FOR UPDATE`,
      [taskId],
    );
    if (!current) throw notFound(`Không tìm thấy nhiệm vụ số ${taskId}.`);
    await assertOwnsPlan(tx, actor, current.plan_id);
    if (current.version !== input.version) {
      throw conflict(
        `Nhiệm vụ đã được người khác sửa (phiên bản ${current.version}, bạn đang sửa phiên bản ${input.version}). Không có gì bị ghi đè: hãy xem lại hai phiên bản rồi lưu lại.`,
        { yours: input, current },
      );
    }
    const next = {
      title: input.title ?? current.title,
      deadline_text: input.deadline ?? current.deadline_text,
      due_on: input.deadline !== undefined ? dueOf(deadline, current.start_on) : current.due_on,
      note: input.note !== undefined ? input.note : current.note,
    };
    const after = await tx.one(
      `UPDATE task SET title = $2, deadline_text = $3, deadline_kind = COALESCE($4, deadline_kind), due_on = $5, note = $6, version = version + 1, updated_at = now()
        WHERE id = $1 RETURNING id, title, deadline_text, due_on, note, version`,
      [taskId, next.title, next.deadline_text, deadline?.kind ?? null, next.due_on, next.note],
    );
    await audit(tx, by(actor), { action: 'plan.task.update', entity: 'task', entityId: taskId, before: current, after });
    return after;
  });
}

export async function addComment(db: Db, actor: Actor, taskId: number, input: NewComment) {
  return db.tx(async (tx) => {
    if (!(await tx.maybeOne(`SELECT 1 FROM task WHERE id = $1`, [taskId]))) throw notFound(`Không tìm thấy nhiệm vụ số ${taskId}.`);
    if (input.toAgencyId && !(await repo.agencyAt(tx, input.toAgencyId, todayInVietnam()))) {
      throw invalid('Dữ liệu không hợp lệ', [{ path: 'body.toAgencyId', message: `Không có cơ quan mã "${input.toAgencyId}".` }]);
    }
    const from = (await actingAgencies(tx, actor))[0] ?? null;
    const row = await tx.one<{ id: number }>(
      `INSERT INTO task_comment (task_id, assignment_id, kind, from_agency_id, to_agency_id, body, by_user_id, by_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [taskId, input.assignmentId ?? null, input.kind, from, input.toAgencyId ?? null, input.body, actor.userId, actor.displayName],
    );
    await audit(tx, by(actor), { action: 'plan.comment.create', entity: 'task_comment', entityId: `${taskId}/${row.id}`, agencyId: from, after: input });
    if (input.toAgencyId) {
      await notifyAgencyUsers(tx, input.toAgencyId, { kind: 'comment', taskId, title: `Ý kiến mới về nhiệm vụ ${taskId}`, body: input.body.slice(0, 300) });
    }
    return { id: row.id };
  });
}

/** Task B depends on task A (A must be done first); a cycle is refused. */
export async function addDependency(db: Db, actor: Actor, taskId: number, input: NewDependency) {
  return db.tx(async (tx) => {
    const found = await tx.query<{ id: number; plan_id: number }>(`SELECT id, plan_id FROM task WHERE id = ANY($1::bigint[])`, [[taskId, input.dependsOnTaskId]]);
    if (found.length !== (taskId === input.dependsOnTaskId ? 1 : 2)) throw notFound('Không tìm thấy nhiệm vụ.');
    await assertOwnsPlan(tx, actor, found.find((t) => t.id === taskId)!.plan_id);
    if (taskId === input.dependsOnTaskId) throw badRequest('Nhiệm vụ không thể phụ thuộc vào chính nó.');
    const cycle = await tx.maybeOne(
      `WITH RECURSIVE up (id) AS (
         SELECT depends_on_task_id FROM task_dependency WHERE task_id = $1
         UNION SELECT d.depends_on_task_id FROM task_dependency d JOIN up ON d.task_id = up.id)
       SELECT 1 FROM up WHERE id = $2`,
      [input.dependsOnTaskId, taskId],
    );
    if (cycle) throw conflict(`Không thể thêm: nhiệm vụ ${input.dependsOnTaskId} đã (gián tiếp) phụ thuộc vào nhiệm vụ ${taskId}.`);
    await tx.query(`INSERT INTO task_dependency (task_id, depends_on_task_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [taskId, input.dependsOnTaskId]);
    await audit(tx, by(actor), { action: 'plan.dependency.create', entity: 'task', entityId: taskId, after: input });
    return { ok: true };
  });
}

/**
 * Records the day the lead agency submitted the deliverable (trình), with its source: the lead agency's
 * lateness is measured on it, not on the day the authority signed. The program owner or the lead
 * agency records it; it cannot come after the instrument's signature nor after today. Audited.
 */
export async function recordSubmission(db: Db, actor: Actor, taskId: number, input: SubmissionUpdate) {
  return db.tx(async (tx) => {
    const current = await repo.getSubmission(tx, taskId);
    if (!current) throw notFound(`Không tìm thấy nhiệm vụ số ${taskId}.`);
    if (!current.lead_agency_id) throw badRequest('Nhiệm vụ giao cho nhiều cơ quan không có một ngày trình chung.');
    await assertActsFor(tx, actor, current.lead_agency_id);
    if (current.version !== input.version) {
      throw conflict(`Nhiệm vụ đã được người khác sửa (phiên bản ${current.version}, bạn đang sửa phiên bản ${input.version}). Không có gì bị ghi đè.`, { yours: input, current });
    }
    const problems: { path: string; message: string }[] = [];
    if (input.submittedOn && input.submittedOn > todayInVietnam()) problems.push({ path: 'body.submittedOn', message: 'Ngày trình không được sau hôm nay.' });
    if (input.submittedOn && current.first_issued_on && input.submittedOn > current.first_issued_on) {
      problems.push({ path: 'body.submittedOn', message: `Ngày trình không thể sau ngày ban hành văn bản (${formatDateVi(current.first_issued_on)}).` });
    }
    if (problems.length) throw invalid('Dữ liệu không hợp lệ', problems);
    const after = await repo.setSubmission(tx, taskId, current.version, input.submittedOn, input.source);
    if (!after) throw conflict('Nhiệm vụ vừa được người khác cập nhật; hãy tải lại.', { yours: input });
    await audit(tx, by(actor), {
      action: 'plan.task.submission',
      entity: 'task',
      entityId: taskId,
      agencyId: current.lead_agency_id,
      before: { submittedOn: current.submitted_on, source: current.submitted_source },
      after: { submittedOn: after.submitted_on, source: after.submitted_source },
    });
    return { version: after.version, submittedOn: after.submitted_on, submittedSource: after.submitted_source };
  });
}
