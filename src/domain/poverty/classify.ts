/**
 * The classification engine (phân loại hộ nghèo, hộ cận nghèo): pure, table-driven by the
 * standard version in force on the household's date or review year.
 *
 *   Decree 07/2021, Art. 3 / Circular 07/2021, Art. 2 (and Decree 351/2025 for 2027-2030):
 *     poor      ⇔ income ≤ line (or A ≤ A-line) ∧ deprivations ≥ 3 (B ≥ 30)
 *     near-poor ⇔ income ≤ line (or A ≤ A-line) ∧ deprivations < 3 (B < 30)
 *     average   ⇔ line < income ≤ band upper (income only)
 *
 * The numbers come from the standard (standards.ts); this file only holds the generic rules.
 */
import { formatNumberVi, isIsoDate } from '../text';
import { applicationForDate, applicationForYear, findStandard, NATIONAL_CATALOG } from './standards';
import {
  AVERAGE_BAND_OCCUPATION_CITATION,
  AVERAGE_BAND_OCCUPATIONS,
  OCCUPATION_LABEL_VI,
  type AreaType,
  type HouseholdClass,
  type Indicator,
  type Occupation,
  type PovertyStandard,
  type ScoreAItemTable,
  type StandardApplication,
  type StandardCatalog,
  type VerificationStatus,
} from './types';

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

export type Evidence = 'scoreA' | 'income' | 'b1Items';

export interface Reason {
  rule: string;
  messageVi: string;
  citation: string;
  status: VerificationStatus;
}

export type ReviewFlag =
  'evidence_disagreement' | 'score_b_mismatch' | 'score_a_mismatch' | 'unverified_value' | 'occupation_unknown';

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

const fail = (code: ClassifyErrorCode, message: string, details?: unknown): ClassifyOutcome => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});

const AREA_VI: Record<AreaType, string> = { rural: 'nông thôn', urban: 'thành thị' };
const vnd = (n: number) => `${formatNumberVi(n)} đồng`;

/**
 * Date used for rules with their own effective date (Decree 30/2025) when only a year is
 * known: the opening of the periodic review, 1 September (QĐ 24/2021/QĐ-TTg, Art. 3).
 */
export function referenceDateOfYear(year: number): string {
  return `${year}-09-01`;
}

function isNonNegativeNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0;
}

/** Resolves indicator codes or keys of a standard; unknown ones are returned separately. */
export function resolveIndicators(
  standard: PovertyStandard,
  given: string[],
): { known: Indicator[]; unknown: string[] } {
  const wanted = new Set<string>();
  const unknown: string[] = [];
  for (const raw of given) {
    const s = String(raw).trim();
    const ind = standard.indicators.find((i) => i.code === s || i.key === s);
    if (ind) wanted.add(ind.code);
    else if (!unknown.includes(s)) unknown.push(s);
  }
  return { known: standard.indicators.filter((i) => wanted.has(i.code)), unknown };
}

export function unknownIndicatorMessage(standard: PovertyStandard, unknown: string[]): string {
  return `Mã chỉ số thiếu hụt không có trong ${standard.nameVi}: ${unknown.join(', ')} (hợp lệ: ${standard.indicators.map((i) => i.code).join(', ')}).`;
}

/** Score A from Phiếu B1 answers with a configured item table. */
export function scoreAFromItems(
  table: ScoreAItemTable,
  answers: Record<string, string>,
): { ok: true; value: number } | { ok: false; problems: string[] } {
  let total = table.basePoints;
  const problems: string[] = [];
  for (const [item, answer] of Object.entries(answers)) {
    const options = table.items[item];
    if (!options) problems.push(`Câu hỏi "${item}" không có trong bảng điểm ${table.id}`);
    else if (!(answer in options))
      problems.push(`Câu trả lời "${answer}" của câu hỏi "${item}" không có trong bảng điểm ${table.id}`);
    else total += options[answer];
  }
  return problems.length ? { ok: false, problems } : { ok: true, value: total };
}

