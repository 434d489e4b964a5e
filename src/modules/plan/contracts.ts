/** What the plan API answers: the types the web and the CLI may rely on, and the answers' schemas. */
import { z } from 'zod';
import type { calendarOfYear, FactStatus, HolidayCode, YearBasis } from '../../domain/calendar';
import type { RollUp } from '../../domain/plan/rollup';
import { TASK_STATUSES } from '../../domain/plan/status';
import {
  COMMENT_KINDS,
  COMMITTEE_LEVELS,
  INSTRUMENT_STATUSES,
  MEMBER_ROLES,
  RECOMMENDATION_STATUSES,
  SUPERVISION_KINDS,
} from '../../domain/plan/vocabulary';
import type { PlanStatusRow } from './service/read';

export type { PlanStatusRow } from './service/read';

const isoDate = z.string();

/** A task's row in the status report (`satisfies` keeps it in step with the service's type). */
export const PlanStatusRowSchema = z.object({
  id: z.number(),
  position: z.string(),
  title: z.string(),
  leadAgency: z.string().nullable(),
  leadAgencyName: z.string(),
  coordinators: z.string().nullable(),
  deadline: isoDate.nullable(),
  deadlineText: z.string().nullable(),
  deadlineVerified: z.boolean(),
  status: z.enum(TASK_STATUSES),
  statusLabel: z.string(),
  percent: z.number(),
  completedOn: isoDate.nullable(),
  daysLate: z.number().nullable(),
  submittedOn: isoDate.nullable(),
  submittedSource: z.string().nullable(),
  submissionDaysLate: z.number().nullable(),
  overdue: z.boolean(),
  pastDueNoReport: z.boolean(),
  timeliness: z.string(),
  instrument: z.string().nullable(),
  assignments: z.number(),
  overdueAssignments: z.number(),
  noReportAssignments: z.number(),
  pastDueNoReportAssignments: z.number(),
  basis: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number(),
  parentId: z.number().nullable(),
  startOn: isoDate.nullable(),
}) satisfies z.ZodType<PlanStatusRow>;

/** The status report (all tasks, or only the overdue ones) on a day. */
export const PlanStatusAnswer = z.object({ asOf: isoDate, items: z.array(PlanStatusRowSchema) });
export type PlanStatusAnswer = z.infer<typeof PlanStatusAnswer>;

export const Created = z.object({ id: z.number() });
export const CreatedTask = z.object({ id: z.number(), assignments: z.number() });
export const CreatedCommittee = z.object({ id: z.string() });
export const EvidenceStored = z.object({ id: z.number(), sha256: z.string(), sizeBytes: z.number() });
/** The lead agency's submission date (trình) of a task, after recording it. */
export const SubmissionRecorded = z.object({
  version: z.number(),
  submittedOn: isoDate.nullable(),
  submittedSource: z.string().nullable(),
});
export const Ok = z.object({ ok: z.literal(true) });

/** A timestamp (ISO 8601, UTC), as the JSON of a Date reads: the services map them to strings. */
const timestamp = z.string();
const taskStatus = z.enum(TASK_STATUSES);

