/** Shapes of the poverty API's answers, read by the server, the screens, the CLI and the tests. */
import { z } from 'zod';
import { APPLICATION_KINDS, APPLICATION_OUTCOMES, SEXES } from '../../domain/poverty/application';
import { SOURCE_STATUSES } from '../../domain/legal';
import {
  EVIDENCES,
  REVIEW_FLAGS,
  type Classification as ClassificationType,
  type Reason as ReasonType,
} from '../../domain/poverty/classify';
import type { ReviewCan as ReviewCanType } from '../../domain/poverty/policy';
import {
  REPORT_LEVELS,
  REVIEW_STEPS,
  type Deadline as DeadlineType,
  type MonthlyStatus,
} from '../../domain/poverty/review';
import {
  AREA_TYPES,
  HOUSEHOLD_CLASSES,
  OCCUPATIONS,
  type HouseholdClass as HouseholdClassType,
  type Indicator as IndicatorType,
  type PovertyStandard as PovertyStandardType,
  type ScoreAItemTable as ScoreAItemTableType,
  type StandardApplication as StandardApplicationType,
} from '../../domain/poverty/types';

// The domain's value sets as schemas, shared with the other areas that answer with the same codes (field).
export const VerificationStatus = z.enum(SOURCE_STATUSES);
export const Area = z.enum(AREA_TYPES);
export const HouseholdClass = z.enum(HOUSEHOLD_CLASSES);
export const Occupation = z.enum(OCCUPATIONS);
export const ReviewStep = z.enum(REVIEW_STEPS);
export const ReportLevel = z.enum(REPORT_LEVELS);
export const ReviewFlag = z.enum(REVIEW_FLAGS);
/** A reason of a classification: the rule, its message, citation and verification status. */
export const Reason = z.object({
  rule: z.string(),
  messageVi: z.string(),
  citation: z.string(),
  status: VerificationStatus,
}) satisfies z.ZodType<ReasonType>;

// ---------------------------------------------------------------- standards and classification

/** A value taken from the law, with its citation, verification status and sources. */
const SourcedNumber = z.object({
  value: z.number(),
  citation: z.string(),
  status: VerificationStatus,
  sources: z.array(z.string()),
  note: z.string().optional(),
});
const ByArea = <T extends z.ZodType>(t: T) => z.object({ rural: t, urban: t });

const Indicator = z.object({
  code: z.string(),
  key: z.string(),
  dimensionCode: z.string(),
  dimensionVi: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  thresholdVi: z.string(),
  status: VerificationStatus,
  sources: z.array(z.string()),
  note: z.string().optional(),
}) satisfies z.ZodType<IndicatorType>;

/** A standard version (chuẩn nghèo) with every value it classifies with; unknown rules are null. */
export const PovertyStandard = z.object({
  id: z.string(),
  nameVi: z.string(),
  citation: z.string(),
  issued: z.string(),
  effectiveFrom: z.string(),
  status: VerificationStatus,
  sources: z.array(z.string()),
  incomeLine: ByArea(SourcedNumber),
  minDeprivations: SourcedNumber,
  scoreRules: z
    .object({
      scoreALine: ByArea(SourcedNumber),
      pointsPerDeprivation: SourcedNumber,
      scoreBPoorMin: SourcedNumber,
      primaryEvidence: z.enum(['scoreA', 'income']),
    })
    .nullable(),
  averageBand: z.object({ upper: ByArea(SourcedNumber) }).nullable(),
  lowIncomeWorker: z
    .object({
      ceiling: ByArea(SourcedNumber),
      effectiveFrom: z.string(),
      effectiveTo: z.string().nullable(),
      citation: z.string(),
      status: VerificationStatus,
      note: z.string().optional(),
    })
    .nullable(),
  indicators: z.array(Indicator),
  local: z.boolean().optional(),
}) satisfies z.ZodType<PovertyStandardType>;
export type PovertyStandard = z.infer<typeof PovertyStandard>;

const StandardApplication = z.object({
  standardId: z.string(),
  fromYear: z.number().int(),
  toYear: z.number().int(),
  from: z.string(),
  to: z.string(),
  citation: z.string(),
  status: VerificationStatus,
  sources: z.array(z.string()),
}) satisfies z.ZodType<StandardApplicationType>;

