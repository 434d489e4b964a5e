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
export const IndicatorValueRow = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  year: z.number(),
  value: z.number().nullable(),
  target: z.number().nullable(),
  onTrack: z.boolean().nullable(),
  unitId: z.string().nullable(),
  previous: z.number().nullable(),
  targetCode: z.string().nullable(),
  targetLabel: z.string().nullable(),
  official: z.boolean(),
  provisional: z.boolean(),
  coverage: z.number().nullable(),
  source: z.string().nullable(),
  note: z.string().nullable(),
});
export type IndicatorValueRow = z.infer<typeof IndicatorValueRow>;
export const IndicatorValues = z.object({ items: z.array(IndicatorValueRow) });

export const IndicatorListItem = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  source: z.string(),
  numerator: z.string(),
  denominator: z.string().nullable(),
  factor: z.number(),
  status: z.string(),
});
export type IndicatorListItem = z.infer<typeof IndicatorListItem>;
export const IndicatorList = z.object({ items: z.array(IndicatorListItem) });

export const TargetView = z.object({
  code: z.string(),
  indicator: z.string(),
  indicatorName: z.string(),
  unit: z.string(),
  labelVi: z.string(),
  ruleVi: z.string(),
  citation: z.string(),
  status: z.string(),
  note: z.string().nullable(),
  series: z.array(
    z.object({
      year: z.number(),
      value: z.number().nullable(),
      target: z.number().nullable(),
      onTrack: z.boolean().nullable(),
      official: z.boolean(),
      note: z.string().nullable(),
    }),
  ),
});
export type TargetView = z.infer<typeof TargetView>;

export const AreaMemberView = z.object({
  seq: z.number(),
  stt: z.number().nullable(),
  name: z.string(),
  provinceName: z.string(),
  unitCode: z.string().nullable(),
  currentProvince: z.string().nullable(),
  status: z.string(),
  sourceUrl: z.string().nullable(),
  exitedOn: z.string().nullable(),
});
export type AreaMemberView = z.infer<typeof AreaMemberView>;

export const AreaGroupView = z.object({
  code: z.string(),
  nameVi: z.string(),
  legalBasis: z.string(),
  officialSize: z.number(),
  listed: z.number(),
  missing: z.number(),
  targetPct: z.number().nullable(),
  exits: z.array(
    z.object({
      decision: z.string(),
      decidedOn: z.string(),
      count: z.number(),
      cumulative: z.boolean(),
      status: z.string(),
      sourceUrl: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  exitedByYear: z.array(
    z.object({
      year: z.number(),
      exited: z.number().nullable(),
      sharePct: z.number().nullable(),
      progressPct: z.number().nullable(),
    }),
  ),
  members: z.array(AreaMemberView),
});
export type AreaGroupView = z.infer<typeof AreaGroupView>;
export const AreaGroupList = z.object({ items: z.array(AreaGroupView) });

export const FigureRow = z.object({
  year: z.number(),
  areaCode: z.string(),
  areaName: z.string(),
  indicator: z.string(),
  ratePct: z.number().nullable(),
  households: z.number().nullable(),
  status: z.string(),
  source: z.string().nullable(),
});
export type FigureRow = z.infer<typeof FigureRow>;

export const PublicResults = z.object({
  targets: z.array(TargetView),
  otherTargets: z.array(z.object({ code: z.string(), labelVi: z.string(), citation: z.string(), status: z.string() })),
  figures: z.array(FigureRow),
  areas: z.array(AreaGroupView),
  sources: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      number: z.string(),
      date: z.string(),
      issuer: z.string(),
      whereRead: z.string(),
      status: z.string(),
    }),
  ),
});
export type PublicResults = z.infer<typeof PublicResults>;

export const ReportView = z.object({
  form: z.object({
    code: z.string(),
    number: z.string(),
    annex: z.string(),
    nameVi: z.string(),
    legalBasis: z.string(),
    status: z.string(),
    note: z.string().nullable(),
    fields: z.array(z.object({ code: z.string(), labelVi: z.string(), unit: z.string(), integer: z.boolean() })),
    rules: z.array(Rule),
  }),
  period: z.object({
    id: z.number(),
    key: z.string(),
    labelVi: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    opensOn: z.string(),
    closesOn: z.string(),
    deadline: z.string(),
    chain: z.array(z.object({ level: z.string(), labelVi: z.string() })),
  }),
  unit: z.object({ id: z.string(), code: z.string(), name: z.string(), provinceName: z.string() }),
  report: z.object({
    id: z.number().nullable(),
    values: z.record(z.string(), z.number().nullable()),
    approvals: z.array(z.object({ level: z.string(), labelVi: z.string(), on: z.string(), by: z.string() })),
    submittedOn: z.string().nullable(),
    returnedReason: z.string().nullable(),
    version: z.number(),
  }),
  state: z.enum(['draft', 'submitted', 'approved']),
  nextLevel: z.string().nullable(),
  nextLevelVi: z.string().nullable(),
  failures: z.array(z.object({ rule: z.string(), message: z.string() })),
  timeliness: z.string(),
  can: z.object({
    edit: z.boolean(),
    submit: z.boolean(),
    approve: z.boolean(),
    return: z.boolean(),
    print: z.boolean(),
  }),
});
export type ReportView = z.infer<typeof ReportView>;

/** A reporting period of a form: its dates and approval chain (levels), with its label. */
export const Period = z.object({
  id: z.number(),
  formCode: z.string(),
  periodKey: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  deadline: z.string(),
  chain: z.array(z.string()),
  labelVi: z.string(),
});
export const PeriodList = z.object({
  items: z.array(Period.extend({ formNumber: z.string(), formName: z.string(), unitLevel: z.string() })),
  can: z.object({ open: z.boolean() }),
});

/** A recorded exit decision (poor district / extremely difficult commune). */
export const AreaExitRecorded = z.object({ id: z.number() });

export const PeriodImported = z.object({ periodId: z.number(), changed: z.number(), unchanged: z.number() });

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
