/** Shapes of the field API, read by the server, the phone app and the commune officer's screen. */
import type { FieldPosition, FieldProblem } from '../../domain/field/draft';
import type { Box } from '../../domain/field/sync';
import type { Reason, ReviewFlag } from '../../domain/poverty/classify';
import type { AreaType, HouseholdClass } from '../../domain/poverty/types';

export type {
  FieldSurveyDraft,
  FieldMemberDraft,
  FieldPosition,
  FieldPhotoRef,
  FieldProblem,
} from '../../domain/field/draft';

export const FIELD_MAX_SURVEYS = 50;

export interface AssignmentMember {
  seq: number;
  fullName: string;
  relation: string;
  birthDate: string | null;
  sex: 'male' | 'female' | null;
  idNumber: string | null;
  ethnicity: string | null;
}

export interface AssignmentHousehold {
  code: string;
  headName: string;
  headIdNumber: string | null;
  headEthnicity: string | null;
  village: string | null;
  area: AreaType;
  /** Class of last year's review in the register; null when the household had none. */
  previousClass: HouseholdClass | null;
  members: AssignmentMember[];
  /** A survey of this year is in the register (accepted) or waits for the officer (conflict). */
  surveyed: boolean;
}

export interface AssignmentCommune {
  id: string;
  code: string;
  name: string;
  provinceName: string;
  /** Bounding box of the commune's boundary (reference/geo), null when the commune has none there. */
  box: Box | null;
  villages: { name: string | null; households: number }[];
  /** Households to download: given when one commune is asked for (or the caller has one). */
  households: AssignmentHousehold[] | null;
}

export interface AssignmentsView {
  year: number;
  standardId: string | null;
  communes: AssignmentCommune[];
}

export type SyncStatus = 'accepted' | 'duplicate' | 'conflict' | 'rejected';

export interface SyncOutcome {
  clientId: string;
  status: SyncStatus;
  problems?: FieldProblem[];
  message?: string;
}

export interface PhotoOutcome {
  id: string;
  size: number;
  /** The same id was uploaded before: nothing changed. */
  duplicate: boolean;
}

/** Status of a stored survey: in the register, waiting for the officer, replaced by another, or dismissed. */
export type StoredStatus = 'accepted' | 'conflict' | 'superseded' | 'dismissed';
export type ConflictKind = 'other_survey' | 'results_locked';

export interface SurveyRow {
  clientId: string;
  householdCode: string;
  headName: string;
  village: string | null;
  status: StoredStatus;
  conflictKind: ConflictKind | null;
  class: HouseholdClass | null;
  reasons: Reason[];
  flags: ReviewFlag[];
  deprived: string[];
  incomePerCapita: number | null;
  scoreA: number | null;
  position: FieldPosition | null;
  photoIds: string[];
  reviewer: string;
  surveyedAt: string;
  receivedAt: string;
}

export interface SurveyListView {
  year: number;
  commune: { id: string; code: string; name: string };
  surveys: SurveyRow[];
  /** The caller may accept or reject a conflict of this commune. */
  canResolve: boolean;
}

export interface SurveyEvidence extends SurveyRow {
  communeId: string;
  members: AssignmentMember[];
  note: string | null;
}

export interface ProgressView {
  year: number;
  commune: { id: string; code: string; name: string; box: Box | null };
  byReviewerDay: { reviewer: string; day: string; surveys: number }[];
  villages: { name: string | null; households: number; surveyed: number; done: boolean }[];
  waitingConflicts: number;
  surveyed: { householdCode: string; village: string | null; class: HouseholdClass | null; lat: number; lng: number }[];
  /** Households not surveyed this year; position of an earlier year's field survey when there is one. */
  toVisit: {
    householdCode: string;
    headName: string;
    village: string | null;
    lat: number | null;
    lng: number | null;
  }[];
}

export type ResolveDecision = 'accept' | 'reject';
