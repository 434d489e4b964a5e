/** Tasks: create, edit (optimistic concurrency), dependencies, comments between agencies. */
import type { Db } from '../../../db/client';
import { todayInVietnam } from '../../../domain/text';
import { badRequest, conflict, forbidden, invalid, notFound } from '../../../errors';
import { isCentral, type Actor } from '../../access/actor';
import { audit } from '../../audit/audit';
import * as repo from '../repo';
import * as assignments from '../repo-assignments';
import * as tasks from '../repo-tasks';
import type { TaskUpdated } from '../contracts';
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
    if (await tasks.planCodeTaken(tx, input.code)) throw conflict(`Đã có kế hoạch số ${input.code}.`);
    const id = await tasks.insertPlan(tx, {
      code: input.code,
      title: input.title,
      phaseId: input.phaseId ?? null,
      issuerAgencyId: input.issuerAgencyId,
      issuedOn: input.issuedOn,
      purpose: input.purpose ?? null,
      source: `Nhập bởi ${actor.username}`,
    });
    await audit(tx, by(actor), {
      action: 'plan.plan.create',
      entity: 'plan',
      entityId: id,
      agencyId: input.issuerAgencyId,
      after: input,
    });
    return { id };
  });
}

export async function createTask(db: Db, actor: Actor, input: NewTask) {
  const startOn = input.startOn ?? todayInVietnam();
  const deadline = parseDeadlineOr422(input.deadline, 'body.deadline');
  if (input.fanOut === 'none' && !input.leadAgencyId)
    throw invalid('Dữ liệu không hợp lệ', [
      { path: 'body.leadAgencyId', message: 'Cần cơ quan chủ trì, hoặc giao cho tất cả các tỉnh / bộ.' },
    ]);
  return db.tx(async (tx) => {
    await assertOwnsPlan(tx, actor, input.planId, input.fanOut);
    if (input.leadAgencyId) await assertAgencyInForce(tx, input.leadAgencyId, startOn, 'body.leadAgencyId');
    for (const [i, c] of input.coordinatorIds.entries())
      await assertAgencyInForce(tx, c, startOn, `body.coordinatorIds.${i}`);
    // nobody has reported on a new task yet: "chưa có báo cáo"
    const fresh = { status: 'no_report', percent: 0, completedOn: null } as const;
    const id = await tasks.insertTask(tx, {
      planId: input.planId,
      parentId: input.parentId ?? null,
      position: input.position,
      title: input.title,
      leadAgencyId: input.fanOut === 'none' ? (input.leadAgencyId ?? null) : null,
      fanOut: input.fanOut,
      deadlineText: input.deadline ?? null,
      deadlineKind: deadline?.kind ?? null,
      dueOn: dueOf(deadline, startOn),
      deadlineStatus: 'VERIFIED',
      startOn,
      deliverableKind: input.deliverableKind ?? null,
      ...fresh,
      note: input.note ?? null,
      source: `Nhập bởi ${actor.username}`,
      projectCode: input.projectCode ?? null,
      basisInstrumentId: null,
    });
    const targets =
      input.fanOut !== 'none'
        ? await repo.fanOutAgencies(tx, input.fanOut, startOn)
        : [{ agencyId: input.leadAgencyId!, unitId: null }];
    await assignments.insertInitialAssignments(tx, id, targets, { ...fresh, instrumentId: null, validFrom: startOn });
    for (const c of input.coordinatorIds) await tasks.addCoordinator(tx, id, c);
    await audit(tx, by(actor), {
      action: 'plan.task.create',
      entity: 'task',
      entityId: id,
      agencyId: input.leadAgencyId ?? null,
      after: { ...input, assignments: targets.length },
    });
    return { id, assignments: targets.length };
  });
}

