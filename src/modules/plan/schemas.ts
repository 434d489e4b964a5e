import { z } from 'zod';
import { TASK_STATUSES } from '../../domain/plan/status';
import {
  COMMENT_KINDS,
  INSTRUMENT_STATUSES,
  MEMBER_ROLES,
  RECOMMENDATION_STATUSES,
  SUPERVISION_KINDS,
} from '../../domain/plan/vocabulary';
import { atMost, isoDate } from '../../validate';
import { todayInVietnam } from '../../domain/text';

const id = z.coerce.number({ message: 'Mã phải là số.' }).int().positive({ message: 'Mã phải là số dương.' });

export const TaskParams = z.object({ id });
export const AssignmentParams = z.object({ id, aid: id });
export const EvidenceParams = z.object({ id, fid: id });
export const CommitteeParams = z.object({ id: z.string().min(1).max(80) });

export const StatusQuery = z.object({
  asOf: isoDate.optional(),
  agency: z.string().max(80).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /** one plan's tasks */
  plan: z.coerce.number().int().positive().optional(),
});
export type StatusQuery = z.infer<typeof StatusQuery>;

export const AsOfQuery = z.object({ asOf: isoDate.optional(), agency: z.string().max(80).optional() });

/** A date of something already done (a report, a completion): today in Vietnam at the latest. */
const notAfterToday = (message: string) => isoDate.refine((d) => d <= todayInVietnam(), { message });

export const AssignmentUpdate = z.object({
  version: z.number({ message: 'Cần số phiên bản (version) của bản ghi đang sửa.' }).int().positive(),
  status: z.enum(TASK_STATUSES).optional(),
  percent: z
    .number()
    .min(0, { message: 'Tiến độ từ 0 đến 100%.' })
    .max(100, { message: 'Tiến độ từ 0 đến 100%.' })
    .optional(),
  narrative: z.string().trim().max(5000).optional(),
  note: z.string().trim().max(2000).optional(),
  completedOn: notAfterToday('Ngày hoàn thành không được sau hôm nay.').optional(),
  reportedOn: notAfterToday('Ngày báo cáo tiến độ không được sau hôm nay.').optional(),
  instrumentNumber: z.string().trim().max(80).optional(),
});
export type AssignmentUpdate = z.infer<typeof AssignmentUpdate>;

/** A plan issued by a ministry, a province's People's Committee or the Government (e.g. "125/KH-UBND"). */
export const NewPlan = z.object({
  code: z.string().trim().min(3, { message: 'Cần số, ký hiệu của kế hoạch.' }).max(80),
  title: z.string().trim().min(3, { message: 'Cần tên kế hoạch.' }).max(1000),
  issuerAgencyId: z.string().min(1, { message: 'Cần cơ quan ban hành.' }),
  issuedOn: isoDate,
  phaseId: z.string().optional(),
  purpose: z.string().trim().max(5000).optional(),
});
export type NewPlan = z.infer<typeof NewPlan>;

/** Who else gets the task: none, every province, every ministry, or both. */
const fanOut = z.enum(['none', 'provinces', 'ministries', 'all']).default('none');

export const NewTask = z.object({
  planId: z.number().int().positive(),
  parentId: z.number().int().positive().optional(),
  position: z.string().trim().min(1).max(20),
  title: z.string().trim().min(3, { message: 'Cần nội dung công việc.' }).max(2000),
  leadAgencyId: z.string().optional(),
  fanOut,
  coordinatorIds: z.array(z.string()).max(100, atMost(100)).default([]),
  deadline: z.string().trim().max(200).optional(),
  startOn: isoDate.optional(),
  deliverableKind: z.string().trim().max(200).optional(),
  note: z.string().trim().max(2000).optional(),
  /**
   * the project or sub-project the work belongs to ('DA4.TDA1'): its function decides who takes it over in a
   * reorganisation
   */
  projectCode: z
    .string()
    .trim()
    .regex(/^DA\d(\.TDA\d)?$/, { message: 'Mã dự án dạng DA4 hoặc DA4.TDA1.' })
    .optional(),
});
export type NewTask = z.infer<typeof NewTask>;

