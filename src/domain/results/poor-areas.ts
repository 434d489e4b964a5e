/**
 * Poor districts and especially-disadvantaged (ĐBKK) coastal and island communes: the criteria of
 * Quyết định 36/2021/QĐ-TTg evaluated from a unit's data, and progress toward the 30 % exit target.
 * Thresholds that are not verified are configuration, marked, and null until someone enters them:
 * a criterion with a null threshold is "chưa đánh giá được", never passed or failed by default.
 */
import type { LegalStatus } from './sources';

const QD36 = 'Quyết định 36/2021/QĐ-TTg';

export interface Threshold {
  value: number | null;
  citation: string;
  status: LegalStatus;
}

export interface DbkkCriteriaConfig {
  coastalRatePct: Threshold;
  saltRatePct: Threshold;
  saltMonths: Threshold;
  infrastructureLacking: Threshold;
  /**
   * How the two criteria combine: the decision says "gồm 02 tiêu chí"; reading them as both required is likely,
   * unverified.
   */
  combine: { value: 'and' | 'or'; status: LegalStatus };
}

export const DBKK_CRITERIA: DbkkCriteriaConfig = {
  coastalRatePct: { value: 15, citation: `${QD36}, Điều 4 khoản 1`, status: 'verified_secondary' },
  saltRatePct: { value: 12, citation: `${QD36}, Điều 4 khoản 1`, status: 'verified_secondary' },
  saltMonths: { value: 3, citation: `${QD36}, Điều 4 khoản 1`, status: 'verified_secondary' },
  infrastructureLacking: {
    value: 3,
    citation: `${QD36}, Điều 4 khoản 2 (3/9 công trình)`,
    status: 'verified_secondary',
  },
  combine: { value: 'and', status: 'unverified' },
};

/** The 9 infrastructure items of Art. 4.2; e)–i) were not retrieved. */
export const INFRASTRUCTURE_ITEMS: { code: string; labelVi: string; status: LegalStatus }[] = [
  { code: 'a', labelVi: 'Xã chưa đạt tiêu chí quốc gia về y tế', status: 'verified_secondary' },
  {
    code: 'b',
    labelVi: 'Cơ sở vật chất trường mầm non, tiểu học hoặc THCS chưa đạt mức 2 chuẩn quốc gia',
    status: 'verified_secondary',
  },
  { code: 'c', labelVi: 'Tỷ lệ phòng học kiên cố của nhà trẻ, lớp mẫu giáo dưới 75%', status: 'verified_secondary' },
  {
    code: 'd',
    labelVi: 'Chưa có nhà văn hóa hoặc hội trường đa năng và sân thể thao đạt chuẩn',
    status: 'verified_secondary',
  },
  { code: 'dd', labelVi: 'Tỷ lệ hộ tiếp cận nước sạch dưới 85%', status: 'verified_secondary' },
  { code: 'e', labelVi: 'Mục e) (chưa có nguồn)', status: 'unverified' },
  { code: 'g', labelVi: 'Mục g) (chưa có nguồn)', status: 'unverified' },
  { code: 'h', labelVi: 'Mục h) (chưa có nguồn)', status: 'unverified' },
  { code: 'i', labelVi: 'Mục i) (chưa có nguồn)', status: 'unverified' },
];

export interface CommuneFacts {
  coastal: boolean | null;
  saltIntrusionMonths: number | null;
  /** Poor + near-poor household rate, % (2022-2025 standard). */
  poorNearPoorPct: number | null;
  /** Item code → the commune lacks it (true), has it (false), unknown (null). */
  lacking: Record<string, boolean | null>;
  newRuralStandard: boolean | null;
}

export interface CriterionResult {
  code: string;
  labelVi: string;
  met: boolean | null;
  citation: string;
  status: LegalStatus;
  detailVi: string;
}

export interface Evaluation {
  eligible: boolean | null;
  criteria: CriterionResult[];
}

const and3 = (xs: (boolean | null)[]) => (xs.includes(false) ? false : xs.includes(null) ? null : true);
const or3 = (xs: (boolean | null)[]) => (xs.includes(true) ? true : xs.includes(null) ? null : false);

