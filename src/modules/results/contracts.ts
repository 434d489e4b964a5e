/**
 * Request and response shapes of the results area, one place for routes, web, CLI and tests.
 * The web imports the types from here, never the service or repo.
 */
import { z } from 'zod';
import { boundedRecord } from '../../validate';
import { isIsoDate } from '../../domain/text';
import { MISSING_STRATEGIES, OPERATORS } from '../../domain/results/validation';
import type { FormDef, FormField } from '../../domain/results/forms';
import type {
  DbkkCriteriaConfig,
  Evaluation,
  PoorDistrictConfig,
  Threshold as ThresholdType,
} from '../../domain/results/poor-areas';
import type {
  Completeness as CompletenessType,
  PeriodType,
  ReportState,
  Timeliness as TimelinessType,
} from '../../domain/results/reporting';
import type { TargetRule as TargetRuleType } from '../../domain/results/targets';
import { Boundaries, VerificationStatus } from '../poverty/contracts';

const year = z.coerce
  .number()
  .int()
  .min(2021, { message: 'Năm phải từ 2021.' })
  .max(2100, { message: 'Năm không hợp lệ.' });
const isoDate = z.string().refine(isIsoDate, { message: 'Ngày phải có dạng YYYY-MM-DD.' });
const status = VerificationStatus;
// the domain's unions as answer schemas (`satisfies` keeps the two in step)
const formUnitLevel = z.enum(['commune', 'province']) satisfies z.ZodType<FormDef['unitLevel']>;
const periodType = z.enum(['monthly', 'six_monthly', 'yearly']) satisfies z.ZodType<PeriodType>;
const reportState = z.enum(['draft', 'submitted', 'approved']) satisfies z.ZodType<ReportState>;
const timeliness = z.enum(['on_time', 'late', 'missing', 'not_due']) satisfies z.ZodType<TimelinessType>;

export const LEVELS = ['nation', 'region', 'province'] as const;
/** The poverty summary's boundaries: the indicators' values are read from it. */
export const BOUNDARIES = Boundaries.options;

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
]) satisfies z.ZodType<TargetRuleType>;

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
  ruleEn: z.string(),
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

/** A target of Decision 90 without an indicator here yet (shown, not evaluated). */
export const OtherTarget = z.object({ code: z.string(), labelVi: z.string(), citation: z.string(), status });

