/**
 * Request and response shapes of the results area, one place for routes, web, CLI and tests.
 * The web imports the types from here, never the service or repo.
 */
import { z } from 'zod';
import { boundedRecord } from '../../validate';
import { isIsoDate } from '../../domain/text';
import { MISSING_STRATEGIES, OPERATORS } from '../../domain/results/validation';

const year = z.coerce
  .number()
  .int()
  .min(2021, { message: 'Năm phải từ 2021.' })
  .max(2100, { message: 'Năm không hợp lệ.' });
const isoDate = z.string().refine(isIsoDate, { message: 'Ngày phải có dạng YYYY-MM-DD.' });
const status = z.enum(['verified', 'verified_secondary', 'partial', 'unverified']);

export const LEVELS = ['nation', 'region', 'province'] as const;
export const BOUNDARIES = ['review', 'current'] as const;

export const ValuesQuery = z.object({
  indicator: z.string().min(1).max(60),
  year,
  level: z.enum(LEVELS).default('nation'),
  boundaries: z.enum(BOUNDARIES).default('review'),
});
export type ValuesQuery = z.infer<typeof ValuesQuery>;

export const YearQuery = z.object({ year: year.optional() });

export const TargetRule = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('annual_decrease_pp'),
    min: z.number().positive(),
    max: z.number().positive().nullable().default(null),
  }),
  z.object({ kind: z.literal('reach_at_least'), min: z.number(), byYear: z.number().int() }),
  z.object({
    kind: z.literal('relative_decrease'),
    pct: z.number().positive().max(100),
    baseYear: z.number().int().nullable(),
    byYear: z.number().int(),
  }),
  z.object({ kind: z.literal('at_most'), max: z.number(), byYear: z.number().int() }),
]);

export const NewTarget = z
  .object({
    indicator: z.string().min(1).max(60),
    /** The province version id (P:44:2021-01-01) or its code, read on 1 January of fromYear. */
    province: z.string().min(2).max(40),
    fromYear: year,
    toYear: year,
    labelVi: z.string().trim().min(3, { message: 'Cần nội dung mục tiêu.' }).max(300),
    rule: TargetRule,
    citation: z
      .string()
      .trim()
      .min(3, { message: 'Cần ghi văn bản giao mục tiêu (ví dụ Nghị quyết số …/NQ-HĐND).' })
      .max(300),
    sourceUrl: z.string().url({ message: 'Địa chỉ nguồn không hợp lệ.' }).max(500).nullable().default(null),
    status: status.default('verified'),
    note: z.string().max(1000).nullable().default(null),
  })
  .refine((t) => t.toYear >= t.fromYear, { message: 'Năm kết thúc phải không trước năm bắt đầu.', path: ['toYear'] });
export type NewTarget = z.infer<typeof NewTarget>;

export const NewExit = z.object({
  group: z.string().min(1).max(60),
  decision: z.string().trim().min(3).max(200),
  decidedOn: isoDate,
  count: z.number().int().min(0),
  cumulative: z.boolean().default(false),
  status: status,
  sourceUrl: z.string().url().max(500).nullable().default(null),
  note: z.string().max(1000).nullable().default(null),
});
export type NewExit = z.infer<typeof NewExit>;

export const NewPeriod = z.object({
  form: z.string().min(1).max(60),
  periodKey: z.string().min(4).max(10),
  opensOn: isoDate.optional(),
  closesOn: isoDate.optional(),
});
export type NewPeriod = z.infer<typeof NewPeriod>;

export const Rule = z.object({
  code: z.string().min(1).max(20),
  nameVi: z.string().min(3).max(300),
  left: z.string().min(1).max(300),
  operator: z.enum(OPERATORS),
  right: z.string().min(1).max(300),
  missing: z.enum(MISSING_STRATEGIES),
});
export const FormRules = z.object({ rules: z.array(Rule).max(100) });

export const PeriodParams = z.object({ periodId: z.coerce.number().int().positive() });
export const ReportParams = z.object({
  periodId: z.coerce.number().int().positive(),
  unitId: z.string().min(1).max(40),
});
export const ReportIdParams = z.object({ reportId: z.coerce.number().int().positive() });
export const AreaParams = z.object({ group: z.string().min(1).max(60), seq: z.coerce.number().int().positive() });
export const FormParams = z.object({ code: z.string().min(1).max(60) });

export const ReportValues = z.object({
  values: boundedRecord(z.string().max(60), z.number().nullable(), 1000),
});
export type ReportValues = z.infer<typeof ReportValues>;

