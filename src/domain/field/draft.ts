/**
 * A household survey filled in the field on a phone (the review's forms of Circular 07/2021/TT-BLĐTBXH),
 * as the phone keeps it offline and sends it. Pure data shared by the phone app, the checks at the
 * household and the server's sync: the same fields the review workbook carries, plus evidence.
 */
import type { AreaType, HouseholdClass, Occupation } from '../poverty/types';

export type Sex = 'male' | 'female';

export interface FieldMemberDraft {
  /** Order in the household, 1 = head. */
  seq: number;
  fullName: string;
  /** Quan hệ với chủ hộ as written on the form ("Chủ hộ", "Vợ", "Con", …). */
  relation: string;
  /** YYYY-MM-DD, null when not known. */
  birthDate: string | null;
  sex: Sex | null;
  /** Số định danh cá nhân (CCCD), 12 digits; null when the person has none. */
  idNumber: string | null;
  ethnicity: string | null;
}

export interface FieldPosition {
  lat: number;
  lng: number;
  /** Accuracy radius reported by the phone, metres. */
  accuracyM: number;
  /** ISO timestamp of the fix. */
  takenAt: string;
}

export interface FieldPhotoRef {
  /** Id made on the phone (UUID); the photo is uploaded under this id. */
  id: string;
  contentType: 'image/jpeg' | 'image/webp';
  takenAt: string;
}

export interface FieldSurveyDraft {
  /** Id made on the phone (UUID v4): a retried upload of the same draft carries the same id. */
  clientId: string;
  /** Commune code (mã xã) of the review's boundaries, and the review year. */
  communeCode: string;
  year: number;
  householdCode: string;
  headName: string;
  headIdNumber: string | null;
  headEthnicity: string;
  village: string | null;
  area: AreaType;
  occupation: Occupation | null;
  noLabourCapacity: boolean | null;
  previousClass: HouseholdClass | null;
  /** Phiếu B1: the total score A as entered (accepted while the item table is not verified). */
  scoreA: number | null;
  /** Phiếu B1 answers by item code, when an item table is configured. */
  b1Answers: Record<string, string> | null;
  /** Monthly income per person, VND (Phiếu C / income method); null when not determined. */
  incomePerCapita: number | null;
  /** Phiếu B2: codes of the deprived indicators ("1.1" … "6.2"). */
  deprived: string[];
  members: FieldMemberDraft[];
  position: FieldPosition | null;
  photos: FieldPhotoRef[];
  /** ISO timestamp when the reviewer finished the form at the household. */
  surveyedAt: string;
  note: string | null;
}

/** A problem found at the household: the field's path ("members.2.idNumber") and a Vietnamese message. */
export interface FieldProblem {
  path: string;
  message: string;
}