/** A year's working calendar: days off with their basis, the rules in force and that year's notices. */
const holidayCode = z.enum([
  'new_year',
  'tet',
  'victory',
  'labour',
  'national_day',
  'hung_kings',
  'culture_day',
]) satisfies z.ZodType<HolidayCode>;
const factStatus = z.enum([
  'VERIFIED',
  'VERIFIED (secondary)',
  'PARTIAL',
  'UNVERIFIED',
]) satisfies z.ZodType<FactStatus>;
const yearBasis = z.enum(['published', 'statutory_default']) satisfies z.ZodType<YearBasis>;
export const PlanCalendar = z.object({
  year: z.number(),
  workingDays: z.number(),
  basis: yearBasis,
  daysOff: z.array(
    z.object({
      date: isoDate,
      code: holidayCode,
      name: z.string(),
      compensatory: z.boolean(),
      legalBasis: z.string(),
      source: z.string(),
      placement: yearBasis,
      status: factStatus,
    }),
  ),
  workingSaturdays: z.array(isoDate),
  notices: z.array(
    z.object({
      year: z.number(),
      holiday: z.string(),
      codes: z.array(holidayCode),
      offFrom: isoDate,
      offTo: isoDate,
      workInsteadOn: z.array(isoDate),
      statutory: z.boolean(),
      notice: z.string(),
      documents: z.array(z.object({ number: z.string(), date: isoDate.nullable(), issuer: z.string().nullable() })),
      status: factStatus,
      sources: z.array(z.string()),
    }),
  ),
  rules: z.array(
    z.object({
      code: holidayCode,
      name: z.string(),
      anchor: z.object({ calendar: z.enum(['solar', 'lunar']), month: z.number(), day: z.number() }),
      days: z.number(),
      defaultOffsets: z.array(z.number()),
      placementNote: z.string().optional(),
      validFrom: isoDate,
      validTo: isoDate.optional(),
      legalBasis: z.string(),
      status: factStatus,
      source: z.string(),
    }),
  ),
  compensatory: z.object({ enabled: z.boolean(), legalBasis: z.string(), status: factStatus, source: z.string() }),
}) satisfies z.ZodType<ReturnType<typeof calendarOfYear>>;
export type PlanCalendar = z.infer<typeof PlanCalendar>;

/** The program's structure: phases, targets, projects and budget lines, each with its verification status. */
export const ProgramOverview = z.object({
  phases: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      startYear: z.number(),
      endYear: z.number(),
      legalBasis: z.string().nullable(),
      objective: z.string().nullable(),
      factStatus: z.string(),
      source: z.string().nullable(),
    }),
  ),
  targets: z.array(
    z.object({
      phaseId: z.string(),
      code: z.string(),
      name: z.string(),
      value: z.string(),
      factStatus: z.string(),
      source: z.string().nullable(),
    }),
  ),
  projects: z.array(
    z.object({
      phaseId: z.string(),
      code: z.string(),
      parentCode: z.string().nullable(),
      name: z.string().nullable(),
      nameEn: z.string().nullable(),
      leadAgency: z.string().nullable(),
      leadNote: z.string().nullable(),
      factStatus: z.string(),
      source: z.string().nullable(),
    }),
  ),
  budget: z.array(
    z.object({
      phaseId: z.string(),
      funding: z.enum(['central', 'local', 'other', 'total']),
      capitalType: z.enum(['investment', 'recurrent', 'all']),
      amountBnVnd: z.number(),
      factStatus: z.string(),
      source: z.string().nullable(),
    }),
  ),
});
export type ProgramOverview = z.infer<typeof ProgramOverview>;

/** A plan with its issuer, task count and whether the caller manages its tasks. */
export const PlanSummary = z.object({
  id: z.number(),
  code: z.string(),
  title: z.string(),
  issuedOn: isoDate.nullable(),
  phaseId: z.string().nullable(),
  issuerAgencyId: z.string().nullable(),
  issuer: z.string().nullable(),
  tasks: z.number(),
  /** the caller manages this plan's tasks (decided by the server) */
  canManage: z.boolean(),
});
export type PlanSummary = z.infer<typeof PlanSummary>;
export const PlanList = z.object({ items: z.array(PlanSummary) });
export type PlanList = z.infer<typeof PlanList>;

/** "My agency": the agencies the caller acts for, what they lead, coordinate, and what is late. */
export const MyAgencyView = z.object({
  agencies: z.array(z.object({ id: z.string(), name: z.string() })),
  lead: z.array(PlanStatusRowSchema),
  coordinate: z.array(PlanStatusRowSchema),
  late: z.array(PlanStatusRowSchema),
});
export type MyAgencyView = z.infer<typeof MyAgencyView>;

