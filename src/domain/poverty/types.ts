/**
 * Types of the multidimensional poverty domain (chuẩn nghèo đa chiều).
 * Pure data: no I/O. Legal values carry their citation and verification status,
 * as the domain notes (shared/domain/poverty-standard.md) label them.
 */

import type { SourceStatus } from '../legal';

/** Area type of a household (khu vực): nông thôn / thành thị (from 2027 "đô thị"). */
export const AREA_TYPES = ['rural', 'urban'] as const;
export type AreaType = (typeof AREA_TYPES)[number];

/**
 * Class of a household under one standard.
 * - poor: hộ nghèo
 * - near_poor: hộ cận nghèo
 * - average: hộ có mức sống trung bình (only decidable from income per person)
 * - not_poor: none of the above
 */
export const HOUSEHOLD_CLASSES = ['poor', 'near_poor', 'average', 'not_poor'] as const;
export type HouseholdClass = (typeof HOUSEHOLD_CLASSES)[number];

/**
 * The household's main occupation, as far as the average-living-standard rule needs it:
 * nông nghiệp, lâm nghiệp, ngư nghiệp, diêm nghiệp, or another occupation.
 */
export const OCCUPATIONS = ['farm', 'forestry', 'fishery', 'salt', 'other'] as const;
export type Occupation = (typeof OCCUPATIONS)[number];

/**
 * "Phương pháp xác định hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp và diêm nghiệp có mức sống trung
 * bình là phương pháp xác định thu nhập của hộ gia đình trong vòng 12 tháng trước thời điểm rà soát,
 * không tính khoản trợ cấp hoặc trợ giúp xã hội từ ngân sách nhà nước" (Quyết định 24/2021/QĐ-TTg,
 * Điều 2, as quoted by thuvienphapluat.vn [S43]: verified). Only these households are determined.
 */
export const AVERAGE_BAND_OCCUPATIONS: readonly Occupation[] = ['farm', 'forestry', 'fishery', 'salt'];
export const AVERAGE_BAND_OCCUPATION_CITATION = 'Quyết định 24/2021/QĐ-TTg, Điều 2';

export const OCCUPATION_LABEL_VI: Record<Occupation, string> = {
  farm: 'Nông nghiệp',
  forestry: 'Lâm nghiệp',
  fishery: 'Ngư nghiệp',
  salt: 'Diêm nghiệp',
  other: 'Khác',
};

/** The one vocabulary of verification status (src/domain/legal.ts). */
export type VerificationStatus = SourceStatus;

/** A value taken from the law, with where it comes from and how sure we are. */
export interface Sourced<T> {
  value: T;
  /** Legal citation, e.g. "Nghị định 07/2021/NĐ-CP, Điều 3". */
  citation: string;
  status: VerificationStatus;
  /** Source ids of the domain notes (S22, S34, …). */
  sources: string[];
  note?: string;
}

export interface ByArea<T> {
  rural: T;
  urban: T;
}

/** One deprivation indicator (chỉ số đo lường mức độ thiếu hụt dịch vụ xã hội cơ bản). */
export interface Indicator {
  /** Number as in the decree, e.g. "1.1". */
  code: string;
  /** Stable key, e.g. "employment" (the seed CSV's key). */
  key: string;
  dimensionCode: string;
  dimensionVi: string;
  nameVi: string;
  nameEn: string;
  /** When a household counts as deprived, as far as the notes know it. */
  thresholdVi: string;
  status: VerificationStatus;
  sources: string[];
  note?: string;
}

/**
 * Score rules of a standard (Circular 07/2021/TT-BLĐTBXH for Decree 07):
 * score A (Phiếu B1, income proxy) and score B (Phiếu B2, deprivations).
 */
export interface ScoreRules {
  /** Score A at or under which a household's income counts as at or under the line. */
  scoreALine: ByArea<Sourced<number>>;
  /** Points of score B per deprived indicator. */
  pointsPerDeprivation: Sourced<number>;
  /** Score B from which an income-poor household is poor (else near-poor). */
  scoreBPoorMin: Sourced<number>;
  /** Which evidence decides when score A and income both exist and disagree. */
  primaryEvidence: 'scoreA' | 'income';
}

/** Band of the average-living-standard household (hộ có mức sống trung bình): line < income ≤ upper. */
export interface AverageBand {
  upper: ByArea<Sourced<number>>;
}

/**
 * Low-income worker test (người lao động có thu nhập thấp), Decree 30/2025/NĐ-CP:
 * a member of a household that is neither poor nor near-poor, income per person ≤ ceiling.
 */
export interface LowIncomeWorkerRule {
  ceiling: ByArea<Sourced<number>>;
  effectiveFrom: string;
  /** Last day it applies (inclusive), null = open. */
  effectiveTo: string | null;
  citation: string;
  status: VerificationStatus;
  note?: string;
}

/** A configured item table of Phiếu B1 (score A from items). None is configured: Annex III was not retrieved. */
export interface ScoreAItemTable {
  id: string;
  standardId: string;
  area: AreaType;
  /** Region of the form, when the table is region-specific. */
  region?: string;
  basePoints: number;
  /** item key → answer → points. */
  items: Record<string, Record<string, number>>;
  citation: string;
  status: VerificationStatus;
}

/** A poverty standard version (chuẩn nghèo) with every value it needs. */
export interface PovertyStandard {
  id: string;
  nameVi: string;
  citation: string;
  issued: string;
  effectiveFrom: string;
  status: VerificationStatus;
  sources: string[];
  /** Income line per person per month, VND (chuẩn nghèo thu nhập). */
  incomeLine: ByArea<Sourced<number>>;
  /** Minimum number of deprived indicators for a poor household. */
  minDeprivations: Sourced<number>;
  /** null when the scoring forms of the standard are not known. */
  scoreRules: ScoreRules | null;
  /** null when the band is not known for this standard. */
  averageBand: AverageBand | null;
  lowIncomeWorker: LowIncomeWorkerRule | null;
  indicators: Indicator[];
  /** true for a provincial (local) standard, classified next to the national one. */
  local?: boolean;
}

/**
 * Which standard applies over which period. The 2026 case (Decree 07 standard kept by
 * Decree 351/2025) is one more application of the same standard.
 */
export interface StandardApplication {
  standardId: string;
  /** First and last calendar year (review year) it applies to. */
  fromYear: number;
  toYear: number;
  /** Inclusive dates. */
  from: string;
  to: string;
  citation: string;
  status: VerificationStatus;
  sources: string[];
}

export interface StandardCatalog {
  standards: PovertyStandard[];
  applications: StandardApplication[];
  itemTables: ScoreAItemTable[];
}