/**
 * Art. 4: criterion 1 (poverty rate by commune type), criterion 2 (lacking ≥ 3 of 9 items); scope excludes
 * new-rural-standard communes (Art. 2).
 */
export function evaluateDbkkCommune(f: CommuneFacts, cfg: DbkkCriteriaConfig = DBKK_CRITERIA): Evaluation {
  const t = (x: Threshold) => x.value;
  const coastalMet =
    f.coastal === false
      ? false
      : f.coastal === null || f.poorNearPoorPct === null || t(cfg.coastalRatePct) === null
        ? null
        : f.poorNearPoorPct >= t(cfg.coastalRatePct)!;
  const saltMet =
    f.saltIntrusionMonths === null ||
    f.poorNearPoorPct === null ||
    t(cfg.saltMonths) === null ||
    t(cfg.saltRatePct) === null
      ? null
      : f.saltIntrusionMonths >= t(cfg.saltMonths)! && f.poorNearPoorPct >= t(cfg.saltRatePct)!;
  const c1 = or3([coastalMet, saltMet]);
  const lackingKnown = Object.values(f.lacking).filter((v) => v === true).length;
  const unknownItems = INFRASTRUCTURE_ITEMS.filter(
    (i) => f.lacking[i.code] === null || f.lacking[i.code] === undefined,
  ).length;
  const need = t(cfg.infrastructureLacking);
  const c2 = need === null ? null : lackingKnown >= need ? true : lackingKnown + unknownItems >= need ? null : false;
  const scope = f.newRuralStandard === null ? null : !f.newRuralStandard;
  const criteria: CriterionResult[] = [
    {
      code: 'scope',
      labelVi: 'Không phải xã đạt chuẩn nông thôn mới',
      met: scope,
      citation: `${QD36}, Điều 2`,
      status: 'verified_secondary',
      detailVi:
        f.newRuralStandard === null
          ? 'Chưa có thông tin'
          : f.newRuralStandard
            ? 'Xã đã đạt chuẩn nông thôn mới'
            : 'Chưa đạt chuẩn nông thôn mới',
    },
    {
      code: 'c1',
      labelVi: 'Tỷ lệ hộ nghèo và cận nghèo theo loại xã',
      met: c1,
      citation: cfg.coastalRatePct.citation,
      status: cfg.coastalRatePct.status,
      detailVi:
        f.poorNearPoorPct === null
          ? 'Chưa có tỷ lệ hộ nghèo và cận nghèo'
          : `Tỷ lệ ${f.poorNearPoorPct.toLocaleString('vi-VN', { maximumFractionDigits: 2 })}%; ngưỡng ${t(cfg.coastalRatePct) ?? '?'}% (xã ven biển), ${t(cfg.saltRatePct) ?? '?'}% (xã xâm nhập mặn)`,
    },
    {
      code: 'c2',
      labelVi: 'Thiếu từ 3/9 công trình hạ tầng cơ bản',
      met: c2,
      citation: cfg.infrastructureLacking.citation,
      status: cfg.infrastructureLacking.status,
      detailVi: `Thiếu ${lackingKnown} công trình, ${unknownItems} chưa có thông tin`,
    },
  ];
  const main = cfg.combine.value === 'and' ? and3([c1, c2]) : or3([c1, c2]);
  return { eligible: and3([scope, main]), criteria };
}

/** Poor-district criteria (Art. 3): names verified, thresholds not retrieved: all configurable, null by default. */
export interface PoorDistrictConfig {
  poorNearPoorRatePct: Threshold;
  incomePerCapitaMaxVnd: Threshold;
  communesDevelopmentLevel: Threshold;
  mountainous: { required: boolean | null; status: LegalStatus };
}

export const POOR_DISTRICT_CRITERIA: PoorDistrictConfig = {
  poorNearPoorRatePct: { value: null, citation: `${QD36}, Điều 3 (ngưỡng chưa có)`, status: 'unverified' },
  incomePerCapitaMaxVnd: { value: null, citation: `${QD36}, Điều 3 (ngưỡng chưa có)`, status: 'unverified' },
  communesDevelopmentLevel: { value: null, citation: `${QD36}, Điều 3 (ngưỡng chưa có)`, status: 'unverified' },
  mountainous: { required: null, status: 'unverified' },
};

