/**
 * The named steps of the classification (classifyHousehold in classify.ts runs them in this order). Each is
 * pure and reads its numbers from the standard; each returns the reasons (with citation and status) and
 * the review flags it adds, or a typed error.
 *
 *   resolve standard   the version in force on the date or review year (or the one chosen)
 *   resolve indicators codes or keys of the deprived indicators of that standard
 *   score B            Thông tư 07/2021, Điều 2: 10 points per deprived indicator
 *   score A            Thông tư 07/2021, Điều 2 and Phụ lục III: Phiếu B1 total, or from its items
 *   income test        Nghị định 07/2021, Điều 3: at or under the income line (by score A or income)
 *   band decision      Nghị định 07/2021, Điều 3: poor / near-poor by deprivations, else the average band
 *                      (QĐ 24/2021, Điều 2: farm, forestry, fishery and salt households only)
 *   low-income worker  Nghị định 30/2025: income test for households neither poor nor near-poor
 *   flags              a reason whose value is not verified flags the case for review
 */
import { formatNumberVi, isIsoDate } from '../text';
import type { ClassifyError, ClassifyErrorCode, ClassifyInput, Evidence, Reason, ReviewFlag } from './classify';
import { applicationForDate, applicationForYear, findStandard } from './standards';
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
} from './types';

/** What a step adds to the explanation of the outcome. */
export interface StepNotes {
  reasons: Reason[];
  flags: ReviewFlag[];
}

export type StepError = { error: ClassifyError };

export const stepError = (code: ClassifyErrorCode, message: string, details?: unknown): StepError => ({
  error: details === undefined ? { code, message } : { code, message, details },
});

export const isStepError = (x: object): x is StepError => 'error' in x;

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

/** Step 0, the input's shape: an error, or null when the input can be classified. */
export function checkInput(input: ClassifyInput): StepError | null {
  if (input.area !== 'rural' && input.area !== 'urban') {
    return stepError('invalid_input', 'Khu vực (area) phải là "rural" (nông thôn) hoặc "urban" (thành thị).');
  }
  if (input.date !== undefined && !isIsoDate(input.date))
    return stepError('invalid_input', `Ngày "${input.date}" không hợp lệ (định dạng YYYY-MM-DD).`);
  if (input.date === undefined && (input.year === undefined || !Number.isInteger(input.year))) {
    return stepError('invalid_input', 'Thiếu năm rà soát (year) hoặc ngày (date).');
  }
  if (!Array.isArray(input.deprived))
    return stepError('invalid_input', 'Danh sách chỉ số thiếu hụt (deprived) phải là một mảng mã chỉ số.');
  for (const [field, label] of [
    ['scoreA', 'Điểm A'],
    ['incomePerCapita', 'Thu nhập bình quân đầu người'],
    ['scoreB', 'Điểm B'],
  ] as const) {
    const v = input[field];
    if (v !== undefined && !isNonNegativeNumber(v))
      return stepError('invalid_input', `${label} (${field}) phải là một số không âm.`);
  }
  return null;
}

export interface ResolvedStandard {
  standard: PovertyStandard;
  application: StandardApplication | undefined;
  /** The date rules with their own effective dates are checked on. */
  onDate: string;
  reason: Reason;
}

/** Step 1: the standard in force on the date (or review year), or the one the caller chose. */
export function resolveStandard(catalog: StandardCatalog, input: ClassifyInput): ResolvedStandard | StepError {
  const onDate = input.date ?? referenceDateOfYear(input.year!);
  const inForce = input.date ? applicationForDate(catalog, input.date) : applicationForYear(catalog, input.year!);
  let standard: PovertyStandard | undefined;
  let application: StandardApplication | undefined;
  if (input.standardId) {
    standard = findStandard(catalog, input.standardId);
    if (!standard) return stepError('no_standard', `Không có chuẩn nghèo mã "${input.standardId}".`);
    application = inForce?.standardId === standard.id ? inForce : undefined;
  } else {
    if (!inForce) {
      const when = input.date ? `ngày ${input.date}` : `năm ${input.year}`;
      return stepError('no_standard', `Không có chuẩn nghèo nào được cấu hình cho ${when}.`, {
        year: input.year,
        date: input.date,
      });
    }
    standard = findStandard(catalog, inForce.standardId);
    if (!standard) return stepError('no_standard', `Chuẩn nghèo "${inForce.standardId}" chưa được cấu hình.`);
    application = inForce;
  }
  const reason: Reason = {
    rule: 'standard',
    messageVi: `Áp dụng ${standard.nameVi}: ${application ? application.citation : `${standard.citation} (theo lựa chọn)`}.`,
    citation: application?.citation ?? standard.citation,
    status: application?.status ?? standard.status,
  };
  return { standard, application, onDate, reason };
}

/** Step 2: indicator codes or keys of a standard; unknown ones are returned separately. */
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

