/**
 * The household review procedure (rà soát hộ nghèo, hộ cận nghèo) of Quyết định 24/2021/QĐ-TTg
 * as pure rules: campaigns and their deadlines, the steps of a commune's periodic review,
 * the 15-day limit of the monthly review, and the reporting chain configured per period.
 * Routing and deadlines are data (ROUTINGS, DEADLINE_RULES), pinned by a campaign at its start.
 */
import { isoDate, lastDayBefore, lastDayOfDaysLimit, type WorkCalendar } from '../calendar';
import type { VerificationStatus } from './types';

const QD24 = 'Quyết định 24/2021/QĐ-TTg';

export const REVIEW_STEPS = [
  'application', // Mẫu số 04: household request (monthly review only)
  'listing', // 1. Lập danh sách hộ cần rà soát
  'survey', // 2. Rà soát, phân loại (Phiếu A, B1, B2, C)
  'village_meeting', // 2. Họp dân thống nhất kết quả
  'public_posting', // 3. Niêm yết, thông báo công khai
  'district_consultation', // 4. Báo cáo, xin ý kiến Chủ tịch UBND cấp huyện (until 30/06/2025)
  'recognition', // 4. Chủ tịch UBND xã công nhận
] as const;
export type ReviewStep = (typeof REVIEW_STEPS)[number];

/**
 * Whether a step is written in the law (with its article) or is how this system (or a locality)
 * organises the work without a legal text saying so.
 */
export type StepBasis = 'law' | 'local_practice';

export interface StepInfo {
  /** The step as the text names it. */
  labelVi: string;
  /** Who acts, as the text says. */
  actorVi: string;
  citation: string;
  status: VerificationStatus;
  basis: StepBasis;
}

/** Steps of the review as Decision 24/2021 names them (Art. 4 periodic, Art. 5 regular) [S40, S41, S42]. */
export const STEP_INFO: Record<ReviewStep, StepInfo> = {
  application: {
    labelVi: 'Hộ gia đình có giấy đề nghị rà soát (Mẫu số 04)',
    actorVi: 'Hộ gia đình gửi Chủ tịch UBND cấp xã',
    citation: `${QD24}, Điều 5 khoản 1`,
    status: 'verified',
    basis: 'law',
  },
  listing: {
    labelVi: 'Lập danh sách hộ gia đình cần rà soát',
    actorVi: 'Ban Chỉ đạo rà soát cấp xã, với thôn và rà soát viên',
    citation: `${QD24}, Điều 4 khoản 1`,
    status: 'verified',
    basis: 'law',
  },
  survey: {
    labelVi: 'Tổ chức rà soát, phân loại hộ gia đình',
    actorVi: 'Rà soát viên',
    citation: `${QD24}, Điều 4 khoản 2`,
    status: 'verified',
    basis: 'law',
  },
  village_meeting: {
    labelVi: 'Tổ chức họp dân để thống nhất kết quả rà soát',
    actorVi: 'Thôn (thành phần cuộc họp: chưa xác minh)',
    citation: `${QD24}, Điều 4 khoản 2`,
    status: 'partial',
    basis: 'law',
  },
  public_posting: {
    labelVi: 'Niêm yết, thông báo công khai',
    actorVi: 'Ủy ban nhân dân cấp xã',
    citation: `${QD24}, Điều 4 khoản 3`,
    status: 'verified',
    basis: 'law',
  },
  district_consultation: {
    labelVi: 'Báo cáo, xin ý kiến của Chủ tịch Ủy ban nhân dân cấp huyện',
    actorVi: 'Chủ tịch UBND cấp xã (đến 30/06/2025)',
    citation: `${QD24}, Điều 4 khoản 4`,
    status: 'verified',
    basis: 'law',
  },
  recognition: {
    labelVi: 'Công nhận hộ nghèo, hộ cận nghèo, hộ thoát nghèo, hộ thoát cận nghèo',
    actorVi: 'Chủ tịch Ủy ban nhân dân cấp xã',
    citation: `${QD24}, Điều 4 khoản 4; Điều 5 khoản 3`,
    status: 'verified',
    basis: 'law',
  },
};

export const REPORT_LEVELS = ['commune', 'district', 'province', 'central'] as const;
export type ReportLevel = (typeof REPORT_LEVELS)[number];