export const Approve = z.object({});
export const ReturnReport = z.object({
  reason: z.string().trim().min(3, { message: 'Cần ghi lý do trả lại báo cáo.' }).max(1000),
});

/** One row of `indicators values` (the CLI contract: unitCode, unitName, year, value, target, onTrack first). */
export interface IndicatorValueRow {
  unitCode: string;
  unitName: string;
  year: number;
  value: number | null;
  target: number | null;
  onTrack: boolean | null;
  unitId: string | null;
  previous: number | null;
  targetCode: string | null;
  targetLabel: string | null;
  official: boolean;
  provisional: boolean;
  coverage: number | null;
  source: string | null;
  note: string | null;
}

export interface IndicatorListItem {
  code: string;
  name: string;
  nameEn: string;
  unit: string;
  source: string;
  numerator: string;
  denominator: string | null;
  factor: number;
  status: string;
}

export interface TargetView {
  code: string;
  indicator: string;
  indicatorName: string;
  unit: string;
  labelVi: string;
  ruleVi: string;
  citation: string;
  status: string;
  note: string | null;
  series: {
    year: number;
    value: number | null;
    target: number | null;
    onTrack: boolean | null;
    official: boolean;
    note: string | null;
  }[];
}

export interface AreaMemberView {
  seq: number;
  stt: number | null;
  name: string;
  provinceName: string;
  unitCode: string | null;
  currentProvince: string | null;
  status: string;
  sourceUrl: string | null;
  exitedOn: string | null;
}

export interface AreaGroupView {
  code: string;
  nameVi: string;
  legalBasis: string;
  officialSize: number;
  listed: number;
  missing: number;
  targetPct: number | null;
  exits: {
    decision: string;
    decidedOn: string;
    count: number;
    cumulative: boolean;
    status: string;
    sourceUrl: string | null;
    note: string | null;
  }[];
  exitedByYear: { year: number; exited: number | null; sharePct: number | null; progressPct: number | null }[];
  members: AreaMemberView[];
}

export interface FigureRow {
  year: number;
  areaCode: string;
  areaName: string;
  indicator: string;
  ratePct: number | null;
  households: number | null;
  status: string;
  source: string | null;
}

export interface PublicResults {
  targets: TargetView[];
  otherTargets: { code: string; labelVi: string; citation: string; status: string }[];
  figures: FigureRow[];
  areas: AreaGroupView[];
  sources: {
    id: string;
    title: string;
    number: string;
    date: string;
    issuer: string;
    whereRead: string;
    status: string;
  }[];
}

export interface ReportView {
  form: {
    code: string;
    number: string;
    annex: string;
    nameVi: string;
    legalBasis: string;
    status: string;
    note: string | null;
    fields: { code: string; labelVi: string; unit: string; integer: boolean }[];
    rules: z.infer<typeof Rule>[];
  };
  period: {
    id: number;
    key: string;
    labelVi: string;
    startsOn: string;
    endsOn: string;
    opensOn: string;
    closesOn: string;
    deadline: string;
    chain: { level: string; labelVi: string }[];
  };
  unit: { id: string; code: string; name: string; provinceName: string };
  report: {
    id: number | null;
    values: Record<string, number | null>;
    approvals: { level: string; labelVi: string; on: string; by: string }[];
    submittedOn: string | null;
    returnedReason: string | null;
    version: number;
  };
  state: 'draft' | 'submitted' | 'approved';
  nextLevel: string | null;
  nextLevelVi: string | null;
  failures: { rule: string; message: string }[];
  timeliness: string;
  can: { edit: boolean; submit: boolean; approve: boolean; return: boolean; print: boolean };
}

const tri = z.boolean().nullable().default(null);
export const CriteriaInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('dbkk_commune'),
    coastal: tri,
    saltIntrusionMonths: z.number().min(0).max(12).nullable().default(null),
    poorNearPoorPct: z.number().min(0).max(100).nullable().default(null),
    lacking: z
      .partialRecord(z.enum(['a', 'b', 'c', 'd', 'dd', 'e', 'g', 'h', 'i']), z.boolean().nullable())
      .default({}),
    newRuralStandard: tri,
  }),
  z.object({
    kind: z.literal('poor_district'),
    poorNearPoorPct: z.number().min(0).max(100).nullable().default(null),
    incomePerCapitaVnd: z.number().min(0).nullable().default(null),
    mountainous: tri,
    newRuralStandard: tri,
  }),
]);
export type CriteriaInput = z.infer<typeof CriteriaInput>;
