/** Shapes of the field API, read by the server, the phone app and the commune officer's screen. */
import { z } from 'zod';
import {
  ANSWER_TYPES,
  DRAFT_TARGETS,
  FORM_CODES,
  type FieldForm as FieldFormType,
  type FormItem as FormItemType,
} from '../../domain/field/forms';
import type { FieldPosition as FieldPositionType, FieldProblem as FieldProblemType } from '../../domain/field/draft';
import type { Box as BoxType } from '../../domain/field/sync';
import { SEXES } from '../../domain/poverty/application';
import { Area, HouseholdClass, Reason, ReviewFlag, VerificationStatus } from '../poverty/contracts';

export type {
  FieldSurveyDraft,
  FieldMemberDraft,
  FieldPosition,
  FieldPhotoRef,
  FieldProblem,
} from '../../domain/field/draft';

// the domain's types as answer schemas (`satisfies` keeps the two in step); the poverty codes are poverty's
const Box = z.tuple([z.number(), z.number(), z.number(), z.number()]) satisfies z.ZodType<BoxType>;
const Position = z.object({
  lat: z.number(),
  lng: z.number(),
  accuracyM: z.number(),
  takenAt: z.string(),
}) satisfies z.ZodType<FieldPositionType>;
const Problem = z.object({ path: z.string(), message: z.string() }) satisfies z.ZodType<FieldProblemType>;

export const AssignmentMember = z.object({
  seq: z.number(),
  fullName: z.string(),
  relation: z.string(),
  birthDate: z.string().nullable(),
  sex: z.enum(SEXES).nullable(),
  idNumber: z.string().nullable(),
  ethnicity: z.string().nullable(),
});
export type AssignmentMember = z.infer<typeof AssignmentMember>;

export const AssignmentHousehold = z.object({
  code: z.string(),
  headName: z.string(),
  headIdNumber: z.string().nullable(),
  headEthnicity: z.string().nullable(),
  village: z.string().nullable(),
  area: Area,
  /** Class of last year's review in the register; null when the household had none. */
  previousClass: HouseholdClass.nullable(),
  members: z.array(AssignmentMember),
  /** A survey of this year is in the register (accepted) or waits for the officer (conflict). */
  surveyed: z.boolean(),
});
export type AssignmentHousehold = z.infer<typeof AssignmentHousehold>;

export const AssignmentCommune = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  provinceName: z.string(),
  /** Bounding box of the commune's boundary (reference/geo), null when the commune has none there. */
  box: Box.nullable(),
  villages: z.array(z.object({ name: z.string().nullable(), households: z.number() })),
  /** Households to download: given when one commune is asked for (or the caller has one). */
  households: z.array(AssignmentHousehold).nullable(),
});
export type AssignmentCommune = z.infer<typeof AssignmentCommune>;

export const AssignmentsView = z.object({
  year: z.number(),
  standardId: z.string().nullable(),
  communes: z.array(AssignmentCommune),
});
export type AssignmentsView = z.infer<typeof AssignmentsView>;

export type SyncStatus = 'accepted' | 'duplicate' | 'conflict' | 'rejected';

export const SyncOutcome = z.object({
  clientId: z.string(),
  status: z.enum(['accepted', 'duplicate', 'conflict', 'rejected']) satisfies z.ZodType<SyncStatus>,
  problems: z.array(Problem).optional(),
  message: z.string().optional(),
});
export type SyncOutcome = z.infer<typeof SyncOutcome>;
export const SyncAnswer = z.object({ results: z.array(SyncOutcome) });

export const PhotoOutcome = z.object({
  id: z.string(),
  size: z.number(),
  /** The same id was uploaded before: nothing changed. */
  duplicate: z.boolean(),
});
export type PhotoOutcome = z.infer<typeof PhotoOutcome>;

/** Status of a stored survey: in the register, waiting for the officer, replaced by another, or dismissed. */
export type StoredStatus = 'accepted' | 'conflict' | 'superseded' | 'dismissed';
export type ConflictKind = 'other_survey' | 'results_locked';

