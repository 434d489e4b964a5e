/** What the poverty API and its screens share beyond the zod inputs (src/modules/poverty/schemas.ts). */
import { z } from 'zod';
import { APPLICATION_KINDS, APPLICATION_OUTCOMES, SEXES } from '../../domain/poverty/application';
import type { MonthlyStatus } from '../../domain/poverty/review';

/** A commune's periodic review: steps done, the approval chain, what comes next (codes of the review rules). */
export const CommuneReviewView = z.object({
  communeId: z.string(),
  communeName: z.string(),
  provinceName: z.string(),
  routingId: z.string(),
  steps: z.array(z.object({ step: z.string(), labelVi: z.string(), doneOn: z.string().nullable() })),
  nextStep: z.string().nullable(),
  chain: z.array(z.object({ level: z.string(), labelVi: z.string(), approvedOn: z.string().nullable() })),
  nextApprover: z.string().nullable(),
  locked: z.boolean(),
  overdue: z.boolean(),
});
export type CommuneReviewView = z.infer<typeof CommuneReviewView>;

/**
 * A request of the regular review (Mẫu số 04) with its 15-day status. The name, household code and reason
 * are null for a level that does not cover the commune.
 */
export const Application = z.object({
  id: z.number(),
  provinceId: z.string(),
  communeId: z.string(),
  communeName: z.string(),
  applicantName: z.string().nullable(),
  householdCode: z.string().nullable(),
  receivedOn: z.string(),
  startedOn: z.string(),
  dueOn: z.string(),
  decidedOn: z.string().nullable(),
  kind: z.enum(APPLICATION_KINDS),
  outcome: z.enum(APPLICATION_OUTCOMES).nullable(),
  reason: z.string().nullable(),
  applicantSex: z.enum(SEXES).nullable(),
  applicantBirthDate: z.string().nullable(),
  applicantEthnicity: z.string().nullable(),
  applicantIdNumber: z.string().nullable(),
  applicantIdIssuedOn: z.string().nullable(),
  applicantIdIssuer: z.string().nullable(),
  applicantResidence: z.string().nullable(),
  status: z.enum(['in_time', 'overdue', 'decided_in_time', 'decided_late']) satisfies z.ZodType<MonthlyStatus>,
});
export type Application = z.infer<typeof Application>;
export const ApplicationList = z.object({ items: z.array(Application) });