/** The day the lead agency submitted (trình) the deliverable, with where that date comes from. */
export const SubmissionUpdate = z.object({
  version: z.number({ message: 'Cần số phiên bản (version) của bản ghi đang sửa.' }).int().positive(),
  submittedOn: isoDate.nullable(),
  source: z.string().trim().min(3, { message: 'Cần nguồn của ngày trình (ví dụ số tờ trình).' }).max(500),
});
export type SubmissionUpdate = z.infer<typeof SubmissionUpdate>;

export const TaskUpdate = z.object({
  version: z.number({ message: 'Cần số phiên bản (version) của bản ghi đang sửa.' }).int().positive(),
  title: z.string().trim().min(3).max(2000).optional(),
  deadline: z.string().trim().max(200).optional(),
  note: z.string().trim().max(2000).nullable().optional(),
});
export type TaskUpdate = z.infer<typeof TaskUpdate>;

export const NewComment = z.object({
  body: z.string().trim().min(1, { message: 'Nội dung ý kiến không được để trống.' }).max(5000),
  kind: z.enum(COMMENT_KINDS).default('comment'),
  toAgencyId: z.string().optional(),
  assignmentId: z.number().int().positive().optional(),
});
export type NewComment = z.infer<typeof NewComment>;

export const Handover = z.object({
  toAgencyId: z.string().min(1, { message: 'Cần cơ quan nhận bàn giao.' }),
  onDate: isoDate,
  note: z.string().trim().max(2000).optional(),
});
export type Handover = z.infer<typeof Handover>;

export const DigestRun = z.object({ asOf: isoDate.optional() });

/** A steering committee of a province, district (before 1/7/2025) or commune, established by its People's Committee. */
export const NewCommittee = z.object({
  unitId: z.string().min(1, { message: 'Cần đơn vị hành chính.' }),
  name: z.string().trim().min(5, { message: 'Cần tên Ban Chỉ đạo.' }).max(500),
  validFrom: isoDate,
  programs: z.string().trim().max(500).default('Các chương trình mục tiêu quốc gia'),
});
export type NewCommittee = z.infer<typeof NewCommittee>;

export const NewMeeting = z.object({
  heldOn: isoDate,
  title: z.string().trim().min(3).max(500),
  minutesRef: z.string().trim().max(200).optional(),
  conclusions: z
    .array(
      z.object({
        body: z.string().trim().min(3).max(5000),
        /** a conclusion that assigns work becomes a task of this plan */
        task: z
          .object({
            planId: z.number().int().positive(),
            position: z.string().trim().min(1).max(20),
            leadAgencyId: z.string().optional(),
            fanOut,
            deadline: z.string().trim().max(200).optional(),
          })
          .optional(),
      }),
    )
    .max(200, atMost(200))
    .default([]),
});
export type NewMeeting = z.infer<typeof NewMeeting>;

/** One supervision / inspection visit with its findings and their recommendations. */
export const SupervisionVisit = z.object({
  visitedOn: isoDate,
  unitId: z.string().optional(),
  agencyId: z.string().optional(),
  team: z.string().trim().max(500).optional(),
  findings: z
    .array(
      z.object({
        body: z.string().trim().min(3).max(5000),
        severity: z.enum(['normal', 'serious']).default('normal'),
        recommendations: z
          .array(
            z.object({
              body: z.string().trim().min(3).max(5000),
              addresseeAgencyId: z.string().optional(),
              deadline: z.string().trim().max(200).optional(),
            }),
          )
          .max(100, atMost(100))
          .default([]),
      }),
    )
    .max(200, atMost(200))
    .default([]),
});
export type SupervisionVisit = z.infer<typeof SupervisionVisit>;