export const LEVEL_LABEL_VI: Record<ReportLevel, string> = {
  commune: 'Cấp xã',
  district: 'Cấp huyện',
  province: 'Cấp tỉnh',
  central: 'Trung ương',
};

/**
 * What each level does with a commune's results. The law gives recognition to the commune chair
 * (Art. 4.4); the levels above RECEIVE, CHECK AND AGGREGATE reports (Art. 7) and the ministry
 * aggregates and announces the national results (Art. 9.1.c). The system's "xác nhận" of each level,
 * which locks the figures below it until returned, is local practice, not a step of the law.
 */
export const CHAIN_INFO: Record<ReportLevel, StepInfo> = {
  commune: {
    labelVi: 'Chủ tịch UBND cấp xã tổng hợp, báo cáo kết quả lên cấp trên',
    actorVi: 'Chủ tịch UBND cấp xã',
    citation: `${QD24}, Điều 7 khoản 1`,
    status: 'verified',
    basis: 'law',
  },
  district: {
    labelVi: 'Chủ tịch UBND cấp huyện tiếp nhận, tổng hợp, báo cáo Chủ tịch UBND cấp tỉnh',
    actorVi: 'Chủ tịch UBND cấp huyện (đến 30/06/2025)',
    citation: `${QD24}, Điều 7 khoản 1`,
    status: 'verified',
    basis: 'law',
  },
  province: {
    labelVi: 'Cấp tỉnh tổng hợp; báo cáo sơ bộ trước 15/11, Chủ tịch UBND cấp tỉnh báo cáo chính thức trước 20/12',
    actorVi: 'Sở (sơ bộ), Chủ tịch UBND cấp tỉnh (chính thức)',
    citation: `${QD24}, Điều 7 khoản 2, 3`,
    status: 'verified',
    basis: 'law',
  },
  central: {
    labelVi: 'Bộ tổng hợp, công bố kết quả rà soát toàn quốc',
    actorVi: 'Bộ Lao động - Thương binh và Xã hội (từ 2025: Bộ Nông nghiệp và Môi trường)',
    citation: `${QD24}, Điều 9 khoản 1 điểm c`,
    status: 'verified',
    basis: 'law',
  },
};

/** The lock that a level's confirmation puts on the figures below it: the system's practice, not the law's. */
export const CHAIN_LOCK_INFO = {
  labelVi: 'Xác nhận đã tiếp nhận, kiểm tra (khoá số liệu của cấp dưới cho đến khi trả lại)',
  basis: 'local_practice' as StepBasis,
  noteVi:
    'Quyết định 24/2021/QĐ-TTg không quy định việc cấp trên "phê duyệt" kết quả của xã; việc khoá số liệu là cách quản lý của hệ thống.',
};

/** A routing configuration of the review, valid over a period. */
export interface ReviewRouting {
  id: string;
  validFrom: string;
  /** Inclusive, null while in force. */
  validTo: string | null;
  periodicSteps: ReviewStep[];
  monthlySteps: ReviewStep[];
  /** Who approves the results, bottom-up. */
  chain: ReportLevel[];
  citation: string;
  status: VerificationStatus;
  note?: string;
}

export const ROUTINGS: ReviewRouting[] = [
  {
    id: 'QD24-2021',
    validFrom: '2021-09-01',
    validTo: '2025-06-30',
    periodicSteps: ['listing', 'survey', 'village_meeting', 'public_posting', 'district_consultation', 'recognition'],
    monthlySteps: [
      'application',
      'survey',
      'village_meeting',
      'public_posting',
      'district_consultation',
      'recognition',
    ],
    chain: ['commune', 'district', 'province', 'central'],
    citation: `${QD24}, Điều 4, 5 và 7`,
    status: 'verified',
  },
  {
    id: 'QD24-2021-2CAP',
    validFrom: '2025-07-01',
    validTo: null,
    periodicSteps: ['listing', 'survey', 'village_meeting', 'public_posting', 'recognition'],
    monthlySteps: ['application', 'survey', 'village_meeting', 'public_posting', 'recognition'],
    chain: ['commune', 'province', 'central'],
    citation: `${QD24}; chính quyền địa phương hai cấp từ 01/07/2025`,
    status: 'unverified',
    note: 'Cấp huyện chấm dứt hoạt động từ 01/07/2025 (VERIFIED); việc chuyển tuyến báo cáo xã → tỉnh chưa có văn bản xác minh.',
  },
];

