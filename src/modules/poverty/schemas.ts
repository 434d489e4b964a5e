import { z } from 'zod';
import { isoDate } from '../../validate';
import { AREA_TYPES } from '../../domain/poverty/types';
import { Boundaries, Breakdown, Occupation, ReportLevel, ReviewStep, SummaryLevel, SummaryStatus } from './contracts';
import { APPLICATION_KINDS, APPLICATION_OUTCOMES, ID_NUMBER_PATTERN, SEXES } from '../../domain/poverty/application';

const year = z.coerce
  .number()
  .int()
  .min(2000, { message: 'Năm không hợp lệ.' })
  .max(2100, { message: 'Năm không hợp lệ.' });

export const YearQuery = z.object({ year });
export const OptionalYearQuery = z.object({ year: year.optional() });

/**
 * One page of a commune's household list, in household code order; `cursor` is the previous page's
 * `nextCursor` (a commune has thousands of households, each row with personal data).
 */
export const HouseholdPageQuery = z.object({
  year,
  limit: z.coerce.number().int().min(1).max(2000).default(500),
  cursor: z.string().max(100).optional(),
});
export type HouseholdPage = { limit: number; cursor?: string };

export const SummaryQuery = z.object({
  year,
  level: SummaryLevel.default('nation'),
  boundaries: Boundaries.default('review'),
  by: Breakdown.default('none'),
  status: SummaryStatus.default('official'),
  /** Province code: with level=commune, the communes of that province (required there). */
  province: z.string().trim().min(1).max(10).optional(),
});

const count = z.number().int({ message: 'Phải là số nguyên.' }).nonnegative({ message: 'Không được âm.' });
export const ResidentBody = z.object({
  year,
  total: count,
  urban: count.nullable().optional(),
  rural: count.nullable().optional(),
  ethnicMinority: count.nullable().optional(),
  source: z.string().trim().max(500).optional(),
});

export const ScopeCommunesQuery = z.object({ year, province: z.string().min(1).max(40).optional() });

export const CommuneParams = z.object({ communeId: z.string().min(1).max(40) });

export const ClassifyBody = z.object({
  area: z.enum(AREA_TYPES, { message: 'Khu vực phải là "rural" (nông thôn) hoặc "urban" (thành thị).' }),
  year: year.optional(),
  date: isoDate.optional(),
  scoreA: z.number().nonnegative().optional(),
  incomePerCapita: z.number().nonnegative().optional(),
  scoreB: z.number().nonnegative().optional(),
  deprived: z.array(z.string().max(40)).max(40).default([]),
  standardId: z.string().max(40).optional(),
  occupation: Occupation.nullable().optional(),
});

export const StepBody = z.object({
  year,
  step: ReviewStep.exclude(['application']),
  on: isoDate,
  evidence: z.string().max(500).optional(),
});

export const ApproveBody = z.object({
  year,
  level: ReportLevel,
  on: isoDate,
});
export const ReturnBody = z.object({ year, byLevel: ReportLevel.exclude(['commune']) });

export const MonthQuery = z.object({ year, month: z.coerce.number().int().min(1).max(12).optional() });
export const ApplicationParams = z.object({ id: z.coerce.number().int().positive() });

export const NewApplicationBody = z.object({
  applicantName: z.string().trim().min(1, { message: 'Cần họ tên người đề nghị.' }).max(200),
  householdCode: z.string().trim().max(40).optional(),
  receivedOn: isoDate,
  startedOn: isoDate.optional(),
  kind: z.enum(APPLICATION_KINDS).optional(),
  // the personal fields of Mẫu số 04 (QD24-2021-MAU04), each optional as the officer may not have them all
  applicantSex: z.enum(SEXES).optional(),
  applicantBirthDate: isoDate.optional(),
  applicantEthnicity: z.string().trim().min(1).max(60).optional(),
  applicantIdNumber: z
    .string()
    .trim()
    .regex(ID_NUMBER_PATTERN, { message: 'Số CCCD gồm 12 chữ số (CMND cũ: 9 chữ số).' })
    .optional(),
  applicantIdIssuedOn: isoDate.optional(),
  applicantIdIssuer: z.string().trim().min(1).max(200).optional(),
  applicantResidence: z.string().trim().min(1).max(300).optional(),
});

export const DecisionBody = z.object({
  decidedOn: isoDate,
  outcome: z.enum(APPLICATION_OUTCOMES),
  reason: z.string().trim().max(2000).optional(),
});

/**
 * Import of a review workbook: `confirmEmpty=true` accepts a workbook without households (the commune has none to
 * list).
 */
export const ImportQuery = z.object({
  year,
  confirmEmpty: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