const ScoreAItemTable = z.object({
  id: z.string(),
  standardId: z.string(),
  area: Area,
  region: z.string().optional(),
  basePoints: z.number(),
  items: z.record(z.string(), z.record(z.string(), z.number())),
  citation: z.string(),
  status: VerificationStatus,
}) satisfies z.ZodType<ScoreAItemTableType>;

/** The standards catalog of the database, the periods each applies to, and the gaps the data knows of. */
export const StandardsAnswer = z.object({
  standards: z.array(PovertyStandard),
  applications: z.array(StandardApplication),
  itemTables: z.array(ScoreAItemTable),
  knownGaps: z.array(z.string()),
});
export type StandardsAnswer = z.infer<typeof StandardsAnswer>;

/** One household classified under a standard, with the reasons and the points a reviewer should check. */
export const Classification = z.object({
  class: HouseholdClass,
  standardId: z.string(),
  standardNameVi: z.string(),
  application: z.string().nullable(),
  area: Area,
  scoreA: z.number().nullable(),
  scoreB: z.number().nullable(),
  incomePerCapita: z.number().nullable(),
  deprived: z.array(z.string()),
  deprivationCount: z.number().int(),
  evidenceUsed: z.array(z.enum(EVIDENCES)),
  decidedBy: z.enum(['scoreA', 'income']),
  lowIncomeWorker: z.boolean().nullable(),
  reasons: z.array(Reason),
  flags: z.array(ReviewFlag),
}) satisfies z.ZodType<ClassificationType>;
export type Classification = z.infer<typeof Classification>;

/** A published result of the review (national, regional or provincial), with its decision and source. */
export const PublishedRow = z.object({
  /** null when the source is ambiguous about the year (`yearText` says why) */
  year: z.number().int().nullable(),
  yearText: z.string(),
  scope: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  indicator: z.enum(['poor', 'near_poor', 'multidim', 'total_households']),
  ratePct: z.number().nullable(),
  households: z.number().nullable(),
  totalHouseholds: z.number().nullable(),
  status: z.string(),
  decision: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  note: z.string().nullable(),
});
export type PublishedRow = z.infer<typeof PublishedRow>;
export const PublishedAnswer = z.object({ items: z.array(PublishedRow) });
export type PublishedAnswer = z.infer<typeof PublishedAnswer>;

// ---------------------------------------------------------------- the area summary

/**
 * One row of a summary. `households` is the resident households (tổng số hộ dân cư) of the communes
 * that reported them, the denominator of `poorRate` / `nearPoorRate` (percent, null when unknown);
 * the numerators of the rates count the same communes. `registeredHouseholds` is the register's count.
 * `poorPct`, `nearPoorPct`, `multidimPct` are the same rates under their earlier names.
 */
export const SummaryRow = z.object({
  unitId: z.string(),
  code: z.string(),
  name: z.string(),
  part: z.string(),
  households: z.number().int().nullable(),
  registeredHouseholds: z.number().int(),
  poor: z.number().int(),
  nearPoor: z.number().int(),
  escapedPoor: z.number().int(),
  escapedNearPoor: z.number().int(),
  newlyPoor: z.number().int(),
  newlyNearPoor: z.number().int(),
  relapsed: z.number().int(),
  poorNoLabour: z.number().int(),
  nearPoorNoLabour: z.number().int(),
  labourUnknown: z.number().int(),
  poorRate: z.number().nullable(),
  nearPoorRate: z.number().nullable(),
  poorPct: z.number().nullable(),
  nearPoorPct: z.number().nullable(),
  multidimPct: z.number().nullable(),
  /** Communes that reported resident households and whose results count / communes in force in the area. */
  coverage: z.object({ reporting: z.number().int(), total: z.number().int() }),
  /** Communes whose results are counted (with or without resident households). */
  communesWithResults: z.number().int(),
  /** Every counted commune's results are recognised by its chair (QĐ 24/2021, Art. 4.4). */
  official: z.boolean(),
});
export type SummaryRow = z.infer<typeof SummaryRow>;

/** The summary's levels, boundaries, breakdowns and status: the query's values, repeated in the answer. */
export const SummaryLevel = z.enum(['commune', 'province', 'region', 'nation']);
export type SummaryLevel = z.infer<typeof SummaryLevel>;
export const Boundaries = z.enum(['review', 'current']);
export type Boundaries = z.infer<typeof Boundaries>;
export const Breakdown = z.enum(['none', 'area', 'ethnicity']);
export type Breakdown = z.infer<typeof Breakdown>;
/** official: only communes whose results the commune chair has recognised; all: also results in progress. */
export const SummaryStatus = z.enum(['official', 'all']);
export type SummaryStatus = z.infer<typeof SummaryStatus>;