/** An assignment as stored (who, what state, over which period). */
export const AssignmentView = z.object({
  taskId: z.number(),
  id: z.number(),
  agencyId: z.string(),
  agencyCode: z.string(),
  agencyName: z.string(),
  unitId: z.string().nullable(),
  status: taskStatus,
  percent: z.number(),
  dueOn: isoDate.nullable(),
  completedOn: isoDate.nullable(),
  instrument: z.string().nullable(),
  note: z.string().nullable(),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  handedOverFrom: z.number().nullable(),
  version: z.number(),
});
export type AssignmentView = z.infer<typeof AssignmentView>;

/** An assignment on the task page: lateness at the as-of date and what the caller may do on it. */
export const TaskAssignment = AssignmentView.extend({
  daysLate: z.number().nullable(),
  /** in force on the as-of date (not yet or no longer handed over) */
  inForce: z.boolean(),
  overdue: z.boolean(),
  pastDueNoReport: z.boolean(),
  statusLabel: z.string(),
  canEdit: z.boolean(),
  moves: z.array(
    z.object({ to: taskStatus, action: z.string(), requires: z.enum(['note', 'completedOn']).nullable() }),
  ),
});
export type TaskAssignment = z.infer<typeof TaskAssignment>;

/** A fanned-out task's figures rolled up from its assignments in force. */
export const RollUpView = z.object({
  total: z.number(),
  byStatus: z.record(taskStatus, z.number()),
  active: z.number(),
  completed: z.number(),
  overdue: z.number(),
  noReport: z.number(),
  pastDueNoReport: z.number(),
  completedLate: z.number(),
  percent: z.number(),
  status: taskStatus,
  completedOn: isoDate.nullable(),
  maxDaysLate: z.number(),
}) satisfies z.ZodType<RollUp>;

const TaskRef = z.object({ id: z.number(), position: z.string(), title: z.string(), status: taskStatus });

/** A task with its assignments, roll-up, instruments, sub-tasks, prerequisites and history. */
export const TaskDetail = z.object({
  task: PlanStatusRowSchema,
  rollup: RollUpView,
  assignments: z.array(TaskAssignment),
  instruments: z.array(
    z.object({
      id: z.number(),
      kind: z.string(),
      number: z.string().nullable(),
      title: z.string(),
      issuer: z.string().nullable(),
      signer: z.string().nullable(),
      issuedOn: isoDate.nullable(),
      effectiveOn: isoDate.nullable(),
      status: z.enum(INSTRUMENT_STATUSES),
      factStatus: z.string(),
      source: z.string().nullable(),
    }),
  ),
  subtasks: z.array(TaskRef),
  dependencies: z.array(TaskRef),
  can: z.object({ recordSubmission: z.boolean() }),
  progress: z.array(
    z.object({
      id: z.number(),
      assignmentId: z.number().nullable(),
      reportedOn: isoDate,
      percent: z.number(),
      narrative: z.string(),
      byName: z.string(),
      createdAt: timestamp,
    }),
  ),
  changes: z.array(
    z.object({
      id: z.number(),
      assignmentId: z.number().nullable(),
      from: taskStatus,
      to: taskStatus,
      note: z.string().nullable(),
      byName: z.string(),
      at: timestamp,
    }),
  ),
  comments: z.array(
    z.object({
      id: z.number(),
      assignmentId: z.number().nullable(),
      kind: z.enum(COMMENT_KINDS),
      body: z.string(),
      byName: z.string(),
      createdAt: timestamp,
      fromAgency: z.string().nullable(),
      toAgency: z.string().nullable(),
    }),
  ),
  evidence: z.array(
    z.object({
      id: z.number(),
      progressId: z.number().nullable(),
      fileName: z.string(),
      contentType: z.string(),
      sizeBytes: z.number(),
      sha256: z.string(),
      uploadedAt: timestamp,
    }),
  ),
});
export type TaskDetail = z.infer<typeof TaskDetail>;
export type TaskHistory = Pick<TaskDetail, 'progress' | 'changes' | 'comments' | 'evidence'>;

/** A task's edited fields after the change (the stored row's names). */
export const TaskUpdated = z.object({
  id: z.number(),
  title: z.string(),
  deadline_text: z.string().nullable(),
  due_on: isoDate.nullable(),
  note: z.string().nullable(),
  version: z.number(),
});
export type TaskUpdated = z.infer<typeof TaskUpdated>;