/**
 * Step 3, score B: points per deprived indicator × their number (null without score rules). A score B
 * entered on the form that differs is flagged; the computed score is used.
 */
export function scoreB(
  standard: PovertyStandard,
  count: number,
  entered: number | undefined,
): StepNotes & { scoreB: number | null } {
  const rules = standard.scoreRules;
  const value = rules ? rules.pointsPerDeprivation.value * count : null;
  if (!rules || entered === undefined || entered === value) return { scoreB: value, reasons: [], flags: [] };
  return {
    scoreB: value,
    flags: ['score_b_mismatch'],
    reasons: [
      {
        rule: 'score_b_mismatch',
        messageVi: `Điểm B ghi trên phiếu (${entered}) khác điểm tính từ ${count} chỉ số thiếu hụt (${value}); dùng điểm tính được, cần rà soát lại.`,
        citation: rules.pointsPerDeprivation.citation,
        status: rules.pointsPerDeprivation.status,
      },
    ],
  };
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

/**
 * Step 4, the income evidence: score A (entered, or from the Phiếu B1 items of a configured table) and/or
 * income per person. Score A without score rules is set aside when income is known, refused otherwise.
 */
export function incomeEvidence(
  catalog: StandardCatalog,
  standard: PovertyStandard,
  input: Pick<ClassifyInput, 'area' | 'scoreA' | 'incomePerCapita' | 'b1Items'>,
): (StepNotes & { scoreA: number | null; income: number | null; evidenceUsed: Evidence[] }) | StepError {
  const area = input.area;
  const reasons: Reason[] = [];
  const flags: ReviewFlag[] = [];
  const evidenceUsed: Evidence[] = [];
  let scoreA = input.scoreA ?? null;
  if (input.b1Items) {
    const wanted = input.b1Items.itemTableId;
    const table = catalog.itemTables.find(
      (t) => t.standardId === standard.id && t.area === area && (!wanted || t.id === wanted),
    );
    if (!table) {
      return stepError(
        'no_item_table',
        `Chưa cấu hình bảng điểm Phiếu B1 cho ${standard.nameVi} (${AREA_VI[area]}): hãy nhập tổng điểm A hoặc thu nhập bình quân đầu người.`,
      );
    }
    const computed = scoreAFromItems(table, input.b1Items.answers);
    if (!computed.ok) return stepError('invalid_input', computed.problems.join('; '), { problems: computed.problems });
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
    return stepError(
      'no_evidence',
      'Thiếu điểm A (scoreA) và thu nhập bình quân đầu người (incomePerCapita): cần ít nhất một trong hai.',
    );
  }
  if (scoreA !== null && !standard.scoreRules) {
    if (income === null) {
      return stepError(
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
  return { scoreA, income, evidenceUsed, reasons, flags };
}

/**
 * Step 5, the income test: at or under the line, by score A (against the A line) or by income. When both
 * exist and disagree, the standard's primary evidence decides and the case is flagged.
 */
export function incomeTest(
  standard: PovertyStandard,
  area: AreaType,
  scoreA: number | null,
  income: number | null,
): StepNotes & { underLine: boolean; decidedBy: 'scoreA' | 'income' } {
  const reasons: Reason[] = [];
  const flags: ReviewFlag[] = [];
  const rules = standard.scoreRules;
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
  return { underLine, decidedBy, reasons, flags };
}

export interface BandFacts {
  area: AreaType;
  underLine: boolean;
  scoreB: number | null;
  known: Indicator[];
  income: number | null;
  occupation: Occupation | null | undefined;
}

/**
 * Step 6, the band: under the line, poor or near-poor by score B (or the number of deprivations without
 * score rules); over it, the average band from income, for farm, forestry, fishery and salt households only.
 */
export function bandDecision(standard: PovertyStandard, f: BandFacts): StepNotes & { class: HouseholdClass } {
  const { area, income } = f;
  const line = standard.incomeLine[area];
  const count = f.known.length;
  const deprivedList = f.known.map((i) => `${i.code} ${i.nameVi}`).join(', ') || 'không có';
  const rules = standard.scoreRules;
  if (f.underLine) {
    if (rules) {
      const poor = f.scoreB! >= rules.scoreBPoorMin.value;
      return {
        class: poor ? 'poor' : 'near_poor',
        flags: [],
        reasons: [
          {
            rule: poor ? 'score_b_poor' : 'score_b_near_poor',
            messageVi: `Điểm B = ${rules.pointsPerDeprivation.value} × ${count} = ${f.scoreB} ${poor ? '≥' : '<'} ${rules.scoreBPoorMin.value} (chỉ số thiếu hụt: ${deprivedList}) → ${poor ? 'hộ nghèo' : 'hộ cận nghèo'}.`,
            citation: `${rules.scoreBPoorMin.citation}; ${standard.minDeprivations.citation}`,
            status: rules.scoreBPoorMin.status,
          },
        ],
      };
    }
    const poor = count >= standard.minDeprivations.value;
    return {
      class: poor ? 'poor' : 'near_poor',
      flags: [],
      reasons: [
        {
          rule: poor ? 'deprivations_poor' : 'deprivations_near_poor',
          messageVi: `Thiếu hụt ${count} chỉ số ${poor ? '≥' : '<'} ${standard.minDeprivations.value} (chỉ số thiếu hụt: ${deprivedList}) → ${poor ? 'hộ nghèo' : 'hộ cận nghèo'}.`,
          citation: standard.minDeprivations.citation,
          status: standard.minDeprivations.status,
        },
      ],
    };
  }
  const band = standard.averageBand;
  if (income !== null && band && income > line.value) {
    const upper = band.upper[area];
    const inBand = income <= upper.value;
    if (inBand && !AVERAGE_BAND_OCCUPATIONS.includes(f.occupation as Occupation)) {
      // In the band, but the band is only for farm, forestry, fishery and salt households.
      const occupation = f.occupation ?? null;
      return {
        class: 'not_poor',
        flags: occupation === null ? ['occupation_unknown'] : [],
        reasons: [
          {
            rule: occupation === null ? 'average_band_occupation_unknown' : 'average_band_not_applicable',
            messageVi:
              occupation === null
                ? `Thu nhập ${vnd(income)} trong khoảng mức sống trung bình, nhưng chưa có nghề nghiệp của hộ: chỉ hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp, diêm nghiệp được xác định mức sống trung bình.`
                : `Hộ làm nghề "${OCCUPATION_LABEL_VI[occupation]}": không thuộc đối tượng xác định hộ có mức sống trung bình (chỉ hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp, diêm nghiệp).`,
            citation: AVERAGE_BAND_OCCUPATION_CITATION,
            status: 'verified',
          },
        ],
      };
    }
    return {
      class: inBand ? 'average' : 'not_poor',
      flags: [],
      reasons: [
        {
          rule: inBand ? 'average_band' : 'over_average_band',
          messageVi: inBand
            ? `Thu nhập ${vnd(income)} trong khoảng trên ${vnd(line.value)} đến ${vnd(upper.value)} → hộ có mức sống trung bình.`
            : `Thu nhập ${vnd(income)} > ${vnd(upper.value)} → không thuộc hộ nghèo, cận nghèo, mức sống trung bình.`,
          citation: upper.citation,
          status: upper.status,
        },
      ],
    };
  }
  const why =
    income === null
      ? 'Chỉ có điểm A: không xác định được hộ có mức sống trung bình (chỉ xác định từ thu nhập).'
      : band
        ? 'Không thuộc hộ nghèo, hộ cận nghèo.'
        : `Không thuộc hộ nghèo, hộ cận nghèo; khoảng hộ có mức sống trung bình của ${standard.nameVi} chưa được cấu hình.`;
  return {
    class: 'not_poor',
    flags: [],
    reasons: [
      { rule: 'not_poor', messageVi: why, citation: standard.citation, status: band ? standard.status : 'unverified' },
    ],
  };
}

/**
 * Step 7, Nghị định 30/2025: a member of a household neither poor nor near-poor meets the income criterion
 * of a low-income worker when income per person ≤ the ceiling, on a date the rule is in force. null when
 * the test does not apply or cannot be decided (no income).
 */
export function lowIncomeWorkerTest(
  standard: PovertyStandard,
  area: AreaType,
  onDate: string,
  cls: HouseholdClass,
  income: number | null,
): { lowIncomeWorker: boolean | null; reasons: Reason[] } {
  const liw = standard.lowIncomeWorker;
  if (
    !liw ||
    onDate < liw.effectiveFrom ||
    (liw.effectiveTo !== null && onDate > liw.effectiveTo) ||
    (cls !== 'average' && cls !== 'not_poor') ||
    income === null
  )
    return { lowIncomeWorker: null, reasons: [] };
  const ceiling = liw.ceiling[area];
  const low = income <= ceiling.value;
  return {
    lowIncomeWorker: low,
    reasons: [
      {
        rule: low ? 'low_income_worker' : 'not_low_income_worker',
        messageVi: `Thu nhập ${vnd(income)} ${low ? '≤' : '>'} ${vnd(ceiling.value)}: thành viên ${low ? 'đáp ứng' : 'không đáp ứng'} tiêu chí thu nhập của người lao động có thu nhập thấp (từ ${liw.effectiveFrom.split('-').reverse().join('/')}).`,
        citation: liw.citation,
        status: liw.status,
      },
    ],
  };
}

/** Step 8: the flags of the case; a reason resting on a value that is not verified asks for a review. */
export function reviewFlags(reasons: Reason[], flags: ReviewFlag[]): ReviewFlag[] {
  return reasons.some((r) => r.status !== 'verified') ? [...flags, 'unverified_value'] : flags;
}
