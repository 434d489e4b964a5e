/**
 * Request and response shapes of the budget API, shared by routes, web, CLI and tests.
 * Money is in đồng (integers); the screens show million VND.
 */
import { z } from 'zod';
import { boundedRecord } from '../../validate';
import { PHASES, SOURCES } from '../../domain/budget/execution';
import { UNITS } from '../../domain/budget/allocate';
import type { Compliance } from '../../domain/budget/counterpart';

const id = z.coerce.number({ message: 'Mã phải là số.' }).int().positive({ message: 'Mã phải là số dương.' });
const money = z
  .number({ message: 'Số tiền phải là số.' })
  .int({ message: 'Số tiền phải là số đồng nguyên.' })
  .refine(Number.isSafeInteger, { message: 'Số tiền quá lớn.' });
const year = z.coerce.number().int().min(2021, { message: 'Năm từ 2021.' }).max(2100);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Ngày phải có dạng YYYY-MM-DD.' });

export const IdParams = z.object({ id });
export const CompareParams = z.object({ id, other: id });

export const Permissions = z.object({
  manageRulebooks: z.boolean(),
  runAllocations: z.boolean(),
  planExecution: z.boolean(),
  reportExecution: z.boolean(),
});
export type Permissions = z.infer<typeof Permissions>;

/** A rulebook version: the JSON of the domain's Rulebook (validated by the service). */
export const NewRulebook = z.object({ body: z.unknown() });

export const NewRun = z.object({
  name: z.string().trim().min(1, { message: 'Cần tên lần phân bổ.' }).max(300),
  rulebookId: id,
  criteriaSetId: id,
  /** đồng, as text so that large pools stay exact */
  pool: z.union([z.string(), z.number()]).transform(String),
  unit: z.enum(Object.keys(UNITS) as [keyof typeof UNITS, ...(keyof typeof UNITS)[]]).default('million'),
  year: year.optional(),
  /** set aside before the provinces' division (e.g. the poor-district scheme), in đồng */
  reserved: money.min(0).default(0),
  /** a scenario: the run it is compared with, and the coefficients changed from the rulebook */
  baseRunId: id.optional(),
  coefficients: boundedRecord(z.string(), z.number().min(0, { message: 'Hệ số không được âm.' }), 100).optional(),
});
export type NewRun = z.infer<typeof NewRun>;

export const RunLine = z.object({
  unitId: z.string(),
  provinceCode: z.string(),
  provinceName: z.string(),
  points: z.number(),
  amount: z.number(),
  inputs: z.record(z.string(), z.number()),
  source: z.string(),
  explanation: z.string(),
});
export type RunLine = z.infer<typeof RunLine>;

