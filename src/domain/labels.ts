/**
 * The one table of labels for codes that reach a screen: audit actions and entities, the
 * verification status of facts, plan task statuses, the poverty review's steps, levels and deadlines, request fields
 * named in form errors, the actors of the audit trail that are not accounts. Vietnamese and English.
 * A code without a label is shown by a generic phrase, never raw (see labelOf).
 */
import { STATUS_LABELS, type TaskStatus } from './plan/status';
import {
  CHAIN_INFO,
  LEVEL_LABEL_VI,
  STEP_INFO,
  type DeadlineKind,
  type ReportLevel,
  type ReviewStep,
} from './poverty/review';
import type { CommuneStatusInput } from './poverty/scope';

export type LabelLang = 'vi' | 'en';
export type Label = Record<LabelLang, string>;

export const AUDIT_ACTION_LABELS: Record<string, Label> = {
  'audit.log.export': { vi: 'Xuất nhật ký', en: 'Audit log exported' },
  'auth.session.login': { vi: 'Đăng nhập', en: 'Signed in' },
  'auth.session.logout': { vi: 'Đăng xuất', en: 'Signed out' },
  'auth.login.failed': { vi: 'Đăng nhập sai', en: 'Failed sign-in' },
  'auth.login.locked': { vi: 'Đăng nhập vào tài khoản đã khóa', en: 'Sign-in to a locked account' },
  'auth.password.change': { vi: 'Đổi mật khẩu', en: 'Password changed' },
  'auth.password.change_failed': {
    vi: 'Đổi mật khẩu không thành công (sai mật khẩu hiện tại)',
    en: 'Password change refused (wrong current password)',
  },
  'users.user.create': { vi: 'Tạo tài khoản', en: 'Account created' },
  'users.user.export': { vi: 'Xuất danh sách tài khoản', en: 'Account list exported' },
  'users.user.lock': { vi: 'Khóa tài khoản', en: 'Account locked' },
  'users.user.unlock': { vi: 'Mở khóa tài khoản', en: 'Account unlocked' },
  'users.password.reset': { vi: 'Đặt lại mật khẩu', en: 'Password reset' },
  'users.grants.update': { vi: 'Sửa vai trò, thời hạn', en: 'Roles and dates changed' },
  'plan.assignment.handover': { vi: 'Bàn giao nhiệm vụ cho cơ quan kế thừa', en: 'Assignment handed over' },
  'plan.assignment.reorganise': {
    vi: 'Chuyển nhiệm vụ khi sắp xếp đơn vị',
    en: 'Assignment moved in a reorganisation',
  },
  'plan.assignment.update': { vi: 'Cập nhật tiến độ nhiệm vụ', en: 'Progress reported' },
  'plan.comment.create': { vi: 'Góp ý nhiệm vụ', en: 'Comment added' },
  'plan.committee.create': { vi: 'Đăng ký Ban Chỉ đạo', en: 'Steering committee registered' },
  'plan.dependency.create': { vi: 'Thêm nhiệm vụ tiền đề', en: 'Task dependency added' },
  'plan.digest.run': { vi: 'Gửi bản tin nhắc việc hằng ngày', en: 'Daily digest run' },
  'plan.evidence.create': { vi: 'Đính kèm minh chứng', en: 'Evidence attached' },
  'plan.instrument.create': { vi: 'Thêm văn bản', en: 'Instrument added' },
  'plan.instrument.link': { vi: 'Gắn văn bản với nhiệm vụ', en: 'Instrument linked' },
  'plan.instrument.update': { vi: 'Sửa văn bản', en: 'Instrument updated' },
  'plan.meeting.create': { vi: 'Ghi cuộc họp Ban Chỉ đạo', en: 'Meeting recorded' },
  'plan.notification.read': { vi: 'Đánh dấu đã đọc thông báo', en: 'Notification read' },
  'plan.outbox.send': { vi: 'Gửi thư điện tử', en: 'E-mail sent' },
  'plan.plan.create': { vi: 'Tạo kế hoạch', en: 'Plan created' },
  'plan.recommendation.update': { vi: 'Cập nhật kiến nghị', en: 'Recommendation updated' },
  'plan.supervision.create': { vi: 'Tạo kế hoạch kiểm tra, giám sát', en: 'Supervision planned' },
  'plan.supervision.visits.add': { vi: 'Thêm đợt kiểm tra, giám sát', en: 'Supervision visits added' },
  'plan.task.create': { vi: 'Tạo nhiệm vụ', en: 'Task created' },
  'plan.task.update': { vi: 'Sửa nhiệm vụ', en: 'Task updated' },
  'plan.task.submission': { vi: 'Ghi ngày trình văn bản của nhiệm vụ', en: 'Submission date recorded' },
  'poverty.application.create': { vi: 'Nộp đơn đề nghị rà soát', en: 'Review application filed' },
  'poverty.application.decide': { vi: 'Quyết định đơn đề nghị rà soát', en: 'Review application decided' },
  'poverty.household.export': {
    vi: 'Xuất danh sách hộ (dữ liệu cá nhân)',
    en: 'Household list exported (personal data)',
  },
  'poverty.import.create': { vi: 'Nhập kết quả rà soát', en: 'Review results imported' },
  'poverty.review.approve': { vi: 'Phê duyệt kết quả rà soát', en: 'Review approved' },
  'poverty.review.return': { vi: 'Trả lại kết quả rà soát', en: 'Review returned' },
  'poverty.review.step': { vi: 'Ghi bước rà soát', en: 'Review step recorded' },
  'budget.criteria.import': { vi: 'Nhập số liệu tiêu chí phân bổ', en: 'Allocation criteria imported' },
  'budget.line.assign': { vi: 'Giao dự toán, kế hoạch vốn', en: 'Budget line assigned' },
  'budget.report.import': { vi: 'Nhập báo cáo giải ngân', en: 'Disbursement report imported' },
  'budget.rulebook.create': { vi: 'Tạo bộ quy tắc phân bổ', en: 'Allocation rulebook created' },
  'budget.support_ratio.set': { vi: 'Ghi tỷ lệ hỗ trợ từ ngân sách trung ương', en: 'Central support ratio set' },
  'poverty.resident_households.import': { vi: 'Nhập tổng số hộ dân cư', en: 'Resident households imported' },
  'poverty.resident_households.set': { vi: 'Ghi tổng số hộ dân cư', en: 'Resident households recorded' },
  'results.area_exit.create': { vi: 'Ghi địa bàn thoát nghèo', en: 'Area exit recorded' },
  'results.form.rules': { vi: 'Sửa quy tắc kiểm tra biểu mẫu', en: 'Form validation rules changed' },
  'results.period.open': { vi: 'Mở kỳ báo cáo', en: 'Reporting period opened' },
  'results.report.approve': { vi: 'Phê duyệt báo cáo', en: 'Report approved' },
  'results.report.return': { vi: 'Trả lại báo cáo', en: 'Report returned' },
  'results.report.import': { vi: 'Nhập báo cáo từ tệp', en: 'Report imported from a file' },
  'results.report.save': { vi: 'Lưu báo cáo', en: 'Report saved' },
  'results.report.submit': { vi: 'Gửi báo cáo', en: 'Report submitted' },
  'plan.committee_member.create': { vi: 'Thêm thành viên Ban Chỉ đạo', en: 'Committee member added' },
  'plan.committee_member.update': { vi: 'Sửa thành viên Ban Chỉ đạo', en: 'Committee member changed' },
  'plan.committee_member.end': { vi: 'Kết thúc làm thành viên Ban Chỉ đạo', en: 'Committee membership ended' },
  'results.target.create': { vi: 'Ghi chỉ tiêu', en: 'Target recorded' },
  'security.access.denied': { vi: 'Bị từ chối truy cập', en: 'Access refused' },
  'field.survey.accept': { vi: 'Nhận phiếu rà soát tại hộ', en: 'Field survey accepted' },
  'field.survey.conflict': { vi: 'Phiếu rà soát tại hộ chờ xử lý', en: 'Field survey held as a conflict' },
  'field.survey.resolve': { vi: 'Quyết định phiếu chờ xử lý', en: 'Field survey conflict decided' },
  'field.evidence.read': {
    vi: 'Xem minh chứng rà soát (dữ liệu cá nhân)',
    en: 'Survey evidence viewed (personal data)',
  },
  'field.photo.read': { vi: 'Xem ảnh minh chứng (dữ liệu cá nhân)', en: 'Evidence photo viewed (personal data)' },
};