/** An assignment after its update, and the task's new roll-up. */
export const AssignmentUpdated = z.object({ assignment: AssignmentView, rollup: RollUpView });
export type AssignmentUpdated = z.infer<typeof AssignmentUpdated>;

/** What a reorganisation handed over, and what it could not decide (left to a person). */
export const ReorganisationDone = z.object({
  handedOver: z.number(),
  created: z.number(),
  tasks: z.number(),
  withoutSuccessor: z.array(z.string()),
  undecided: z.array(z.object({ taskId: z.number(), position: z.string(), agencyId: z.string(), reason: z.string() })),
});
export type ReorganisationDone = z.infer<typeof ReorganisationDone>;

/** The register of legal instruments, with what each amends or replaces and the tasks it fulfils. */
export const InstrumentView = z.object({
  id: z.number(),
  kind: z.string(),
  number: z.string().nullable(),
  title: z.string(),
  issuer: z.string().nullable(),
  signer: z.string().nullable(),
  issuedOn: isoDate.nullable(),
  effectiveOn: isoDate.nullable(),
  status: z.enum(INSTRUMENT_STATUSES),
  note: z.string().nullable(),
  factStatus: z.string(),
  source: z.string().nullable(),
  version: z.number(),
  amends: z.string().nullable(),
  replaces: z.string().nullable(),
  /** null when no task is linked */
  tasks: z.array(z.object({ id: z.number(), position: z.string(), dueOn: isoDate.nullable() })).nullable(),
});
export type InstrumentView = z.infer<typeof InstrumentView>;
export const InstrumentList = z.object({ items: z.array(InstrumentView) });
export type InstrumentList = z.infer<typeof InstrumentList>;

/** An instrument's edited fields after the change (the stored row's names). */
export const InstrumentUpdated = z.object({
  id: z.number(),
  status: z.enum(INSTRUMENT_STATUSES),
  number: z.string().nullable(),
  issued_on: isoDate.nullable(),
  effective_on: isoDate.nullable(),
  signer: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number(),
});
export type InstrumentUpdated = z.infer<typeof InstrumentUpdated>;

/** A steering committee with its member count and whether the caller records its meetings and supervision. */
export const CommitteeView = z.object({
  id: z.string(),
  level: z.enum(COMMITTEE_LEVELS),
  name: z.string(),
  programs: z.string(),
  unitId: z.string().nullable(),
  validFrom: isoDate,
  /** the committee's end, or its unit's when that comes first */
  validTo: isoDate.nullable(),
  instrument: z.string().nullable(),
  factStatus: z.string(),
  source: z.string().nullable(),
  members: z.number(),
  /** the caller may record this committee's meetings and supervision (decided by the server) */
  canRecord: z.boolean(),
});
export type CommitteeView = z.infer<typeof CommitteeView>;
export const CommitteeList = z.object({ items: z.array(CommitteeView) });
export type CommitteeList = z.infer<typeof CommitteeList>;

/** A member as the committee's page lists them, with the instrument and the source it rests on. */
export const CommitteeMemberView = z.object({
  id: z.number(),
  role: z.enum(MEMBER_ROLES),
  personName: z.string().nullable(),
  position: z.string(),
  agencyId: z.string().nullable(),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  /** no known end: confirmed up to this day, unknown after it */
  confirmedUntil: isoDate.nullable(),
  note: z.string().nullable(),
  instrument: z.string().nullable(),
  factStatus: z.string(),
  source: z.string().nullable(),
});
export type CommitteeMemberView = z.infer<typeof CommitteeMemberView>;

export const CommitteeMeetingView = z.object({
  id: z.number(),
  heldOn: isoDate,
  title: z.string(),
  minutesRef: z.string().nullable(),
});
export type CommitteeMeetingView = z.infer<typeof CommitteeMeetingView>;

export const CommitteeDetail = z.object({
  committee: CommitteeView,
  members: z.array(CommitteeMemberView),
  meetings: z.array(CommitteeMeetingView),
});
export type CommitteeDetail = z.infer<typeof CommitteeDetail>;