export const RunSummary = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(['run', 'scenario']),
  baseRunId: z.number().nullable(),
  rulebookId: z.number(),
  criteriaSetId: z.number().nullable(),
  rulebookName: z.string(),
  rulebookVersion: z.number(),
  legalBasis: z.string(),
  year: z.number().nullable(),
  pool: z.number(),
  reserved: z.number(),
  unit: z.string(),
  pointsTotal: z.number(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type RunSummary = z.infer<typeof RunSummary>;

export const ComparisonLine = z.object({
  unitId: z.string(),
  provinceName: z.string(),
  baseAmount: z.number(),
  amount: z.number(),
  difference: z.number(),
  basePoints: z.number(),
  points: z.number(),
});
export type ComparisonLine = z.infer<typeof ComparisonLine>;

export const NewLine = z.object({
  year,
  /** province unit version id (P:<code>:<valid_from>) */
  unitId: z.string().regex(/^P:\d{2}:\d{4}-\d{2}-\d{2}$/, { message: 'Cần mã phiên bản tỉnh dạng P:01:2021-01-01.' }),
  project: z.string().trim().min(1, { message: 'Cần dự án.' }).max(40),
  subProject: z.string().trim().max(40).default(''),
  source: z.enum(SOURCES),
  assigned: money.min(0),
  legalBasis: z.string().trim().max(300).optional(),
});
export type NewLine = z.infer<typeof NewLine>;

export const NewTransaction = z.object({
  phase: z.enum(PHASES),
  month: z.coerce
    .number()
    .int()
    .min(1, { message: 'Tháng từ 1 đến 12.' })
    .max(12, { message: 'Tháng từ 1 đến 12.' })
    .optional(),
  amount: money,
  legalBasis: z.string().trim().max(300).optional(),
});
export type NewTransaction = z.infer<typeof NewTransaction>;

/** Boundaries of the lines' own time (recorded) or the current provinces. */
const budgetBoundaries = z.enum(['recorded', 'current']);

export const ExecutionQuery = z.object({
  year,
  asOf: isoDate.optional(),
  /** boundaries of the lines' own time, or the current provinces (old provinces roll up into new ones) */
  boundaries: budgetBoundaries.default('recorded'),
});
export type ExecutionQuery = z.infer<typeof ExecutionQuery>;

export const SupportRatio = z.object({
  year,
  unitId: z.string().regex(/^P:\d{2}:\d{4}-\d{2}-\d{2}$/, { message: 'Cần mã phiên bản tỉnh.' }),
  ratio: z.number().min(0, { message: 'Tỷ lệ từ 0 đến 1.' }).max(1, { message: 'Tỷ lệ từ 0 đến 1 (0,75 cho 75%).' }),
  source: z.string().trim().min(1, { message: 'Cần nguồn số liệu.' }).max(500),
});
export type SupportRatio = z.infer<typeof SupportRatio>;

export const CriteriaImportQuery = z.object({
  name: z.string().trim().min(1).max(300),
  asOf: isoDate,
  source: z.string().trim().min(1, { message: 'Cần nguồn số liệu.' }).max(500),
});

export const ReportImportQuery = z.object({ year });

/** One budget line of a year with its phase totals and monthly disbursement. */
export const ExecutionRow = z.object({
  lineId: z.number(),
  unitId: z.string(),
  provinceCode: z.string(),
  provinceName: z.string(),
  project: z.string(),
  subProject: z.string(),
  source: z.string(),
  estimate: z.number(),
  assigned: z.number(),
  adjusted: z.number(),
  committed: z.number(),
  disbursed: z.number(),
  carriedOver: z.number(),
  cancelled: z.number(),
  /** disbursed per month 1..12 */
  monthly: z.array(z.number()),
});
export type ExecutionRow = z.infer<typeof ExecutionRow>;

const compliance = z.enum(['met', 'short', 'unknown']) satisfies z.ZodType<Compliance>;

/** A province on the execution dashboard. */
export const ProvinceExecution = z.object({
  unitId: z.string(),
  provinceCode: z.string(),
  provinceName: z.string(),
  assigned: z.number(),
  adjusted: z.number(),
  disbursed: z.number(),
  rate: z.number().nullable(),
  slow: z.boolean(),
  monthly: z.array(z.number()),
  counterpart: z.object({
    supportRatio: z.number().nullable(),
    central: z.number(),
    minimum: z.number().nullable(),
    minRatio: z.number().nullable(),
    planned: z.number(),
    actual: z.number(),
    planned_status: compliance,
    actual_status: compliance,
    note: z.string().nullable(),
  }),
  lines: z.array(ExecutionRow.extend({ rate: z.number().nullable(), slow: z.boolean() })),
});
export type ProvinceExecution = z.infer<typeof ProvinceExecution>;

// ── answers ──────────────────────────────────────────────────────────────────
/** A stored rulebook version; `body` is the domain's Rulebook as validated when it was added. */
export const RulebookRow = z.object({
  id: z.number(),
  name: z.string(),
  version: z.number(),
  project: z.string().nullable(),
  legalBasis: z.string(),
  body: z.record(z.string(), z.unknown()),
  createdBy: z.string(),
  createdAt: z.string(),
});
export const RulebookList = z.object({ items: z.array(RulebookRow), can: Permissions });

export const CriteriaSetRow = z.object({
  id: z.number(),
  name: z.string(),
  asOf: z.string(),
  source: z.string(),
  provinces: z.number(),
  createdAt: z.string(),
});
export const CriteriaSetList = z.object({ items: z.array(CriteriaSetRow), can: Permissions });
export const CriteriaImported = z.object({ id: z.number(), provinces: z.number() });

export const RunList = z.object({ items: z.array(RunSummary), can: Permissions });
export const Created = z.object({ id: z.number() });
export const RunDetail = z.object({
  run: RunSummary.extend({ rulebook: z.record(z.string(), z.unknown()) }),
  lines: z.array(RunLine),
  can: Permissions,
});
export const Comparison = z.object({ items: z.array(ComparisonLine) });

export const FigureList = z.object({
  items: z.array(
    z.object({
      level: z.enum(['national', 'province']),
      provinceCodePre2025: z.string().nullable(),
      areaName: z.string(),
      period: z.string(),
      item: z.string(),
      fundingSource: z.string().nullable(),
      amountMillion: z.number(),
      legalBasis: z.string().nullable(),
      sourceUrl: z.string().nullable(),
      status: z.string(),
      note: z.string().nullable(),
    }),
  ),
});

export const ExecutionDashboard = z.object({
  year: z.number(),
  asOf: z.string(),
  boundaries: budgetBoundaries,
  items: z.array(ProvinceExecution),
  trend: z.array(z.number()),
  total: z.object({ assigned: z.number(), disbursed: z.number(), rate: z.number().nullable() }),
  alerts: z.array(
    z.object({
      lineId: z.number(),
      provinceName: z.string(),
      project: z.string(),
      subProject: z.string(),
      source: z.string(),
      rate: z.number().nullable(),
    }),
  ),
  can: Permissions,
});

export const Ok = z.object({ ok: z.literal(true) });
export const ReportImported = z.object({ rows: z.number(), total: z.number() });