export const AUDIT_ENTITY_LABELS: Record<string, Label> = {
  audit_log: { vi: 'Nhật ký', en: 'Audit log' },
  committee_meeting: { vi: 'Cuộc họp Ban Chỉ đạo', en: 'Committee meeting' },
  committee_member: { vi: 'Thành viên Ban Chỉ đạo', en: 'Committee member' },
  commune: { vi: 'Xã', en: 'Commune' },
  commune_review: { vi: 'Rà soát của xã', en: 'Commune review' },
  email_outbox: { vi: 'Thư điện tử', en: 'E-mail' },
  evidence_file: { vi: 'Minh chứng', en: 'Evidence' },
  legal_instrument: { vi: 'Văn bản', en: 'Legal instrument' },
  notification: { vi: 'Thông báo', en: 'Notification' },
  plan: { vi: 'Kế hoạch', en: 'Plan' },
  poverty_application: { vi: 'Đơn đề nghị rà soát', en: 'Review application' },
  poverty_import: { vi: 'Lần nhập rà soát', en: 'Review import' },
  steering_committee: { vi: 'Ban Chỉ đạo', en: 'Steering committee' },
  supervision_plan: { vi: 'Kế hoạch kiểm tra, giám sát', en: 'Supervision plan' },
  supervision_recommendation: { vi: 'Kiến nghị', en: 'Recommendation' },
  task: { vi: 'Nhiệm vụ', en: 'Task' },
  task_assignment: { vi: 'Phân công nhiệm vụ', en: 'Task assignment' },
  task_comment: { vi: 'Góp ý', en: 'Comment' },
  budget_criteria_set: { vi: 'Bộ số liệu tiêu chí phân bổ', en: 'Allocation criteria set' },
  budget_line: { vi: 'Dòng dự toán, kế hoạch vốn', en: 'Budget line' },
  budget_rulebook: { vi: 'Bộ quy tắc phân bổ', en: 'Allocation rulebook' },
  budget_run: { vi: 'Lần tính phân bổ', en: 'Allocation run' },
  budget_support_ratio: { vi: 'Tỷ lệ hỗ trợ từ ngân sách trung ương', en: 'Central support ratio' },
  poverty_resident_households: { vi: 'Tổng số hộ dân cư của xã', en: 'Resident households of a commune' },
  results_area_exit: { vi: 'Địa bàn thoát nghèo', en: 'Area exit' },
  results_form: { vi: 'Biểu mẫu báo cáo', en: 'Report form' },
  results_period: { vi: 'Kỳ báo cáo', en: 'Reporting period' },
  results_report: { vi: 'Báo cáo', en: 'Report' },
  results_target: { vi: 'Chỉ tiêu', en: 'Target' },
  route: { vi: 'Chức năng', en: 'Function' },
  user: { vi: 'Tài khoản', en: 'Account' },
  field_survey: { vi: 'Phiếu rà soát tại hộ', en: 'Field survey' },
  field_photo: { vi: 'Ảnh minh chứng', en: 'Evidence photo' },
};