export function routingFor(date: string, routings: ReviewRouting[] = ROUTINGS): ReviewRouting | undefined {
  return routings.find((r) => date >= r.validFrom && (r.validTo === null || date <= r.validTo));
}

/** Deadline rules (QĐ 24/2021, Art. 3 and 7), as data. Days are days of month. */
export const DEADLINE_RULES = {
  periodicOpens: { month: 9, day: 1, citation: `${QD24}, Điều 3`, status: 'verified' as VerificationStatus },
  periodicCloses: { month: 12, day: 14, citation: `${QD24}, Điều 3`, status: 'verified' as VerificationStatus },
  monthlyStartsOnDay: { day: 15, citation: `${QD24}, Điều 3`, status: 'verified' as VerificationStatus },
  monthlyDecisionDays: {
    days: 15,
    citation: `${QD24}, Điều 5 khoản 3`,
    status: 'verified' as VerificationStatus,
    note: '"trong thời hạn 15 ngày" kể từ ngày bắt đầu rà soát: ngày lịch; ngày cuối là ngày nghỉ thì hạn chuyển sang ngày làm việc tiếp theo (BLDS 2015 Điều 148 khoản 5, áp dụng theo cách đọc của chúng tôi)',
  },
  /** "Ngày 05 hằng tháng": on the 5th itself */
  monthlyReport: {
    day: 5,
    months: [2, 3, 4, 5, 6, 7, 8, 9],
    citation: `${QD24}, Điều 7 khoản 1`,
    status: 'verified' as VerificationStatus,
  },
  /** "trước ngày 15 tháng 11" / "trước ngày 20 tháng 12": the day before (`lastDayBefore`) */
  preliminaryReport: {
    month: 11,
    day: 15,
    before: true,
    citation: `${QD24}, Điều 7`,
    status: 'verified' as VerificationStatus,
  },
  officialReport: {
    month: 12,
    day: 20,
    before: true,
    citation: `${QD24}, Điều 7`,
    status: 'verified' as VerificationStatus,
  },
};

const dueOn = (year: number, r: { month: number; day: number; before: boolean }) =>
  r.before ? lastDayBefore(isoDate(year, r.month, r.day)) : isoDate(year, r.month, r.day);

export type DeadlineKind = 'monthly_report' | 'preliminary_report' | 'official_report' | 'periodic_close';

export interface Deadline {
  kind: DeadlineKind;
  due: string;
  labelVi: string;
  citation: string;
}

/**
 * All reporting deadlines of a year: 5th of Feb–Sep, preliminary before 15/11 (14/11), review closes 14/12, official
 * before 20/12 (19/12).
 */
export function deadlinesForYear(year: number, rules = DEADLINE_RULES): Deadline[] {
  const monthly = rules.monthlyReport.months.map((m) => ({
    kind: 'monthly_report' as const,
    due: isoDate(year, m, rules.monthlyReport.day),
    labelVi: `Báo cáo kết quả rà soát thường xuyên tháng ${m}/${year}`,
    citation: rules.monthlyReport.citation,
  }));
  return [
    ...monthly,
    {
      kind: 'preliminary_report',
      due: dueOn(year, rules.preliminaryReport),
      labelVi: `Báo cáo sơ bộ kết quả rà soát định kỳ năm ${year}`,
      citation: rules.preliminaryReport.citation,
    },
    {
      kind: 'periodic_close',
      due: isoDate(year, rules.periodicCloses.month, rules.periodicCloses.day),
      labelVi: `Kết thúc rà soát định kỳ năm ${year}`,
      citation: rules.periodicCloses.citation,
    },
    {
      kind: 'official_report',
      due: dueOn(year, rules.officialReport),
      labelVi: `Báo cáo chính thức kết quả rà soát định kỳ năm ${year}`,
      citation: rules.officialReport.citation,
    },
  ];
}

/** The next deadline on or after a date. */
export function nextDeadline(date: string, rules = DEADLINE_RULES): Deadline | undefined {
  const year = Number(date.slice(0, 4));
  return [...deadlinesForYear(year, rules), ...deadlinesForYear(year + 1, rules)].find((d) => d.due >= date);
}

