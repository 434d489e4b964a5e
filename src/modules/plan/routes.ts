import type { Router } from '../../server/route-registry';
import type { AppDeps } from '../../server/types';
import { todayInVietnam } from '../../domain/text';
import { badRequest } from '../../errors';
import { requireActor } from '../access/actor';
import { calendarOfYear } from '../../domain/calendar/working-days';
import { officialCalendar } from '../calendar/official';
import { XLSX_TYPE } from '../../server/table-export';
import {
  AssignmentUpdated,
  CommitteeDetail,
  CommitteeList,
  CommitteeMember,
  Created,
  CreatedCommittee,
  CreatedTask,
  DigestDone,
  EvidenceStored,
  InstrumentList,
  InstrumentUpdated,
  MeetingRecorded,
  MyAgencyView,
  NotificationList,
  Ok,
  PlanCalendar,
  PlanList,
  PlanStatusAnswer,
  ProgramOverview,
  RecommendationList,
  RecommendationUpdated,
  ReorganisationDone,
  SubmissionRecorded,
  SupervisionCreated,
  SupervisionPlanList,
  TaskDetail,
  TaskUpdated,
  VisitsAdded,
} from './contracts';
import { planWorkbook } from './excel';
import {
  AsOfQuery,
  AssignmentParams,
  CalendarQuery,
  AssignmentUpdate,
  CommitteeParams,
  DigestRun,
  NewCommittee,
  EvidenceParams,
  Handover,
  NewComment,
  NewDependency,
  NewMeeting,
  NewPlan,
  NewSupervision,
  NewTask,
  NewVisits,
  InstrumentLink,
  MemberInput,
  MemberParams,
  InstrumentUpdate,
  NewInstrument,
  RecommendationUpdate,
  Reorganise,
  StatusQuery,
  SubmissionUpdate,
  TaskParams,
  TaskUpdate,
} from './schemas';
import { PLAN_ROLES } from './policy';
import * as svc from './service';

// the role of each route comes from the plan's policy (the service checks the scope within it)
const READERS = PLAN_ROLES.read;
const ASSIGNEES = PLAN_ROLES['assignment.update'];
const OWNERS = PLAN_ROLES['national.manage'];
const RECORDERS = PLAN_ROLES['committee.record'];
const PLAN_OWNERS = PLAN_ROLES['plan.manage'];
const COMMENTERS = PLAN_ROLES.comment;
const tags = ['plan'];