/**
 * Verification status of a fact or a row of reference data (upper case in the source files, lower case in
 * reference/legal).
 */
export const VERIFICATION_LABELS: Record<string, Label> = {
  VERIFIED: { vi: 'đã xác minh', en: 'verified' },
  VERIFIED_SECONDARY: { vi: 'đã xác minh qua nguồn thứ cấp', en: 'verified (secondary source)' },
  PARTIAL: { vi: 'xác minh một phần', en: 'partly verified' },
  UNVERIFIED: { vi: 'chưa xác minh', en: 'unverified' },
  SUSPECT: { vi: 'nghi vấn, chưa dùng', en: 'suspect, not used' },
};

/**
 * A project or sub-project of the Program by its code: 'DA1.TDA2' → 'Dự án 1 – Tiểu dự án 2'
 * (the numbering of Decision 90/QĐ-TTg); a code of another shape is not shown.
 */
export function programProjectLabel(code: string, lang: LabelLang): string | null {
  const m = /^DA(\d+)(?:\.TDA(\d+))?$/.exec(code);
  if (!m) return null;
  const project = lang === 'vi' ? `Dự án ${m[1]}` : `Project ${m[1]}`;
  return m[2] ? `${project} – ${lang === 'vi' ? 'Tiểu dự án' : 'sub-project'} ${m[2]}` : project;
}