/** A review campaign: one year's periodic review or one month's regular review, pinned to its routing. */
export interface Campaign {
  kind: 'periodic' | 'monthly';
  year: number;
  month: number | null;
  opensOn: string;
  /** Last day of the periodic review; null for a monthly campaign (each application has its own limit). */
  closesOn: string | null;
  routingId: string;
}

export type ReviewError = {
  code:
    'out_of_order' | 'before_open' | 'date_before_previous' | 'no_routing' | 'already_done' | 'not_ready' | 'locked';
  message: string;
};
export type ReviewResult<T> = { ok: true; value: T } | { ok: false; error: ReviewError };
const err = <T>(code: ReviewError['code'], message: string): ReviewResult<T> => ({
  ok: false,
  error: { code, message },
});

export function openCampaign(
  kind: 'periodic' | 'monthly',
  year: number,
  month: number | null = null,
  routings = ROUTINGS,
  rules = DEADLINE_RULES,
): ReviewResult<Campaign> {
  const opensOn =
    kind === 'periodic'
      ? isoDate(year, rules.periodicOpens.month, rules.periodicOpens.day)
      : isoDate(year, month ?? 1, rules.monthlyStartsOnDay.day);
  const routing = routingFor(opensOn, routings);
  if (!routing) return err('no_routing', `Chưa cấu hình quy trình rà soát áp dụng ngày ${opensOn}.`);
  return {
    ok: true,
    value: {
      kind,
      year,
      month: kind === 'monthly' ? (month ?? 1) : null,
      opensOn,
      closesOn: kind === 'periodic' ? isoDate(year, rules.periodicCloses.month, rules.periodicCloses.day) : null,
      routingId: routing.id,
    },
  };
}

export interface StepRecord {
  step: ReviewStep;
  on: string;
  /** Evidence: list, forms, meeting minutes, posting, decision number. */
  evidence?: string;
}

export interface CommuneProgress {
  completed: StepRecord[];
}

export function stepsOf(campaign: Campaign, routings = ROUTINGS): ReviewStep[] {
  const routing = routings.find((r) => r.id === campaign.routingId);
  if (!routing) return [];
  return campaign.kind === 'periodic' ? routing.periodicSteps : routing.monthlySteps;
}

export function nextStep(campaign: Campaign, progress: CommuneProgress, routings = ROUTINGS): ReviewStep | null {
  const steps = stepsOf(campaign, routings);
  return steps[progress.completed.length] ?? null;
}

export function isComplete(campaign: Campaign, progress: CommuneProgress, routings = ROUTINGS): boolean {
  return nextStep(campaign, progress, routings) === null && progress.completed.length > 0;
}

/** Records a step of a commune's review: only the next step, on or after the previous one and the opening. */
export function completeStep(
  campaign: Campaign,
  progress: CommuneProgress,
  record: StepRecord,
  routings = ROUTINGS,
): ReviewResult<CommuneProgress> {
  const expected = nextStep(campaign, progress, routings);
  if (expected === null) return err('already_done', 'Xã đã hoàn thành tất cả các bước rà soát của đợt này.');
  if (record.step !== expected) {
    return err(
      'out_of_order',
      `Bước tiếp theo là "${STEP_INFO[expected].labelVi}", chưa thể ghi nhận "${STEP_INFO[record.step].labelVi}".`,
    );
  }
  if (record.on < campaign.opensOn)
    return err('before_open', `Ngày ${record.on} trước ngày bắt đầu đợt rà soát (${campaign.opensOn}).`);
  const previous = progress.completed.at(-1);
  if (previous && record.on < previous.on)
    return err('date_before_previous', `Ngày ${record.on} trước ngày của bước trước (${previous.on}).`);
  return { ok: true, value: { completed: [...progress.completed, record] } };
}

/** Periodic review past its closing date (14/12) without recognition. */
export function isOverdue(campaign: Campaign, progress: CommuneProgress, today: string, routings = ROUTINGS): boolean {
  if (campaign.closesOn === null) return false;
  const done = isComplete(campaign, progress, routings) ? progress.completed.at(-1)!.on : null;
  return done === null ? today > campaign.closesOn : done > campaign.closesOn;
}