function resolveStandard(
  catalog: StandardCatalog,
  input: ClassifyInput,
): { standard: PovertyStandard; application: StandardApplication | undefined; onDate: string } | ClassifyOutcome {
  const onDate = input.date ?? referenceDateOfYear(input.year!);
  const application = input.date ? applicationForDate(catalog, input.date) : applicationForYear(catalog, input.year!);
  if (input.standardId) {
    const standard = findStandard(catalog, input.standardId);
    if (!standard) return fail('no_standard', `Không có chuẩn nghèo mã "${input.standardId}".`);
    return { standard, application: application?.standardId === standard.id ? application : undefined, onDate };
  }
  if (!application) {
    const when = input.date ? `ngày ${input.date}` : `năm ${input.year}`;
    return fail('no_standard', `Không có chuẩn nghèo nào được cấu hình cho ${when}.`, {
      year: input.year,
      date: input.date,
    });
  }
  const standard = findStandard(catalog, application.standardId);
  if (!standard) return fail('no_standard', `Chuẩn nghèo "${application.standardId}" chưa được cấu hình.`);
  return { standard, application, onDate };
}

export function classifyHousehold(input: ClassifyInput, catalog: StandardCatalog = NATIONAL_CATALOG): ClassifyOutcome {
  // 1. Input shape.
  if (input.area !== 'rural' && input.area !== 'urban') {
    return fail('invalid_input', 'Khu vực (area) phải là "rural" (nông thôn) hoặc "urban" (thành thị).');
  }
  if (input.date !== undefined && !isIsoDate(input.date))
    return fail('invalid_input', `Ngày "${input.date}" không hợp lệ (định dạng YYYY-MM-DD).`);
  if (input.date === undefined && (input.year === undefined || !Number.isInteger(input.year))) {
    return fail('invalid_input', 'Thiếu năm rà soát (year) hoặc ngày (date).');
  }
  if (!Array.isArray(input.deprived))
    return fail('invalid_input', 'Danh sách chỉ số thiếu hụt (deprived) phải là một mảng mã chỉ số.');
  for (const [field, label] of [
    ['scoreA', 'Điểm A'],
    ['incomePerCapita', 'Thu nhập bình quân đầu người'],
    ['scoreB', 'Điểm B'],
  ] as const) {
    const v = input[field];
    if (v !== undefined && !isNonNegativeNumber(v))
      return fail('invalid_input', `${label} (${field}) phải là một số không âm.`);
  }

  // 2. Standard in force.
  const resolved = resolveStandard(catalog, input);
  if ('ok' in resolved) return resolved;
  const { standard, application, onDate } = resolved;
  const area = input.area;
  const reasons: Reason[] = [];
  const flags: ReviewFlag[] = [];
  reasons.push({
    rule: 'standard',
    messageVi: `Áp dụng ${standard.nameVi}: ${application ? application.citation : `${standard.citation} (theo lựa chọn)`}.`,
    citation: application?.citation ?? standard.citation,
    status: application?.status ?? standard.status,
  });

  // 3. Deprived indicators → count and score B.
  const { known, unknown } = resolveIndicators(standard, input.deprived);
  if (unknown.length) {
    return fail('unknown_indicator', unknownIndicatorMessage(standard, unknown), { unknown });
  }
  const count = known.length;
  const rules = standard.scoreRules;
  const scoreB = rules ? rules.pointsPerDeprivation.value * count : null;
  if (rules && input.scoreB !== undefined && input.scoreB !== scoreB) {
    flags.push('score_b_mismatch');
    reasons.push({
      rule: 'score_b_mismatch',
      messageVi: `Điểm B ghi trên phiếu (${input.scoreB}) khác điểm tính từ ${count} chỉ số thiếu hụt (${scoreB}); dùng điểm tính được, cần rà soát lại.`,
      citation: rules.pointsPerDeprivation.citation,
      status: rules.pointsPerDeprivation.status,
    });
  }

  // 4. Income evidence: score A (given or from B1 items) and/or income per person.
  const evidenceUsed: Evidence[] = [];
  let scoreA = input.scoreA ?? null;
  if (input.b1Items) {
    const table = catalog.itemTables.find(
      (t) =>
        t.standardId === standard.id &&
        t.area === area &&
        (!input.b1Items!.itemTableId || t.id === input.b1Items!.itemTableId),
    );
    if (!table) {
      return fail(
        'no_item_table',
        `Chưa cấu hình bảng điểm Phiếu B1 cho ${standard.nameVi} (${AREA_VI[area]}): hãy nhập tổng điểm A hoặc thu nhập bình quân đầu người.`,
      );
    }
    const computed = scoreAFromItems(table, input.b1Items.answers);
    if (!computed.ok) return fail('invalid_input', computed.problems.join('; '), { problems: computed.problems });
    if (scoreA !== null && scoreA !== computed.value) {
      flags.push('score_a_mismatch');
      reasons.push({
        rule: 'score_a_mismatch',
        messageVi: `Điểm A ghi (${scoreA}) khác điểm tính từ Phiếu B1 (${computed.value}); dùng điểm tính được.`,
        citation: table.citation,
        status: table.status,
      });
    }
    scoreA = computed.value;
    evidenceUsed.push('b1Items');
  }
  const income = input.incomePerCapita ?? null;
  if (scoreA === null && income === null) {
    return fail(
      'no_evidence',
      'Thiếu điểm A (scoreA) và thu nhập bình quân đầu người (incomePerCapita): cần ít nhất một trong hai.',
    );
  }
  if (scoreA !== null && !rules) {
    if (income === null) {
      return fail(
        'no_score_rules',
        `${standard.nameVi} chưa có quy định chấm điểm A được cấu hình: hãy nhập thu nhập bình quân đầu người.`,
      );
    }
    reasons.push({
      rule: 'score_a_ignored',
      messageVi: `Điểm A không được dùng: ${standard.nameVi} chưa có phiếu chấm điểm được cấu hình.`,
      citation: standard.citation,
      status: 'unverified',
    });
    scoreA = null;
  }
  if (scoreA !== null && !evidenceUsed.includes('b1Items')) evidenceUsed.push('scoreA');
  if (income !== null) evidenceUsed.push('income');

  // 5. Income test: at or under the line?
  const line = standard.incomeLine[area];
  const aLine = rules?.scoreALine[area];
  const underByA = scoreA !== null && aLine ? scoreA <= aLine.value : null;
  const underByIncome = income !== null ? income <= line.value : null;
  let decidedBy: 'scoreA' | 'income';
  if (underByA !== null && underByIncome !== null) {
    decidedBy = rules!.primaryEvidence;
    if (underByA !== underByIncome) {
      flags.push('evidence_disagreement');
      reasons.push({
        rule: 'evidence_disagreement',
        messageVi: `Điểm A (${scoreA}) và thu nhập (${vnd(income!)}) cho kết luận khác nhau; dùng ${decidedBy === 'scoreA' ? 'điểm A' : 'thu nhập'} theo cấu hình của kỳ, cần rà soát lại.`,
        citation: aLine!.citation,
        status: aLine!.status,
      });
    }
  } else {
    decidedBy = underByA !== null ? 'scoreA' : 'income';
  }
  const underLine = decidedBy === 'scoreA' ? underByA! : underByIncome!;
  if (decidedBy === 'scoreA') {
    reasons.push({
      rule: underLine ? 'score_a_at_or_under_line' : 'score_a_over_line',
      messageVi: `Điểm A = ${scoreA} ${underLine ? '≤' : '>'} ${aLine!.value} điểm (chuẩn ${AREA_VI[area]}, tương ứng ${vnd(line.value)}/người/tháng).`,
      citation: aLine!.citation,
      status: aLine!.status,
    });
  } else {
    reasons.push({
      rule: underLine ? 'income_at_or_under_line' : 'income_over_line',
      messageVi: `Thu nhập bình quân ${vnd(income!)}/người/tháng ${underLine ? '≤' : '>'} chuẩn nghèo ${AREA_VI[area]} ${vnd(line.value)}.`,
      citation: line.citation,
      status: line.status,
    });
  }

  // 6. Poor / near-poor by deprivations; otherwise average band (income only).
  let cls: HouseholdClass;
  const deprivedList = known.map((i) => `${i.code} ${i.nameVi}`).join(', ') || 'không có';
  if (underLine) {
    let poor: boolean;
    if (rules) {
      poor = scoreB! >= rules.scoreBPoorMin.value;
      reasons.push({
        rule: poor ? 'score_b_poor' : 'score_b_near_poor',
        messageVi: `Điểm B = ${rules.pointsPerDeprivation.value} × ${count} = ${scoreB} ${poor ? '≥' : '<'} ${rules.scoreBPoorMin.value} (chỉ số thiếu hụt: ${deprivedList}) → ${poor ? 'hộ nghèo' : 'hộ cận nghèo'}.`,
        citation: `${rules.scoreBPoorMin.citation}; ${standard.minDeprivations.citation}`,
        status: rules.scoreBPoorMin.status,
      });
    } else {
      poor = count >= standard.minDeprivations.value;
      reasons.push({
        rule: poor ? 'deprivations_poor' : 'deprivations_near_poor',
        messageVi: `Thiếu hụt ${count} chỉ số ${poor ? '≥' : '<'} ${standard.minDeprivations.value} (chỉ số thiếu hụt: ${deprivedList}) → ${poor ? 'hộ nghèo' : 'hộ cận nghèo'}.`,
        citation: standard.minDeprivations.citation,
        status: standard.minDeprivations.status,
      });
    }
    cls = poor ? 'poor' : 'near_poor';
  } else if (
    income !== null &&
    standard.averageBand &&
    income > line.value &&
    income <= standard.averageBand.upper[area].value &&
    !AVERAGE_BAND_OCCUPATIONS.includes(input.occupation as Occupation)
  ) {
    // In the band, but the band is only for farm, forestry, fishery and salt households.
    const occupation = input.occupation ?? null;
    cls = 'not_poor';
    if (occupation === null) flags.push('occupation_unknown');
    reasons.push({
      rule: occupation === null ? 'average_band_occupation_unknown' : 'average_band_not_applicable',
      messageVi:
        occupation === null
          ? `Thu nhập ${vnd(income)} trong khoảng mức sống trung bình, nhưng chưa có nghề nghiệp của hộ: chỉ hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp, diêm nghiệp được xác định mức sống trung bình.`
          : `Hộ làm nghề "${OCCUPATION_LABEL_VI[occupation]}": không thuộc đối tượng xác định hộ có mức sống trung bình (chỉ hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp, diêm nghiệp).`,
      citation: AVERAGE_BAND_OCCUPATION_CITATION,
      status: 'verified',
    });
  } else if (income !== null && standard.averageBand && income > line.value) {
    const upper = standard.averageBand.upper[area];
    const inBand = income <= upper.value;
    cls = inBand ? 'average' : 'not_poor';
    reasons.push({
      rule: inBand ? 'average_band' : 'over_average_band',
      messageVi: inBand
        ? `Thu nhập ${vnd(income)} trong khoảng trên ${vnd(line.value)} đến ${vnd(upper.value)} → hộ có mức sống trung bình.`
        : `Thu nhập ${vnd(income)} > ${vnd(upper.value)} → không thuộc hộ nghèo, cận nghèo, mức sống trung bình.`,
      citation: upper.citation,
      status: upper.status,
    });
  } else {
    cls = 'not_poor';
    const why =
      income === null
        ? 'Chỉ có điểm A: không xác định được hộ có mức sống trung bình (chỉ xác định từ thu nhập).'
        : standard.averageBand
          ? 'Không thuộc hộ nghèo, hộ cận nghèo.'
          : `Không thuộc hộ nghèo, hộ cận nghèo; khoảng hộ có mức sống trung bình của ${standard.nameVi} chưa được cấu hình.`;
    reasons.push({
      rule: 'not_poor',
      messageVi: why,
      citation: standard.citation,
      status: standard.averageBand ? standard.status : 'unverified',
    });
  }

  // 7. Decree 30/2025: low-income worker income test for households neither poor nor near-poor.
  let lowIncomeWorker: boolean | null = null;
  const liw = standard.lowIncomeWorker;
  if (
    liw &&
    onDate >= liw.effectiveFrom &&
    (liw.effectiveTo === null || onDate <= liw.effectiveTo) &&
    (cls === 'average' || cls === 'not_poor') &&
    income !== null
  ) {
    const ceiling = liw.ceiling[area];
    lowIncomeWorker = income <= ceiling.value;
    reasons.push({
      rule: lowIncomeWorker ? 'low_income_worker' : 'not_low_income_worker',
      messageVi: `Thu nhập ${vnd(income)} ${lowIncomeWorker ? '≤' : '>'} ${vnd(ceiling.value)}: thành viên ${lowIncomeWorker ? 'đáp ứng' : 'không đáp ứng'} tiêu chí thu nhập của người lao động có thu nhập thấp (từ ${liw.effectiveFrom.split('-').reverse().join('/')}).`,
      citation: liw.citation,
      status: liw.status,
    });
  }

  if (reasons.some((r) => r.status !== 'verified')) flags.push('unverified_value');

  return {
    ok: true,
    value: {
      class: cls,
      standardId: standard.id,
      standardNameVi: standard.nameVi,
      application: application?.citation ?? null,
      area,
      scoreA,
      scoreB,
      incomePerCapita: income,
      deprived: known.map((i) => i.code),
      deprivationCount: count,
      evidenceUsed,
      decidedBy,
      lowIncomeWorker,
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