/** Status of a plan task or assignment: the Vietnamese words of the workflow, and their English. */
export const TASK_STATUS_LABELS: Record<TaskStatus, Label> = {
  no_report: { vi: STATUS_LABELS.no_report, en: 'No report yet' },
  not_started: { vi: STATUS_LABELS.not_started, en: 'Not started' },
  in_progress: { vi: STATUS_LABELS.in_progress, en: 'In progress' },
  submitted: { vi: STATUS_LABELS.submitted, en: 'Submitted' },
  completed: { vi: STATUS_LABELS.completed, en: 'Completed' },
  paused: { vi: STATUS_LABELS.paused, en: 'Paused' },
  cancelled: { vi: STATUS_LABELS.cancelled, en: 'Cancelled' },
};

export const taskStatusLabel = (code: string, lang: LabelLang) =>
  TASK_STATUS_LABELS[code as TaskStatus]?.[lang] ?? GENERIC.status[lang];

/**
 * The actions that move a task (named in Vietnamese by the workflow in plan/status.ts and sent so by the
 * server), in English for the English interface; an action without an entry is shown as the server named it.
 */
export const TASK_ACTION_LABELS_EN: Record<string, string> = {
  'Báo cáo: chưa triển khai': 'Report: not started',
  'Bắt đầu thực hiện': 'Start work',
  'Hoàn thành': 'Complete',
  'Tạm dừng': 'Pause',
  'Hủy nhiệm vụ': 'Cancel the task',
  'Trình kết quả': 'Submit the result',
  'Trả lại để hoàn thiện': 'Return for completion',
  'Xác nhận hoàn thành': 'Confirm completion',
  'Tiếp tục thực hiện': 'Resume',
  'Mở lại': 'Reopen',
};

export const taskActionLabel = (actionVi: string, lang: LabelLang) =>
  lang === 'vi' ? actionVi : (TASK_ACTION_LABELS_EN[actionVi] ?? actionVi);

/**
 * Steps of the poverty review: Vietnamese as Decision 24/2021 names them (poverty/review.ts, also sent by the server
 * as `labelVi`), and their English for the English interface.
 */
export const REVIEW_STEP_LABELS: Record<ReviewStep, Label> = {
  application: { vi: STEP_INFO.application.labelVi, en: 'The household files a request for review (Form No. 04)' },
  listing: { vi: STEP_INFO.listing.labelVi, en: 'List the households to be reviewed' },
  survey: { vi: STEP_INFO.survey.labelVi, en: 'Review and classify the households' },
  village_meeting: { vi: STEP_INFO.village_meeting.labelVi, en: 'Village meeting to agree on the review results' },
  public_posting: { vi: STEP_INFO.public_posting.labelVi, en: 'Public posting and announcement' },
  district_consultation: {
    vi: STEP_INFO.district_consultation.labelVi,
    en: "Report to and consult the chair of the district People's Committee",
  },
  recognition: {
    vi: STEP_INFO.recognition.labelVi,
    en: 'Recognition of poor, near-poor, no-longer-poor and no-longer-near-poor households',
  },
};

/** Levels of the review's reporting chain (who approves), short. */
export const REVIEW_LEVEL_LABELS: Record<ReportLevel, Label> = {
  commune: { vi: LEVEL_LABEL_VI.commune, en: 'Commune level' },
  district: { vi: LEVEL_LABEL_VI.district, en: 'District level' },
  province: { vi: LEVEL_LABEL_VI.province, en: 'Province level' },
  central: { vi: LEVEL_LABEL_VI.central, en: 'Central level' },
};