/**
 * Monthly review: the commune chair decides within 15 days of the start of the review (QĐ 24/2021,
 * Art. 5.3), counted on the calendar officials worked (a 15th day that is a day off moves to the next
 * working day: `lastDayOfDaysLimit`).
 */
export function monthlyDecisionDue(startedOn: string, calendar: WorkCalendar, rules = DEADLINE_RULES): string {
  return lastDayOfDaysLimit(startedOn, rules.monthlyDecisionDays.days, calendar);
}

/**
 * The regular review an application falls into: the review runs once a month from the 15th
 * (QĐ 24/2021, Art. 3), so a request received up to the 15th is reviewed from that 15th, a later
 * one from the 15th of the next month. The mapping of a request to a month is our reading of
 * Art. 3 and 5 (UNVERIFIED); the commune may record another start date.
 */
export function monthlyReviewStart(receivedOn: string, rules = DEADLINE_RULES): string {
  const [y, m, d] = receivedOn.split('-').map(Number);
  const day = rules.monthlyStartsOnDay.day;
  return d <= day ? isoDate(y, m, day) : isoDate(y, m + 1, day);
}

export type MonthlyStatus = 'in_time' | 'overdue' | 'decided_in_time' | 'decided_late';

export function monthlyStatus(
  startedOn: string,
  decidedOn: string | null,
  today: string,
  calendar: WorkCalendar,
  rules = DEADLINE_RULES,
): MonthlyStatus {
  const due = monthlyDecisionDue(startedOn, calendar, rules);
  if (decidedOn !== null) return decidedOn <= due ? 'decided_in_time' : 'decided_late';
  return today <= due ? 'in_time' : 'overdue';
}

/** Approvals of a commune's results up the reporting chain. */
export interface ChainState {
  approvals: { level: ReportLevel; on: string }[];
}

export function chainOf(campaign: Campaign, routings = ROUTINGS): ReportLevel[] {
  return routings.find((r) => r.id === campaign.routingId)?.chain ?? [];
}

export function nextApprover(campaign: Campaign, state: ChainState, routings = ROUTINGS): ReportLevel | null {
  return chainOf(campaign, routings)[state.approvals.length] ?? null;
}

/**
 * A level approves and locks the results. The commune approves (submits) only after recognition;
 * each level only after the one below it.
 */
export function approve(
  campaign: Campaign,
  progress: CommuneProgress,
  state: ChainState,
  level: ReportLevel,
  on: string,
  routings = ROUTINGS,
): ReviewResult<ChainState> {
  const expected = nextApprover(campaign, state, routings);
  if (expected === null) return err('already_done', 'Kết quả đã được phê duyệt ở tất cả các cấp.');
  if (!chainOf(campaign, routings).includes(level)) {
    return err('out_of_order', `${LEVEL_LABEL_VI[level]} không thuộc tuyến báo cáo của đợt rà soát này.`);
  }
  if (level !== expected) return err('out_of_order', `Cần ${LEVEL_LABEL_VI[expected]} phê duyệt trước.`);
  if (level === 'commune' && !isComplete(campaign, progress, routings)) {
    return err('not_ready', 'Xã chưa hoàn thành các bước rà soát, chưa thể gửi kết quả.');
  }
  const previous = state.approvals.at(-1);
  if (previous && on < previous.on)
    return err('date_before_previous', `Ngày ${on} trước ngày phê duyệt của cấp dưới (${previous.on}).`);
  return { ok: true, value: { approvals: [...state.approvals, { level, on }] } };
}

/** The level above returns the results to the level just below it, which unlocks them for correction. */
export function returnForCorrection(
  campaign: Campaign,
  state: ChainState,
  byLevel: ReportLevel,
  routings = ROUTINGS,
): ReviewResult<ChainState> {
  const expected = nextApprover(campaign, state, routings);
  if (expected !== byLevel || state.approvals.length === 0) {
    return err('locked', `${LEVEL_LABEL_VI[byLevel]} không thể trả lại kết quả ở bước này.`);
  }
  return { ok: true, value: { approvals: state.approvals.slice(0, -1) } };
}

/** The commune may edit its household results only while it has not approved (submitted) them. */
export function communeResultsLocked(state: ChainState): boolean {
  return state.approvals.some((a) => a.level === 'commune');
}
