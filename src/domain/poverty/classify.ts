/**
 * The classification engine (phân loại hộ nghèo, hộ cận nghèo): pure, table-driven by the
 * standard version in force on the household's date or review year.
 *
 *   Decree 07/2021, Art. 3 / Circular 07/2021, Art. 2 (and Decree 351/2025 for 2027-2030):
 *     poor      ⇔ income ≤ line (or A ≤ A-line) ∧ deprivations ≥ 3 (B ≥ 30)
 *     near-poor ⇔ income ≤ line (or A ≤ A-line) ∧ deprivations < 3 (B < 30)
 *     average   ⇔ line < income ≤ band upper (income only)
 *
 * The numbers come from the standard of a catalog (standards.ts, or the database's); the generic rules are
 * the named steps of classify-steps.ts, run here in order.
 */
import {
  bandDecision,
  checkInput,
  incomeEvidence,
  incomeTest,
  isStepError,
  lowIncomeWorkerTest,
  resolveIndicators,
  resolveStandard,
  reviewFlags,
  scoreB as scoreBStep,
  unknownIndicatorMessage,
  stepError,
} from './classify-steps';
import { NATIONAL_CATALOG } from './standards';
import type { AreaType, HouseholdClass, Occupation, StandardCatalog, VerificationStatus } from './types';

export { referenceDateOfYear, resolveIndicators, scoreAFromItems, unknownIndicatorMessage } from './classify-steps';

export interface ClassifyInput {
  area: AreaType;
  /** Review year; used when no date is given. */
  year?: number;
  /** Date of the review or decision (YYYY-MM-DD); takes precedence over year. */
  date?: string;
  /** Total score A of Phiếu B1. */
  scoreA?: number;
  /** Monthly income per person, VND. */
  incomePerCapita?: number;
  /** Answers of Phiếu B1, accepted only when an item table is configured. */
  b1Items?: { itemTableId?: string; answers: Record<string, string> };
  /** Deprived indicators: codes ("1.1" … "6.2") or keys ("employment"). */
  deprived: string[];
  /** Score B as entered on the form; checked against the deprived indicators. */
  scoreB?: number;
  /** Classify under this standard instead of the one in force (local standard, comparison). */
  standardId?: string;
  /**
   * The household's occupation: the average-living-standard band applies only to farm, forestry,
   * fishery and salt households (QĐ 24/2021, Art. 2). Omitted/null = not reported: the band is not
   * applied and the case is flagged `occupation_unknown`.
   */
  occupation?: Occupation | null;
}

export const EVIDENCES = ['scoreA', 'income', 'b1Items'] as const;
export type Evidence = (typeof EVIDENCES)[number];

export interface Reason {
  rule: string;
  messageVi: string;
  citation: string;
  status: VerificationStatus;
}

export const REVIEW_FLAGS = [
  'evidence_disagreement',
  'score_b_mismatch',
  'score_a_mismatch',
  'unverified_value',
  'occupation_unknown',
] as const;
export type ReviewFlag = (typeof REVIEW_FLAGS)[number];

export interface Classification {
  class: HouseholdClass;
  standardId: string;
  standardNameVi: string;
  /** Why this standard applies (null when the caller chose the standard). */
  application: string | null;
  area: AreaType;
  scoreA: number | null;
  scoreB: number | null;
  incomePerCapita: number | null;
  /** Codes of the deprived indicators, in the standard's order, without duplicates. */
  deprived: string[];
  deprivationCount: number;
  evidenceUsed: Evidence[];
  decidedBy: 'scoreA' | 'income';
  /** Decree 30/2025 income test for low-income workers; null when not applicable or not decidable. */
  lowIncomeWorker: boolean | null;
  reasons: Reason[];
  flags: ReviewFlag[];
}

export type ClassifyErrorCode =
  'invalid_input' | 'unknown_indicator' | 'no_evidence' | 'no_standard' | 'no_score_rules' | 'no_item_table';

export interface ClassifyError {
  code: ClassifyErrorCode;
  message: string;
  details?: unknown;
}

export type ClassifyOutcome = { ok: true; value: Classification } | { ok: false; error: ClassifyError };

const failWith = (e: { error: ClassifyError }): ClassifyOutcome => ({ ok: false, error: e.error });

export function classifyHousehold(input: ClassifyInput, catalog: StandardCatalog = NATIONAL_CATALOG): ClassifyOutcome {
  const invalid = checkInput(input);
  if (invalid) return failWith(invalid);

  const resolved = resolveStandard(catalog, input);
  if (isStepError(resolved)) return failWith(resolved);
  const { standard, application, onDate } = resolved;
  const area = input.area;

  const { known, unknown } = resolveIndicators(standard, input.deprived);
  if (unknown.length)
    return failWith(stepError('unknown_indicator', unknownIndicatorMessage(standard, unknown), { unknown }));

  const b = scoreBStep(standard, known.length, input.scoreB);
  const evidence = incomeEvidence(catalog, standard, input);
  if (isStepError(evidence)) return failWith(evidence);
  const { scoreA, income } = evidence;
  const test = incomeTest(standard, area, scoreA, income);
  const band = bandDecision(standard, {
    area,
    underLine: test.underLine,
    scoreB: b.scoreB,
    known,
    income,
    occupation: input.occupation,
  });
  const liw = lowIncomeWorkerTest(standard, area, onDate, band.class, income);

  const reasons = [
    resolved.reason,
    ...b.reasons,
    ...evidence.reasons,
    ...test.reasons,
    ...band.reasons,
    ...liw.reasons,
  ];
  const flags = reviewFlags(reasons, [...b.flags, ...evidence.flags, ...test.flags, ...band.flags]);
  return {
    ok: true,
    value: {
      class: band.class,
      standardId: standard.id,
      standardNameVi: standard.nameVi,
      application: application?.citation ?? null,
      area,
      scoreA,
      scoreB: b.scoreB,
      incomePerCapita: income,
      deprived: known.map((i) => i.code),
      deprivationCount: known.length,
      evidenceUsed: evidence.evidenceUsed,
      decidedBy: test.decidedBy,
      lowIncomeWorker: liw.lowIncomeWorker,
      reasons,
      flags,
    },
  };
}

export const CLASS_LABEL_VI: Record<HouseholdClass, string> = {
  poor: 'Hộ nghèo',
  near_poor: 'Hộ cận nghèo',
  average: 'Hộ có mức sống trung bình',
  not_poor: 'Không thuộc hộ nghèo, cận nghèo',
};