/** What each level of the chain does, as Decision 24/2021 says it. */
export const REVIEW_CHAIN_LABELS: Record<ReportLevel, Label> = {
  commune: {
    vi: CHAIN_INFO.commune.labelVi,
    en: "The commune People's Committee chair compiles the results and reports them upwards",
  },
  district: {
    vi: CHAIN_INFO.district.labelVi,
    en: "The district People's Committee chair receives, compiles and reports to the province chair",
  },
  province: {
    vi: CHAIN_INFO.province.labelVi,
    en: "The province compiles; preliminary report before 15/11, the province People's Committee chair's official report before 20/12",
  },
  central: { vi: CHAIN_INFO.central.labelVi, en: 'The ministry compiles and announces the national review results' },
};

/** The review's reporting deadlines of a year ({{year}}; {{month}} for the monthly reports). */
export const REVIEW_DEADLINE_LABELS: Record<DeadlineKind, Label> = {
  monthly_report: {
    vi: 'Báo cáo kết quả rà soát thường xuyên tháng {{month}}/{{year}}',
    en: 'Report of the regular review, {{month}}/{{year}}',
  },
  preliminary_report: {
    vi: 'Báo cáo sơ bộ kết quả rà soát định kỳ năm {{year}}',
    en: 'Preliminary report of the periodic review {{year}}',
  },
  periodic_close: { vi: 'Kết thúc rà soát định kỳ năm {{year}}', en: 'End of the periodic review {{year}}' },
  official_report: {
    vi: 'Báo cáo chính thức kết quả rà soát định kỳ năm {{year}}',
    en: 'Official report of the periodic review {{year}}',
  },
};

export const reviewStepLabel = (step: string, lang: LabelLang) =>
  REVIEW_STEP_LABELS[step as ReviewStep]?.[lang] ?? GENERIC.step[lang];
export const reviewLevelLabel = (level: string, lang: LabelLang) =>
  REVIEW_LEVEL_LABELS[level as ReportLevel]?.[lang] ?? GENERIC.level[lang];
export const reviewChainLabel = (level: string, lang: LabelLang) =>
  REVIEW_CHAIN_LABELS[level as ReportLevel]?.[lang] ?? GENERIC.level[lang];
/** A deadline of the year by its kind and due date ('2026-11-14'). */
export function reviewDeadlineLabel(kind: string, due: string, lang: LabelLang): string {
  const l = REVIEW_DEADLINE_LABELS[kind as DeadlineKind]?.[lang];
  if (!l) return GENERIC.deadline[lang];
  // every deadline of a year's review falls in that year (5/2–5/9, 14/11, 14/12, 19/12)
  return l.replace('{{year}}', due.slice(0, 4)).replace('{{month}}', String(Number(due.slice(5, 7))));
}

const COMMUNE_STATUS_WORDS: Record<LabelLang, Record<'all' | 'approved' | 'noImport' | 'next' | 'waiting', string>> = {
  vi: {
    all: 'Đã phê duyệt ở mọi cấp',
    approved: 'Đã phê duyệt: {{done}}; chờ {{next}}',
    noImport: 'Chưa nhập sổ kết quả rà soát',
    next: 'Đã nhập sổ; bước tiếp theo: {{step}}',
    waiting: 'Chờ phê duyệt: {{level}}',
  },
  en: {
    all: 'Approved at every level',
    approved: 'Approved: {{done}}; awaiting {{next}}',
    noImport: 'Review workbook not imported yet',
    next: 'Workbook imported; next step: {{step}}',
    waiting: 'Awaiting approval: {{level}}',
  },
};

/** A commune's review status in a sentence, as the province's list and the commune's home panel show it. */
export function communeStatusLabel(s: CommuneStatusInput, lang: LabelLang): string {
  const w = COMMUNE_STATUS_WORDS[lang];
  const level = (l: ReportLevel) => REVIEW_LEVEL_LABELS[l][lang].toLowerCase();
  if (s.nextApprover === null) return w.all;
  if (s.locked && s.lastApproved)
    return w.approved.replace('{{done}}', level(s.lastApproved)).replace('{{next}}', level(s.nextApprover));
  if (!s.hasImport) return w.noImport;
  if (s.nextStep) return w.next.replace('{{step}}', REVIEW_STEP_LABELS[s.nextStep][lang]);
  return w.waiting.replace('{{level}}', level(s.nextApprover));
}