/** A membership after it was added or changed. */
export const CommitteeMember = z.object({
  id: z.number(),
  committeeId: z.string(),
  role: z.enum(MEMBER_ROLES),
  personName: z.string().nullable(),
  position: z.string(),
  agencyId: z.string().nullable(),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  note: z.string().nullable(),
});
export type CommitteeMember = z.infer<typeof CommitteeMember>;

/** A recorded meeting; each conclusion that assigns work became a task. */
export const MeetingRecorded = z.object({
  id: z.number(),
  conclusions: z.array(z.object({ id: z.number(), taskId: z.number().nullable() })),
});
export type MeetingRecorded = z.infer<typeof MeetingRecorded>;

const supervisionKind = z.enum(SUPERVISION_KINDS);
const recommendationStatus = z.enum(RECOMMENDATION_STATUSES);

/** A recommendation after supervision and its follow-up, with lateness at the as-of date (stored row's names). */
export const RecommendationView = z.object({
  id: z.number(),
  body: z.string(),
  status: recommendationStatus,
  due_on: isoDate.nullable(),
  closed_on: isoDate.nullable(),
  deadline_text: z.string().nullable(),
  follow_up: z.string().nullable(),
  version: z.number(),
  addressee: z.string().nullable(),
  finding: z.string(),
  plan_title: z.string(),
  kind: supervisionKind,
  visited_on: isoDate,
  daysLate: z.number().nullable(),
  overdue: z.boolean(),
});
export type RecommendationView = z.infer<typeof RecommendationView>;
export const RecommendationList = z.object({ items: z.array(RecommendationView) });
export type RecommendationList = z.infer<typeof RecommendationList>;

/** A recommendation's follow-up after the change. */
export const RecommendationUpdated = z.object({
  id: z.number(),
  status: recommendationStatus,
  follow_up: z.string().nullable(),
  closed_on: isoDate.nullable(),
  version: z.number(),
});
export type RecommendationUpdated = z.infer<typeof RecommendationUpdated>;

/** A supervision or inspection plan: visits, recommendations still open, whether the caller may add visits. */
export const SupervisionPlanView = z.object({
  id: z.number(),
  kind: supervisionKind,
  title: z.string(),
  year: z.number(),
  legal_basis: z.string().nullable(),
  committee_id: z.string().nullable(),
  committee: z.string().nullable(),
  agency: z.string().nullable(),
  visits: z.number(),
  last_visit_on: isoDate.nullable(),
  recommendations: z.number(),
  open_recommendations: z.number(),
  canRecord: z.boolean(),
});
export type SupervisionPlanView = z.infer<typeof SupervisionPlanView>;
export const SupervisionPlanList = z.object({ items: z.array(SupervisionPlanView) });
export type SupervisionPlanList = z.infer<typeof SupervisionPlanList>;

export const SupervisionCreated = z.object({ id: z.number(), recommendations: z.number() });
export type SupervisionCreated = z.infer<typeof SupervisionCreated>;
export const VisitsAdded = z.object({ id: z.number(), visits: z.number(), recommendations: z.number() });
export type VisitsAdded = z.infer<typeof VisitsAdded>;

/** A user's notification (newest first); `readAt` null while unread. */
export const NotificationView = z.object({
  id: z.number(),
  kind: z.string(),
  taskId: z.number().nullable(),
  title: z.string(),
  body: z.string(),
  digestOn: isoDate.nullable(),
  createdAt: timestamp,
  readAt: timestamp.nullable(),
});
export type NotificationView = z.infer<typeof NotificationView>;
export const NotificationList = z.object({ items: z.array(NotificationView) });
export type NotificationList = z.infer<typeof NotificationList>;

/** The daily digest's run: users counted, notifications added, mails queued. */
export const DigestDone = z.object({ asOf: isoDate, users: z.number(), notifications: z.number(), emails: z.number() });
export type DigestDone = z.infer<typeof DigestDone>;