export const SurveyRow = z.object({
  clientId: z.string(),
  householdCode: z.string(),
  headName: z.string(),
  village: z.string().nullable(),
  status: z.enum(['accepted', 'conflict', 'superseded', 'dismissed']) satisfies z.ZodType<StoredStatus>,
  conflictKind: (z.enum(['other_survey', 'results_locked']) satisfies z.ZodType<ConflictKind>).nullable(),
  class: HouseholdClass.nullable(),
  reasons: z.array(Reason),
  flags: z.array(ReviewFlag),
  deprived: z.array(z.string()),
  incomePerCapita: z.number().nullable(),
  scoreA: z.number().nullable(),
  position: Position.nullable(),
  photoIds: z.array(z.string()),
  reviewer: z.string(),
  surveyedAt: z.string(),
  receivedAt: z.string(),
});
export type SurveyRow = z.infer<typeof SurveyRow>;

const CommuneRef = z.object({ id: z.string(), code: z.string(), name: z.string() });

export const SurveyListView = z.object({
  year: z.number(),
  commune: CommuneRef,
  surveys: z.array(SurveyRow),
  /** The caller may accept or reject a conflict of this commune. */
  canResolve: z.boolean(),
});
export type SurveyListView = z.infer<typeof SurveyListView>;

export const SurveyEvidence = SurveyRow.extend({
  communeId: z.string(),
  members: z.array(AssignmentMember),
  note: z.string().nullable(),
});
export type SurveyEvidence = z.infer<typeof SurveyEvidence>;

export const ProgressView = z.object({
  year: z.number(),
  commune: CommuneRef.extend({ box: Box.nullable() }),
  byReviewerDay: z.array(z.object({ reviewer: z.string(), day: z.string(), surveys: z.number() })),
  villages: z.array(
    z.object({ name: z.string().nullable(), households: z.number(), surveyed: z.number(), done: z.boolean() }),
  ),
  waitingConflicts: z.number(),
  surveyed: z.array(
    z.object({
      householdCode: z.string(),
      village: z.string().nullable(),
      class: HouseholdClass.nullable(),
      lat: z.number(),
      lng: z.number(),
    }),
  ),
  /** Households not surveyed this year; position of an earlier year's field survey when there is one. */
  toVisit: z.array(
    z.object({
      householdCode: z.string(),
      headName: z.string(),
      village: z.string().nullable(),
      lat: z.number().nullable(),
      lng: z.number().nullable(),
    }),
  ),
});
export type ProgressView = z.infer<typeof ProgressView>;

export type ResolveDecision = 'accept' | 'reject';
export const ResolveAnswer = z.object({
  clientId: z.string(),
  status: z.enum(['accepted', 'dismissed']),
  superseded: z.array(z.string()),
});

const FormItem = z.object({
  code: z.string(),
  labelVi: z.string(),
  labelEn: z.string(),
  answer: z.object({
    type: z.enum(ANSWER_TYPES),
    options: z.array(z.object({ value: z.string(), labelVi: z.string(), labelEn: z.string() })).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    unit: z.string().optional(),
  }),
  points: z.object({ value: z.number(), citation: z.string(), status: VerificationStatus }).nullable(),
  maps: z.enum(DRAFT_TARGETS).nullable(),
  deprivedCode: z.string().optional(),
  citation: z.string(),
  status: VerificationStatus,
}) satisfies z.ZodType<FormItemType>;

/** A review form of Circular 07/2021 as data (one version of it). */
export const FieldFormView = z.object({
  id: z.string(),
  formCode: z.enum(FORM_CODES),
  titleVi: z.string(),
  titleEn: z.string(),
  version: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  standardId: z.string(),
  citation: z.string(),
  sources: z.array(z.string()),
  status: VerificationStatus,
  itemTable: z.object({ status: VerificationStatus, noticeVi: z.string().nullable(), noticeEn: z.string().nullable() }),
  scoreEntry: z.enum(['total', 'items', 'none']),
  items: z.array(FormItem),
}) satisfies z.ZodType<FieldFormType>;

export const FieldFormsAnswer = z.object({
  /** The review year asked for; null = every version. */
  year: z.number().nullable(),
  forms: z.array(FieldFormView),
  /** Said to the reviewer when a year has no forms (2027-2030: the successor of Circular 07 is not known). */
  noticeVi: z.string().nullable(),
  noticeEn: z.string().nullable(),
});
export type FieldFormsAnswer = z.infer<typeof FieldFormsAnswer>;