/** Who acted in the audit trail when no account did: the system itself, the command line, nobody signed in. */
export const AUDIT_ACTOR_LABELS: Record<string, Label> = {
  'hệ thống': { vi: 'hệ thống', en: 'system' },
  cli: { vi: 'dòng lệnh (giamngheo)', en: 'command line (giamngheo)' },
  'ẩn danh': { vi: 'ẩn danh (chưa đăng nhập)', en: 'anonymous (not signed in)' },
};

/** Fields of requests, as named in form errors ('body.password' → 'Mật khẩu'). */
export const FIELD_LABELS: Record<string, Label> = {
  username: { vi: 'Tên đăng nhập', en: 'User name' },
  displayName: { vi: 'Họ và tên', en: 'Full name' },
  email: { vi: 'Thư điện tử', en: 'E-mail' },
  password: { vi: 'Mật khẩu', en: 'Password' },
  currentPassword: { vi: 'Mật khẩu hiện tại', en: 'Current password' },
  newPassword: { vi: 'Mật khẩu mới', en: 'New password' },
  grants: { vi: 'Vai trò', en: 'Roles' },
  role: { vi: 'Vai trò', en: 'Role' },
  unitId: { vi: 'Đơn vị hành chính', en: 'Administrative unit' },
  agencyId: { vi: 'Cơ quan', en: 'Agency' },
  validFrom: { vi: 'Từ ngày', en: 'From' },
  validTo: { vi: 'Đến ngày', en: 'To' },
  from: { vi: 'Từ ngày', en: 'From' },
  to: { vi: 'Đến ngày', en: 'To' },
  at: { vi: 'Ngày', en: 'Date' },
  year: { vi: 'Năm', en: 'Year' },
  limit: { vi: 'Số dòng', en: 'Rows' },
  id: { vi: 'Mã', en: 'Id' },
  GIAMNGHEO_NEW_PASSWORD: { vi: 'Mật khẩu mới (GIAMNGHEO_NEW_PASSWORD)', en: 'New password (GIAMNGHEO_NEW_PASSWORD)' },
};

const GENERIC: Record<'action' | 'entity' | 'verification' | 'status' | 'step' | 'level' | 'deadline', Label> = {
  step: { vi: 'bước khác', en: 'other step' },
  level: { vi: 'cấp khác', en: 'other level' },
  deadline: { vi: 'thời hạn khác', en: 'other deadline' },
  status: { vi: 'trạng thái khác', en: 'other status' },
  action: { vi: 'Thao tác khác', en: 'Other action' },
  entity: { vi: 'Đối tượng khác', en: 'Other entity' },
  verification: { vi: 'chưa rõ tình trạng xác minh', en: 'verification unknown' },
};

export const auditActionLabel = (code: string, lang: LabelLang) =>
  AUDIT_ACTION_LABELS[code]?.[lang] ?? GENERIC.action[lang];
export const auditEntityLabel = (code: string, lang: LabelLang) =>
  AUDIT_ENTITY_LABELS[code]?.[lang] ?? GENERIC.entity[lang];
export const verificationLabel = (code: string | null | undefined, lang: LabelLang) =>
  (code ? VERIFICATION_LABELS[code.toUpperCase()]?.[lang] : undefined) ?? GENERIC.verification[lang];

/**
 * The field of an error path, named for a person: 'body.password' → 'Mật khẩu';
 * 'body.grants.1.validTo' → 'Vai trò 2 — Đến ngày'. Unknown fields give null (say nothing rather than a code).
 */
export function fieldLabel(path: string | undefined, lang: LabelLang): string | null {
  if (!path) return null;
  const parts = path.split('.').filter((p) => p !== 'body' && p !== 'query' && p !== 'params');
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (/^\d+$/.test(p)) {
      if (out.length) out[out.length - 1] += ` ${Number(p) + 1}`;
      continue;
    }
    const l = FIELD_LABELS[p]?.[lang];
    if (!l) return out.length ? out.join(' — ') : null;
    out.push(l);
  }
  return out.length ? out.join(' — ') : null;
}