export async function updateTask(db: Db, actor: Actor, taskId: number, input: TaskUpdate): Promise<TaskUpdated> {
  const deadline = parseDeadlineOr422(input.deadline, 'body.deadline');
  return db.tx(async (tx) => {
    const current = await tasks.lockTaskForEdit(tx, taskId);
    if (!current) throw notFound(`Không tìm thấy nhiệm vụ số ${taskId}.`);
    await assertOwnsPlan(tx, actor, current.plan_id);
    if (current.version !== input.version) {
      throw conflict(
        `Nhiệm vụ đã được người khác sửa (phiên bản ${current.version}, bạn đang sửa phiên bản ${input.version}). Không có gì bị ghi đè: hãy xem lại hai phiên bản rồi lưu lại.`,
        { yours: input, current },
      );
    }
    const after = await tasks.updateTaskFields(tx, taskId, {
      title: input.title ?? current.title,
      deadlineText: input.deadline ?? current.deadline_text,
      deadlineKind: deadline?.kind ?? null,
      dueOn: input.deadline !== undefined ? dueOf(deadline, current.start_on) : current.due_on,
      note: input.note !== undefined ? input.note : current.note,
    });
    await audit(tx, by(actor), {
      action: 'plan.task.update',
      entity: 'task',
      entityId: taskId,
      before: current,
      after,
    });
    return after;
  });
}

export async function addComment(db: Db, actor: Actor, taskId: number, input: NewComment) {
  return db.tx(async (tx) => {
    if (!(await tasks.taskExists(tx, taskId))) throw notFound(`Không tìm thấy nhiệm vụ số ${taskId}.`);
    if (input.toAgencyId && !(await repo.agencyAt(tx, input.toAgencyId, todayInVietnam()))) {
      throw invalid('Dữ liệu không hợp lệ', [
        { path: 'body.toAgencyId', message: `Không có cơ quan mã "${input.toAgencyId}".` },
      ]);
    }
    const from = (await actingAgencies(tx, actor))[0] ?? null;
    const id = await tasks.insertComment(tx, {
      taskId,
      assignmentId: input.assignmentId ?? null,
      kind: input.kind,
      fromAgencyId: from,
      toAgencyId: input.toAgencyId ?? null,
      body: input.body,
      userId: actor.userId,
      name: actor.displayName,
    });
    await audit(tx, by(actor), {
      action: 'plan.comment.create',
      entity: 'task_comment',
      entityId: `${taskId}/${id}`,
      agencyId: from,
      after: input,
    });
    if (input.toAgencyId) {
      await notifyAgencyUsers(tx, input.toAgencyId, {
        kind: 'comment',
        taskId,
        title: `Ý kiến mới về nhiệm vụ ${taskId}`,
        body: input.body.slice(0, 300),
      });
    }
    return { id };
  });
}

/** Task B depends on task A (A must be done first); a cycle is refused. */
export async function addDependency(db: Db, actor: Actor, taskId: number, input: NewDependency) {
  return db.tx(async (tx) => {
    const found = await tasks.plansOfTasks(tx, [taskId, input.dependsOnTaskId]);
    if (found.length !== (taskId === input.dependsOnTaskId ? 1 : 2)) throw notFound('Không tìm thấy nhiệm vụ.');
    await assertOwnsPlan(tx, actor, found.find((t) => t.id === taskId)!.plan_id);
    if (taskId === input.dependsOnTaskId) throw badRequest('Nhiệm vụ không thể phụ thuộc vào chính nó.');
    if (await tasks.dependsTransitively(tx, input.dependsOnTaskId, taskId))
      throw conflict(
        `Không thể thêm: nhiệm vụ ${input.dependsOnTaskId} đã (gián tiếp) phụ thuộc vào nhiệm vụ ${taskId}.`,
      );
    await tasks.addDependency(tx, taskId, input.dependsOnTaskId);
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
      throw conflict(
        `Nhiệm vụ đã được người khác sửa (phiên bản ${current.version}, bạn đang sửa phiên bản ${input.version}). Không có gì bị ghi đè.`,
        { yours: input, current },
      );
    }
    const problems: { path: string; message: string }[] = [];
    if (input.submittedOn && input.submittedOn > todayInVietnam())
      problems.push({ path: 'body.submittedOn', message: 'Ngày trình không được sau hôm nay.' });
    if (input.submittedOn && current.first_issued_on && input.submittedOn > current.first_issued_on) {
      problems.push({
        path: 'body.submittedOn',
        message: `Ngày trình không thể sau ngày ban hành văn bản (${formatDateVi(current.first_issued_on)}).`,
      });
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