export interface DistrictFacts {
  poorNearPoorPct: number | null;
  incomePerCapitaVnd: number | null;
  mountainous: boolean | null;
  newRuralStandard: boolean | null;
}

export function evaluatePoorDistrict(f: DistrictFacts, cfg: PoorDistrictConfig = POOR_DISTRICT_CRITERIA): Evaluation {
  const rate =
    cfg.poorNearPoorRatePct.value === null || f.poorNearPoorPct === null
      ? null
      : f.poorNearPoorPct >= cfg.poorNearPoorRatePct.value;
  const income =
    cfg.incomePerCapitaMaxVnd.value === null || f.incomePerCapitaVnd === null
      ? null
      : f.incomePerCapitaVnd <= cfg.incomePerCapitaMaxVnd.value;
  const scope = f.newRuralStandard === null ? null : !f.newRuralStandard;
  const criteria: CriterionResult[] = [
    {
      code: 'scope',
      labelVi: 'Không phải huyện đạt chuẩn nông thôn mới',
      met: scope,
      citation: `${QD36}, Điều 2`,
      status: 'verified_secondary',
      detailVi: '',
    },
    {
      code: 'rate',
      labelVi: 'Tỷ lệ hộ nghèo và cận nghèo',
      met: rate,
      citation: cfg.poorNearPoorRatePct.citation,
      status: cfg.poorNearPoorRatePct.status,
      detailVi: cfg.poorNearPoorRatePct.value === null ? 'Ngưỡng chưa được cấu hình (chưa xác minh)' : '',
    },
    {
      code: 'development',
      labelVi: 'Mức độ phát triển kinh tế - xã hội của các xã trong huyện',
      met: null,
      citation: cfg.communesDevelopmentLevel.citation,
      status: cfg.communesDevelopmentLevel.status,
      detailVi: 'Ngưỡng chưa được cấu hình (chưa xác minh)',
    },
    {
      code: 'income',
      labelVi: 'Thu nhập bình quân đầu người',
      met: income,
      citation: cfg.incomePerCapitaMaxVnd.citation,
      status: cfg.incomePerCapitaMaxVnd.status,
      detailVi: cfg.incomePerCapitaMaxVnd.value === null ? 'Ngưỡng chưa được cấu hình (chưa xác minh)' : '',
    },
    {
      code: 'mountainous',
      labelVi: 'Huyện miền núi, vùng cao, biên giới',
      met: cfg.mountainous.required === null ? null : f.mountainous,
      citation: `${QD36}, Điều 3`,
      status: cfg.mountainous.status,
      detailVi: '',
    },
  ];
  return { eligible: and3(criteria.map((c) => c.met)), criteria };
}

export interface ExitFact {
  decidedOn: string;
  count: number;
  /** true: a running total at that date; false: exits recognised by that decision alone. */
  cumulative: boolean;
}

/**
 * Units exited by the end of `year` from the recorded decisions; null when no decision of that year is
 * recorded: a total known at the end of 2025 says nothing of the end of 2026, so it is not carried forward.
 */
export function exitedBy(year: number, facts: ExitFact[]): number | null {
  const upTo = facts
    .filter((f) => Number(f.decidedOn.slice(0, 4)) <= year)
    .sort((a, b) => a.decidedOn.localeCompare(b.decidedOn));
  if (!upTo.some((f) => Number(f.decidedOn.slice(0, 4)) === year)) return null;
  let total = 0;
  for (const f of upTo) total = f.cumulative ? f.count : total + f.count;
  return total;
}

/** Progress toward the exit target (percent of the target share reached). */
export function progressToward(
  exited: number | null,
  total: number,
  targetPct: number,
): { sharePct: number | null; progressPct: number | null } {
  if (exited === null || total <= 0) return { sharePct: null, progressPct: null };
  const share = (100 * exited) / total;
  return { sharePct: share, progressPct: (100 * share) / targetPct };
}