export const PublicResults = z.object({
  targets: z.array(TargetView),
  otherTargets: z.array(OtherTarget),
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

const FormFieldView = z.object({
  code: z.string(),
  labelVi: z.string(),
  unit: z.string(),
  integer: z.boolean(),
}) satisfies z.ZodType<FormField>;

export const ReportView = z.object({
  form: z.object({
    code: z.string(),
    number: z.string(),
    annex: z.string(),
    nameVi: z.string(),
    legalBasis: z.string(),
    status: z.string(),
    note: z.string().nullable(),
    fields: z.array(FormFieldView),
    rules: z.array(Rule),
  }),
  period: z.object({
    id: z.number(),
    key: z.string(),
    labelVi: z.string(),
    labelEn: z.string(),
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
  state: reportState,
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
  labelEn: z.string(),
});
export const PeriodItem = Period.extend({ formNumber: z.string(), formName: z.string(), unitLevel: formUnitLevel });
export type PeriodItem = z.infer<typeof PeriodItem>;
export const PeriodList = z.object({
  items: z.array(PeriodItem),
  can: z.object({ open: z.boolean() }),
});
export type PeriodList = z.infer<typeof PeriodList>;

/** A period's reports within the caller's scope: each expected unit's state and timeliness, and the totals. */
export const PeriodReports = z.object({
  period: Period.extend({ formNumber: z.string(), formName: z.string() }),
  completeness: z.object({
    expected: z.number(),
    submitted: z.number(),
    onTime: z.number(),
    approved: z.number(),
    reportingRate: z.number().nullable(),
    reportingRateOnTime: z.number().nullable(),
  }) satisfies z.ZodType<CompletenessType>,
  rows: z.array(
    z.object({
      unitId: z.string(),
      unitCode: z.string(),
      unitName: z.string(),
      reportId: z.number().nullable(),
      state: reportState,
      nextLevel: z.string().nullable(),
      nextLevelVi: z.string().nullable(),
      submittedOn: z.string().nullable(),
      timeliness,
      returnedReason: z.string().nullable(),
    }),
  ),
});
export type PeriodReports = z.infer<typeof PeriodReports>;

/** Completeness and timeliness of one period, nationally (kept tallies against the expected units). */
export const ReportingSummaryRow = z.object({
  periodId: z.number(),
  formNumber: z.string(),
  formName: z.string(),
  labelVi: z.string(),
  labelEn: z.string(),
  deadline: z.string(),
  overdue: z.boolean(),
  missing: z.number(),
  expected: z.number(),
  submitted: z.number(),
  onTime: z.number(),
  approved: z.number(),
  reportingRate: z.number().nullable(),
  reportingRateOnTime: z.number().nullable(),
});
export type ReportingSummaryRow = z.infer<typeof ReportingSummaryRow>;

/** The owner's and committee's national overview: each target with its series, the reporting of every period. */
export const NationalOverview = z.object({
  year: z.number(),
  targets: z.array(TargetView),
  otherTargets: z.array(OtherTarget),
  reporting: z.array(ReportingSummaryRow),
});
export type NationalOverview = z.infer<typeof NationalOverview>;

/** A report form with its fields and validation rules (configurable: the rules can be edited). */
export const FormView = z.object({
  code: z.string(),
  number: z.string(),
  annex: z.string(),
  nameVi: z.string(),
  legalBasis: z.string(),
  status,
  periodType,
  unitLevel: formUnitLevel,
  deadlineWorkingDays: z.number(),
  fields: z.array(FormFieldView),
  rules: z.array(Rule),
  note: z.string().nullable(),
}) satisfies z.ZodType<FormDef>;
export type FormView = z.infer<typeof FormView>;
export const FormList = z.object({ items: z.array(FormView) });

/** A target as stored (the program's: code set, unitId null; a province's: unitId set), with its rule in words. */
export const TargetItem = z.object({
  id: z.number(),
  code: z.string().nullable(),
  indicator: z.string(),
  unitId: z.string().nullable(),
  unitCode: z.string().nullable(),
  unitName: z.string().nullable(),
  fromYear: z.number(),
  toYear: z.number(),
  labelVi: z.string(),
  rule: TargetRule,
  citation: z.string(),
  sourceId: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  status,
  note: z.string().nullable(),
  enteredBy: z.string().nullable(),
  ruleVi: z.string(),
  ruleEn: z.string(),
});
export type TargetItem = z.infer<typeof TargetItem>;
export const TargetList = z.object({ items: z.array(TargetItem) });

/** A unit as listed in a poor-area decision, with the unit version it was resolved to (null when not found). */
export const AreaMemberRecord = z.object({
  groupCode: z.string(),
  seq: z.number(),
  stt: z.number().nullable(),
  nameInSource: z.string(),
  provinceName: z.string(),
  unitCode: z.string().nullable(),
  unitLevel: z.enum(['district', 'commune']),
  unitId: z.string().nullable(),
  provinceId: z.string().nullable(),
  status: z.string(),
  sourceUrl: z.string().nullable(),
  note: z.string().nullable(),
  exitedOn: z.string().nullable(),
  exitBasis: z.string().nullable(),
});
export type AreaMemberRecord = z.infer<typeof AreaMemberRecord>;

/** The current communes that took a listed unit's area, each wholly or partly from it. */
export const AreaSuccessorsView = z.object({
  member: AreaMemberRecord,
  current: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), whole: z.boolean() })),
  /** Why `current` is empty when the listed unit was not resolved; null otherwise. */
  note: z.string().nullable(),
});
export type AreaSuccessorsView = z.infer<typeof AreaSuccessorsView>;

const Threshold = z.object({
  value: z.number().nullable(),
  citation: z.string(),
  status,
}) satisfies z.ZodType<ThresholdType>;

/** The criteria of QĐ 36/2021 with their thresholds (a threshold not verified is null and marked). */
export const CriteriaConfig = z.object({
  dbkkCommune: z.object({
    coastalRatePct: Threshold,
    saltRatePct: Threshold,
    saltMonths: Threshold,
    infrastructureLacking: Threshold,
    combine: z.object({ value: z.enum(['and', 'or']), status }),
  }) satisfies z.ZodType<DbkkCriteriaConfig>,
  infrastructureItems: z.array(z.object({ code: z.string(), labelVi: z.string(), status })),
  poorDistrict: z.object({
    poorNearPoorRatePct: Threshold,
    incomePerCapitaMaxVnd: Threshold,
    communesDevelopmentLevel: Threshold,
    mountainous: z.object({ required: z.boolean().nullable(), status }),
  }) satisfies z.ZodType<PoorDistrictConfig>,
});
export type CriteriaConfig = z.infer<typeof CriteriaConfig>;

/** A unit's data judged against the criteria: null where data or a verified threshold is missing. */
export const CriteriaEvaluation = z.object({
  eligible: z.boolean().nullable(),
  criteria: z.array(
    z.object({
      code: z.string(),
      labelVi: z.string(),
      met: z.boolean().nullable(),
      citation: z.string(),
      status,
      detailVi: z.string(),
    }),
  ),
}) satisfies z.ZodType<Evaluation>;
export type CriteriaEvaluation = z.infer<typeof CriteriaEvaluation>;

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