export function registerPlanRoutes(r: Router, deps: AppDeps) {
  const db = deps.db;

  r.get(
    '/api/plan/calendar',
    {
      summary: 'Ngày nghỉ lễ, tết và ngày làm việc của một năm',
      access: 'public',
      tags,
      query: CalendarQuery,
      response: PlanCalendar,
    },
    ({ query }): PlanCalendar => calendarOfYear(query.year, officialCalendar),
  );

  r.get(
    '/api/plan/program',
    {
      summary: 'Chương trình: mục tiêu, dự án, ngân sách',
      access: READERS,
      tags,
      reference: true,
      response: ProgramOverview,
    },
    () => svc.programOverview(db),
  );

  r.get(
    '/api/plan/plans',
    { summary: 'Các kế hoạch', access: READERS, tags, response: PlanList },
    async ({ actor }) => ({ items: await svc.listPlans(db, actor) }),
  );
  r.post(
    '/api/plan/plans',
    { summary: 'Đăng ký kế hoạch do bộ, tỉnh ban hành', access: PLAN_OWNERS, tags, body: NewPlan, response: Created },
    async ({ actor, body }) => svc.createPlan(db, requireActor(actor), body),
  );

  r.get(
    '/api/plan/tasks',
    {
      summary: 'Tình hình thực hiện các nhiệm vụ',
      access: READERS,
      tags,
      query: StatusQuery,
      response: PlanStatusAnswer,
    },
    async ({ query }) => ({
      asOf: query.asOf ?? todayInVietnam(),
      items: await svc.planStatus(db, {
        asOf: query.asOf,
        agency: query.agency,
        overdueOnly: query.overdue === 'true',
        planId: query.plan,
      }),
    }),
  );

  r.get(
    '/api/plan/overdue',
    { summary: 'Báo cáo nhiệm vụ quá hạn', access: READERS, tags, query: AsOfQuery, response: PlanStatusAnswer },
    async ({ query }) => ({
      asOf: query.asOf ?? todayInVietnam(),
      items: await svc.planStatus(db, { asOf: query.asOf, agency: query.agency, overdueOnly: true }),
    }),
  );

  r.get(
    '/api/plan/export.xlsx',
    { summary: 'Xuất Excel kế hoạch hoặc báo cáo quá hạn', access: READERS, tags, query: StatusQuery, file: XLSX_TYPE },
    async ({ c, query }) => {
      const asOf = query.asOf ?? todayInVietnam();
      const overdue = query.overdue === 'true';
      const rows = await svc.planStatus(db, { asOf, agency: query.agency, overdueOnly: overdue, planId: query.plan });
      const buf = await planWorkbook(rows, {
        title: overdue ? 'BÁO CÁO NHIỆM VỤ QUÁ HẠN' : 'TÌNH HÌNH THỰC HIỆN KẾ HOẠCH',
        asOf,
        split: overdue,
      });
      c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      c.header('Content-Disposition', `attachment; filename="${overdue ? 'qua-han' : 'ke-hoach'}-${asOf}.xlsx"`);
      return c.body(new Uint8Array(buf));
    },
  );

  r.get(
    '/api/plan/my-agency',
    { summary: 'Nhiệm vụ của cơ quan tôi', access: READERS, tags, query: AsOfQuery, response: MyAgencyView },
    async ({ actor, query }) => svc.myAgency(db, requireActor(actor), { asOf: query.asOf, agency: query.agency }),
  );

  r.get(
    '/api/plan/tasks/:id',
    {
      summary: 'Chi tiết nhiệm vụ và lịch sử',
      access: READERS,
      tags,
      params: TaskParams,
      query: AsOfQuery,
      example: { id: '1' },
      response: TaskDetail,
    },
    async ({ actor, params, query }) => svc.taskDetail(db, params.id, query.asOf, actor),
  );

  r.post(
    '/api/plan/tasks',
    { summary: 'Thêm nhiệm vụ', access: PLAN_OWNERS, tags, body: NewTask, response: CreatedTask },
    async ({ actor, body }) => svc.createTask(db, requireActor(actor), body),
  );

  r.patch(
    '/api/plan/tasks/:id',
    {
      summary: 'Sửa nhiệm vụ (nội dung, thời hạn, ghi chú)',
      access: PLAN_OWNERS,
      tags,
      params: TaskParams,
      body: TaskUpdate,
      example: { id: '1' },
      response: TaskUpdated,
    },
    async ({ actor, params, body }) => svc.updateTask(db, requireActor(actor), params.id, body),
  );

  r.patch(
    '/api/plan/tasks/:id/submission',
    {
      summary: 'Ghi ngày cơ quan chủ trì trình văn bản (khác ngày ký ban hành)',
      access: PLAN_ROLES['submission.record'],
      tags,
      params: TaskParams,
      body: SubmissionUpdate,
      example: { id: '1' },
      response: SubmissionRecorded,
    },
    async ({ actor, params, body }) => svc.recordSubmission(db, requireActor(actor), params.id, body),
  );

  r.patch(
    '/api/plan/tasks/:id/assignments/:aid',
    {
      summary: 'Cập nhật tiến độ, trạng thái của phân công',
      access: ASSIGNEES,
      tags,
      params: AssignmentParams,
      body: AssignmentUpdate,
      example: { id: '1', aid: '1' },
      response: AssignmentUpdated,
    },
    async ({ actor, params, body }) => svc.updateAssignment(db, requireActor(actor), params.id, params.aid, body),
  );

  r.post(
    '/api/plan/tasks/:id/assignments/:aid/handover',
    {
      summary: 'Bàn giao phân công cho cơ quan khác',
      access: OWNERS,
      tags,
      params: AssignmentParams,
      body: Handover,
      example: { id: '1', aid: '1' },
      response: Created,
    },
    async ({ actor, params, body }) => svc.handOver(db, requireActor(actor), params.id, params.aid, body),
  );

  r.post(
    '/api/plan/tasks/:id/assignments/:aid/evidence',
    {
      summary: 'Tải lên tệp minh chứng',
      access: ASSIGNEES,
      tags,
      params: AssignmentParams,
      upload: true,
      example: { id: '1', aid: '1' },
      response: EvidenceStored,
    },
    async ({ c, actor, params }) => {
      const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      const file = (form as Record<string, unknown>).file;
      if (!(file instanceof File)) throw badRequest('Cần gửi một tệp trong trường "file" (multipart/form-data).');
      return svc.addEvidence(db, requireActor(actor), params.id, params.aid, {
        name: file.name,
        type: file.type,
        bytes: new Uint8Array(await file.arrayBuffer()),
      });
    },
  );

  r.get(
    '/api/plan/tasks/:id/evidence/:fid',
    {
      summary: 'Tải tệp minh chứng',
      access: READERS,
      tags,
      params: EvidenceParams,
      example: { id: '1', fid: '1' },
      file: 'application/octet-stream',
    },
    async ({ c, params }) => {
      const f = await svc.getEvidence(db, params.id, params.fid);
      c.header('Content-Type', f.content_type);
      c.header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.file_name)}`);
      c.header('X-Content-SHA256', f.sha256);
      return c.body(new Uint8Array(f.content));
    },
  );

  r.post(
    '/api/plan/tasks/:id/comments',
    {
      summary: 'Gửi ý kiến, đề nghị về nhiệm vụ',
      access: COMMENTERS,
      tags,
      params: TaskParams,
      body: NewComment,
      example: { id: '1' },
      response: Created,
    },
    async ({ actor, params, body }) => svc.addComment(db, requireActor(actor), params.id, body),
  );

  r.post(
    '/api/plan/reorganise',
    {
      summary: 'Bàn giao phân công của các cơ quan đã giải thể, hợp nhất cho cơ quan kế thừa',
      access: OWNERS,
      tags,
      body: Reorganise,
      response: ReorganisationDone,
    },
    async ({ actor, body }) => svc.reorganise(db, requireActor(actor), body),
  );

  r.post(
    '/api/plan/tasks/:id/dependencies',
    {
      summary: 'Thêm nhiệm vụ phải hoàn thành trước',
      access: PLAN_OWNERS,
      tags,
      params: TaskParams,
      body: NewDependency,
      example: { id: '1' },
      response: Ok,
    },
    async ({ actor, params, body }) => svc.addDependency(db, requireActor(actor), params.id, body),
  );

  r.get(
    '/api/plan/instruments',
    { summary: 'Sổ văn bản', access: READERS, tags, response: InstrumentList },
    async () => ({ items: await svc.listInstruments(db) }),
  );
  r.post(
    '/api/plan/instruments',
    {
      summary: 'Đăng ký văn bản (dự thảo, đã trình, đã ban hành)',
      access: ['admin', 'program_owner', 'ministry_lead'],
      tags,
      body: NewInstrument,
      response: Created,
    },
    async ({ actor, body }) => svc.createInstrument(db, requireActor(actor), body),
  );
  r.patch(
    '/api/plan/instruments/:id',
    {
      summary: 'Cập nhật văn bản: trạng thái, số, ngày ban hành',
      access: ['admin', 'program_owner', 'ministry_lead'],
      tags,
      params: TaskParams,
      body: InstrumentUpdate,
      example: { id: '1' },
      response: InstrumentUpdated,
    },
    async ({ actor, params, body }) => svc.updateInstrument(db, requireActor(actor), params.id, body),
  );
  r.post(
    '/api/plan/tasks/:id/instruments',
    {
      summary: 'Gắn văn bản thực hiện nhiệm vụ',
      access: ASSIGNEES,
      tags,
      params: TaskParams,
      body: InstrumentLink,
      example: { id: '1' },
      response: Ok,
    },
    async ({ actor, params, body }) => svc.linkInstrument(db, requireActor(actor), params.id, body),
  );
  r.get(
    '/api/plan/committees',
    { summary: 'Ban Chỉ đạo các cấp', access: READERS, tags, response: CommitteeList },
    async ({ actor }) => ({ items: await svc.listCommittees(db, actor) }),
  );
  r.post(
    '/api/plan/committees',
    {
      summary: 'Đăng ký Ban Chỉ đạo của tỉnh, xã',
      access: RECORDERS,
      tags,
      body: NewCommittee,
      response: CreatedCommittee,
    },
    async ({ actor, body }) => svc.createCommittee(db, requireActor(actor), body),
  );
  r.get(
    '/api/plan/committees/:id',
    {
      summary: 'Thành viên, cuộc họp của Ban Chỉ đạo',
      access: READERS,
      tags,
      params: CommitteeParams,
      example: { id: 'BCD-TW-2021' },
      response: CommitteeDetail,
    },
    async ({ actor, params }) => svc.committeeDetail(db, actor, params.id),
  );

  r.post(
    '/api/plan/committees/:id/members',
    {
      summary: 'Thêm thành viên Ban Chỉ đạo',
      access: RECORDERS,
      tags,
      params: CommitteeParams,
      body: MemberInput,
      example: { id: 'BCD-TW-2021' },
      response: CommitteeMember,
    },
    async ({ actor, params, body }) => svc.addMember(db, requireActor(actor), params.id, body),
  );
  r.patch(
    '/api/plan/committees/:id/members/:memberId',
    {
      summary: 'Sửa thành viên Ban Chỉ đạo (vai trò, chức vụ, thời gian; kết thúc bằng ngày kết thúc)',
      access: RECORDERS,
      tags,
      params: MemberParams,
      body: MemberInput,
      example: { id: 'BCD-TW-2021', memberId: '1' },
      response: CommitteeMember,
    },
    async ({ actor, params, body }) => svc.updateMember(db, requireActor(actor), params.id, params.memberId, body),
  );

  r.post(
    '/api/plan/committees/:id/meetings',
    {
      summary: 'Ghi cuộc họp Ban Chỉ đạo; kết luận giao việc thành nhiệm vụ',
      access: RECORDERS,
      tags,
      params: CommitteeParams,
      body: NewMeeting,
      example: { id: 'BCD-TW-2021' },
      response: MeetingRecorded,
    },
    async ({ actor, params, body }) => svc.createMeeting(db, requireActor(actor), params.id, body),
  );
  r.get(
    '/api/plan/supervision/recommendations',
    {
      summary: 'Kiến nghị sau kiểm tra, giám sát và việc theo dõi thực hiện',
      access: READERS,
      tags,
      query: AsOfQuery,
      response: RecommendationList,
    },
    async ({ query }) => ({
      items: await svc.listRecommendations(db, query.asOf),
    }),
  );
  r.get(
    '/api/plan/supervision',
    {
      summary: 'Kế hoạch kiểm tra, giám sát: số đợt, kiến nghị còn mở',
      access: READERS,
      tags,
      response: SupervisionPlanList,
    },
    async ({ actor }) => ({ items: await svc.listSupervisionPlans(db, actor) }),
  );
  r.post(
    '/api/plan/supervision/:id/visits',
    {
      summary: 'Ghi thêm đợt kiểm tra, giám sát vào kế hoạch đã có',
      access: RECORDERS,
      tags,
      params: TaskParams,
      body: NewVisits,
      example: { id: '1' },
      response: VisitsAdded,
    },
    async ({ actor, params, body }) => svc.addVisits(db, requireActor(actor), params.id, body),
  );
  r.post(
    '/api/plan/supervision',
    {
      summary: 'Kế hoạch kiểm tra, giám sát: đợt, phát hiện, kiến nghị',
      access: RECORDERS,
      tags,
      body: NewSupervision,
      response: SupervisionCreated,
    },
    async ({ actor, body }) => svc.createSupervision(db, requireActor(actor), body),
  );
  r.patch(
    '/api/plan/supervision/recommendations/:id',
    {
      summary: 'Cập nhật thực hiện kiến nghị',
      access: ASSIGNEES,
      tags,
      params: TaskParams,
      body: RecommendationUpdate,
      example: { id: '1' },
      response: RecommendationUpdated,
    },
    async ({ actor, params, body }) => svc.updateRecommendation(db, requireActor(actor), params.id, body),
  );

  r.get(
    '/api/notifications',
    { summary: 'Thông báo của tôi', access: 'authenticated', tags, response: NotificationList },
    async ({ actor }) => ({ items: await svc.listNotifications(db, requireActor(actor)) }),
  );
  r.post(
    '/api/notifications/:id/read',
    {
      summary: 'Đánh dấu đã đọc',
      access: 'authenticated',
      tags,
      params: TaskParams,
      example: { id: '1' },
      response: Ok,
    },
    async ({ actor, params }) => svc.markNotificationRead(db, requireActor(actor), params.id),
  );
  r.post(
    '/api/plan/digest',
    { summary: 'Chạy bản tổng hợp hằng ngày', access: ['admin'], tags, body: DigestRun, response: DigestDone },
    async ({ body }) => svc.runDigest(db, body.asOf),
  );
}
