/** What the plan API answers: the types the web and the CLI may rely on, and the answers' schemas. */
import { z } from 'zod';
import { TASK_STATUSES } from '../../domain/plan/status';
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
