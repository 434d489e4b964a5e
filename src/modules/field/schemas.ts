/** Input of the field API (zod): sizes bounded so one request cannot hold the server. */
import { z } from 'zod';
import { boundedRecord, isoDate } from '../../validate';
import { FIELD_MAX_SURVEYS, MAX_PHOTOS_PER_SURVEY } from '../../domain/field/sync';
import { SEXES } from '../../domain/poverty/application';
import { Area, HouseholdClass, Occupation } from '../poverty/contracts';

const year = z.coerce
  .number()
  .int()
  .min(2000, { message: 'Năm không hợp lệ.' })
  .max(2100, { message: 'Năm không hợp lệ.' });
const uuid = z.uuid({ message: 'Mã phải là UUID do điện thoại tạo.' });
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `Dài quá ${max} ký tự.` });
const timestamp = z.iso.datetime({ offset: true, message: 'Thời điểm không hợp lệ (ISO 8601).' });
const unitRef = z.string().min(1).max(40);

export const AssignmentsQuery = z.object({ year, commune: unitRef.optional() });
export const CommuneYearQuery = z.object({ year, commune: unitRef });
export const PhotoParams = z.object({ id: uuid });
export const ClientIdParams = z.object({ clientId: uuid });
export const ResolveBody = z.object({
  decision: z.enum(['accept', 'reject'], { message: 'Chọn "accept" hoặc "reject".' }),
});

const member = z.object({
  seq: z.number().int().min(1).max(99),
  fullName: text(200).min(1, { message: 'Cần họ tên.' }),
  relation: text(50).min(1, { message: 'Cần quan hệ với chủ hộ.' }),
  birthDate: isoDate.nullable(),
  sex: z.enum(SEXES).nullable(),
  idNumber: z
    .string()
    .regex(/^\d{12}$/, { message: 'Số định danh cá nhân gồm 12 chữ số.' })
    .nullable(),
  ethnicity: text(50).nullable(),
});

export const SurveyDraftSchema = z.object({
  clientId: uuid,
  communeCode: unitRef,
  year,
  householdCode: text(40).min(1, { message: 'Cần mã hộ.' }),
  headName: text(200).min(1, { message: 'Cần họ tên chủ hộ.' }),
  headIdNumber: z
    .string()
    .regex(/^\d{12}$/, { message: 'Số định danh cá nhân gồm 12 chữ số.' })
    .nullable(),
  headEthnicity: text(50).min(1, { message: 'Cần dân tộc của chủ hộ.' }),
  village: text(200).nullable(),
  area: Area,
  occupation: Occupation.nullable(),
  noLabourCapacity: z.boolean().nullable(),
  previousClass: HouseholdClass.nullable(),
  scoreA: z.number().min(0).max(1000).nullable(),
  b1Answers: boundedRecord(z.string().max(20), z.string().max(50), 200).nullable(),
  incomePerCapita: z.number().int().min(0).max(1_000_000_000).nullable(),
  deprived: z.array(z.string().max(10)).max(20),
  members: z.array(member).min(1, { message: 'Cần ít nhất một thành viên (chủ hộ).' }).max(50),
  position: z
    .object({
      lat: z.number().min(-90).max(90),
      lng: z.number().min(-180).max(180),
      accuracyM: z.number().min(0).max(100_000),
      takenAt: timestamp,
    })
    .nullable(),
  photos: z
    .array(z.object({ id: uuid, contentType: z.enum(['image/jpeg', 'image/webp']), takenAt: timestamp }))
    .max(MAX_PHOTOS_PER_SURVEY, { message: `Tối đa ${MAX_PHOTOS_PER_SURVEY} ảnh mỗi phiếu.` }),
  surveyedAt: timestamp,
  note: text(2000).nullable(),
});

/** Each survey is checked on its own (a bad one is rejected with its problems, the others go on). */
export const SyncBody = z.object({
  surveys: z
    .array(
      // each survey is read whole by FieldSurvey later; here only its id and its size (a draft has about 25 fields)
      z
        .looseObject({ clientId: uuid })
        .refine((o) => Object.keys(o).length <= 60, { message: 'Phiếu có quá nhiều trường.' })
        .meta({ maxProperties: 60 }),
    )
    .min(1, { message: 'Không có phiếu nào để gửi.' })
    .max(FIELD_MAX_SURVEYS, { message: `Mỗi lần gửi tối đa ${FIELD_MAX_SURVEYS} phiếu.` }),
});