/** The area summary at any level (commune of one province, province, region, nation): one shape for all. */
export const SummaryAnswer = z.object({
  year: z.number().int(),
  level: SummaryLevel,
  boundaries: Boundaries,
  by: Breakdown,
  status: SummaryStatus,
  rows: z.array(SummaryRow),
  /** Data of provinces that cannot be re-aggregated exactly onto current boundaries (reported, not guessed). */
  unresolved: z.array(SummaryRow),
});
export type SummaryAnswer = z.infer<typeof SummaryAnswer>;

// ---------------------------------------------------------------- the periodic review

/** A commune's periodic review: steps done, the approval chain, what comes next (codes of the review rules). */
export const CommuneReviewView = z.object({
  communeId: z.string(),
  communeName: z.string(),
  provinceName: z.string(),
  routingId: z.string(),
  steps: z.array(z.object({ step: ReviewStep, labelVi: z.string(), doneOn: z.string().nullable() })),
  nextStep: ReviewStep.nullable(),
  chain: z.array(z.object({ level: ReportLevel, labelVi: z.string(), approvedOn: z.string().nullable() })),
  nextApprover: ReportLevel.nullable(),
  locked: z.boolean(),
  overdue: z.boolean(),
});
export type CommuneReviewView = z.infer<typeof CommuneReviewView>;

const Deadline = z.object({
  kind: z.enum(['monthly_report', 'preliminary_report', 'official_report', 'periodic_close']),
  due: z.string(),
  labelVi: z.string(),
  citation: z.string(),
}) satisfies z.ZodType<DeadlineType>;
export type Deadline = z.infer<typeof Deadline>;

/** The year's review: its routing, the reporting deadlines and the communes of the caller's scope with a record. */
export const ReviewProgressAnswer = z.object({
  year: z.number().int(),
  routingId: z.string(),
  deadlines: z.array(Deadline),
  communes: z.array(CommuneReviewView),
});
export type ReviewProgressAnswer = z.infer<typeof ReviewProgressAnswer>;

/** A commune of the caller's scope: where the officer's work starts. */
export const ScopeCommune = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  /** The name, with the province when the name repeats in the list. */
  label: z.string(),
  provinceId: z.string(),
  provinceName: z.string(),
  residentHouseholds: z.number().int().nullable(),
  /** `at`: ISO timestamp of the commune's last import of the year. */
  lastImport: z.object({ at: z.string(), households: z.number().int().nullable() }).nullable(),
  nextStep: ReviewStep.nullable(),
  nextStepVi: z.string().nullable(),
  /** The level whose approval comes next (null: approved at every level), and the last that approved. */
  nextApprover: ReportLevel.nullable(),
  lastApproved: ReportLevel.nullable(),
  locked: z.boolean(),
  overdue: z.boolean(),
  /** What the caller may do on this commune's review (decided by the server). */
  can: z.object({
    recordStep: z.boolean(),
    approve: z.object({ commune: z.boolean(), district: z.boolean(), province: z.boolean(), central: z.boolean() }),
  }) satisfies z.ZodType<ReviewCanType>,
  statusVi: z.string(),
});
export type ScopeCommune = z.infer<typeof ScopeCommune>;
export const ScopeCommunesAnswer = z.object({ year: z.number().int(), communes: z.array(ScopeCommune) });
export type ScopeCommunesAnswer = z.infer<typeof ScopeCommunesAnswer>;

// ---------------------------------------------------------------- households and imports (personal data)

/** A commune version with its province. */
export const CommuneRef = z.object({
  id: z.string(),
  code: z.string(),
  fullName: z.string(),
  provinceId: z.string(),
  provinceName: z.string(),
});
export type CommuneRef = z.infer<typeof CommuneRef>;

/** A household of a commune's register with its classification of the year. */
export const HouseholdRow = z.object({
  id: z.number().int(),
  code: z.string(),
  headName: z.string(),
  headIdNumber: z.string().nullable(),
  headEthnicity: z.string().nullable(),
  village: z.string().nullable(),
  area: Area,
  membersCount: z.number().int(),
  class: HouseholdClass,
  previousClass: HouseholdClass.nullable(),
  scoreA: z.number().nullable(),
  scoreB: z.number().nullable(),
  income: z.number().nullable(),
  deprived: z.array(z.string()),
  flags: z.array(ReviewFlag),
  decisionNo: z.string().nullable(),
  decisionDate: z.string().nullable(),
  occupation: Occupation.nullable(),
  noLabourCapacity: z.boolean().nullable(),
});
export type HouseholdRow = z.infer<typeof HouseholdRow>;