export const NewSupervision = z.object({
  committeeId: z.string().optional(),
  agencyId: z.string().optional(),
  kind: z.enum(SUPERVISION_KINDS),
  title: z.string().trim().min(3).max(500),
  year: z.number().int().min(2021).max(2035),
  legalBasis: z.string().trim().max(500).optional(),
  visits: z.array(SupervisionVisit).max(100, atMost(100)).default([]),
});
export type NewSupervision = z.infer<typeof NewSupervision>;

/** Visits recorded later under an existing supervision / inspection plan. */
export const NewVisits = z.object({
  visits: z.array(SupervisionVisit).min(1, 'Cần ít nhất một đợt kiểm tra, giám sát.').max(100, atMost(100)),
});
export type NewVisits = z.infer<typeof NewVisits>;

export const RecommendationUpdate = z.object({
  version: z.number({ message: 'Cần số phiên bản (version) của bản ghi đang sửa.' }).int().positive(),
  status: z.enum(RECOMMENDATION_STATUSES),
  followUp: z.string().trim().max(5000).optional(),
  closedOn: isoDate.optional(),
});
export type RecommendationUpdate = z.infer<typeof RecommendationUpdate>;

export const NewDependency = z.object({ dependsOnTaskId: z.number().int().positive() });
export type NewDependency = z.infer<typeof NewDependency>;

export const Reorganise = z.object({ onDate: isoDate });
export type Reorganise = z.infer<typeof Reorganise>;

export const NewInstrument = z.object({
  kind: z.string().trim().min(2).max(80),
  number: z.string().trim().min(3).max(80).optional(),
  title: z.string().trim().min(3).max(2000),
  issuer: z.string().trim().max(200).optional(),
  draftingAgencyId: z.string().optional(),
  signer: z.string().trim().max(200).optional(),
  status: z.enum(INSTRUMENT_STATUSES).default('drafting'),
  issuedOn: isoDate.optional(),
  effectiveOn: isoDate.optional(),
  amendsNumber: z.string().trim().max(80).optional(),
  replacesNumber: z.string().trim().max(80).optional(),
  note: z.string().trim().max(2000).optional(),
});
export type NewInstrument = z.infer<typeof NewInstrument>;

export const InstrumentUpdate = z.object({
  version: z.number({ message: 'Cần số phiên bản (version) của bản ghi đang sửa.' }).int().positive(),
  status: z.enum(INSTRUMENT_STATUSES).optional(),
  number: z.string().trim().min(3).max(80).optional(),
  signer: z.string().trim().max(200).optional(),
  issuedOn: isoDate.optional(),
  effectiveOn: isoDate.optional(),
  note: z.string().trim().max(2000).optional(),
});
export type InstrumentUpdate = z.infer<typeof InstrumentUpdate>;

export const InstrumentLink = z.object({ instrumentId: z.number().int().positive() });
export type InstrumentLink = z.infer<typeof InstrumentLink>;

export const CalendarQuery = z.object({
  year: z.coerce.number({ message: 'Năm phải là số.' }).int().min(2000).max(2100),
});

export const MemberParams = z.object({ id: z.string().min(1).max(80), memberId: z.coerce.number().int().positive() });

/** A membership of a steering committee: who (or only the position), from when, until when (if ended). */
export const MemberInput = z
  .object({
    role: z.enum(MEMBER_ROLES, { message: 'Chọn vai trò trong Ban Chỉ đạo.' }),
    personName: z.string().trim().max(200).nullish(),
    position: z.string().trim().min(3, { message: 'Cần chức vụ.' }).max(500),
    agencyId: z.string().trim().min(1).max(80).nullish(),
    validFrom: isoDate,
    validTo: isoDate.nullish(),
    note: z.string().trim().max(1000).nullish(),
  })
  .refine((m) => !m.validTo || m.validTo >= m.validFrom, {
    path: ['validTo'],
    message: 'Ngày kết thúc không được trước ngày bắt đầu.',
  });
export type MemberInput = z.infer<typeof MemberInput>;