/** One page of a commune's households (code order); `nextCursor` is null on the last page. */
export const HouseholdPageAnswer = z.object({
  commune: CommuneRef,
  households: z.array(HouseholdRow),
  nextCursor: z.string().nullable(),
});
export type HouseholdPageAnswer = z.infer<typeof HouseholdPageAnswer>;

/**
 * A review workbook imported (all or nothing; its problems by sheet, row and column are an error answer).
 * `unchanged`: the same content again, nothing written (`importId` null).
 */
export const ImportAnswer = z.object({
  importId: z.number().int().nullable(),
  communeId: z.string(),
  communeName: z.string(),
  year: z.number().int(),
  unchanged: z.boolean(),
  households: z.number().int(),
  members: z.number().int(),
  classes: z.object({
    poor: z.number().int(),
    near_poor: z.number().int(),
    average: z.number().int(),
    not_poor: z.number().int(),
  }) satisfies z.ZodType<Record<HouseholdClassType, number>>,
});
export type ImportAnswer = z.infer<typeof ImportAnswer>;

// ---------------------------------------------------------------- resident households (the rates' denominator)

/** A commune's resident households of a year as recorded (`recordedAt`: ISO timestamp). */
export const ResidentFigure = z.object({
  year: z.number().int(),
  communeId: z.string(),
  total: z.number().int(),
  urban: z.number().int().nullable(),
  rural: z.number().int().nullable(),
  ethnicMinority: z.number().int().nullable(),
  source: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type ResidentFigure = z.infer<typeof ResidentFigure>;

export const ResidentListAnswer = z.object({
  items: z.array(ResidentFigure.extend({ communeName: z.string(), communeCode: z.string() })),
});
export type ResidentListAnswer = z.infer<typeof ResidentListAnswer>;

/** A commune's figure for a year, its history (newest first) and whether the caller may change it. */
export const ResidentView = z.object({
  communeId: z.string(),
  communeName: z.string(),
  year: z.number().int(),
  current: ResidentFigure.nullable(),
  history: z.array(ResidentFigure),
  can: z.object({ edit: z.boolean() }),
});
export type ResidentView = z.infer<typeof ResidentView>;

/** The figure just recorded, with its commune. */
export const ResidentSetAnswer = ResidentFigure.extend({ commune: CommuneRef });
export type ResidentSetAnswer = z.infer<typeof ResidentSetAnswer>;

/** A file of resident households imported (all or nothing): how many communes it recorded. */
export const ResidentImportAnswer = z.object({ year: z.number().int(), communes: z.number().int() });
export type ResidentImportAnswer = z.infer<typeof ResidentImportAnswer>;

// ---------------------------------------------------------------- the regular review (applications)

/**
 * A request of the regular review (Mẫu số 04) with its 15-day status. The name, household code and reason
 * are null for a level that does not cover the commune.
 */
export const Application = z.object({
  id: z.number(),
  provinceId: z.string(),
  communeId: z.string(),
  communeName: z.string(),
  applicantName: z.string().nullable(),
  householdCode: z.string().nullable(),
  receivedOn: z.string(),
  startedOn: z.string(),
  dueOn: z.string(),
  decidedOn: z.string().nullable(),
  kind: z.enum(APPLICATION_KINDS),
  outcome: z.enum(APPLICATION_OUTCOMES).nullable(),
  reason: z.string().nullable(),
  applicantSex: z.enum(SEXES).nullable(),
  applicantBirthDate: z.string().nullable(),
  applicantEthnicity: z.string().nullable(),
  applicantIdNumber: z.string().nullable(),
  applicantIdIssuedOn: z.string().nullable(),
  applicantIdIssuer: z.string().nullable(),
  applicantResidence: z.string().nullable(),
  status: z.enum(['in_time', 'overdue', 'decided_in_time', 'decided_late']) satisfies z.ZodType<MonthlyStatus>,
});
export type Application = z.infer<typeof Application>;
export const ApplicationList = z.object({ items: z.array(Application) });
export type ApplicationList = z.infer<typeof ApplicationList>;
