/**
 * Report forms as data. The forms of Thông tư 10/2022/TT-BLĐTBXH are listed with their numbers and
 * annexes (VERIFIED); the fields inside Biểu 01-15 were not retrieved, so the fields below are the
 * program's own M&E elements, marked as such, and every form is configurable.
 */
import type { LegalStatus } from './sources';
import type { PeriodType } from './reporting';
import type { ValidationRule } from './validation';

export interface FormField {
  code: string;
  labelVi: string;
  unit: string;
  /** Whole numbers only (counts). */
  integer: boolean;
}

export interface FormDef {
  code: string;
  /** Number of the form in its legal text ("Biểu số 02"). */
  number: string;
  annex: string;
  nameVi: string;
  legalBasis: string;
  status: LegalStatus;
  periodType: PeriodType;
  /** Level of the units that report. */
  unitLevel: 'commune' | 'province';
  /** Working days after the period for the report (TT 10/2022, Điều 4.2: 15). */
  deadlineWorkingDays: number;
  fields: FormField[];
  rules: ValidationRule[];
  note: string | null;
}

const TT10 = 'Thông tư 10/2022/TT-BLĐTBXH';
const FIELDS_NOTE =
  'Số hiệu biểu, phụ lục đã xác minh; các chỉ tiêu trong biểu chưa có nguồn: đây là bộ chỉ tiêu cấu hình của hệ thống, sửa được.';

const field = (code: string, labelVi: string, unit = 'hộ', integer = true): FormField => ({
  code,
  labelVi,
  unit,
  integer,
});

export const TT10_FORMS: FormDef[] = [
  {
    code: 'TT10-BIEU-02',
    number: 'Biểu số 02',
    annex: 'Phụ lục III',
    nameVi: 'Kết quả thực hiện Chương trình',
    legalBasis: `${TT10}, Phụ lục III`,
    status: 'partial',
    periodType: 'six_monthly',
    unitLevel: 'commune',
    deadlineWorkingDays: 15,
    fields: [
      field('households', 'Tổng số hộ dân cư'),
      field('poor', 'Số hộ nghèo'),
      field('near_poor', 'Số hộ cận nghèo'),
      field('escaped_poor', 'Số hộ thoát nghèo trong kỳ'),
      field('newly_poor', 'Số hộ nghèo phát sinh trong kỳ'),
      field('poor_no_labour', 'Số hộ nghèo không có khả năng lao động'),
      field('models', 'Số mô hình, dự án giảm nghèo', 'mô hình'),
      field('workers_trained', 'Số lao động được đào tạo nghề', 'người'),
    ],
    rules: [
      {
        code: 'R1',
        nameVi: 'Số hộ nghèo và cận nghèo không vượt tổng số hộ',
        left: 'poor + near_poor',
        operator: '<=',
        right: 'households',
        missing: 'skip_if_any_missing',
      },
      {
        code: 'R2',
        nameVi: 'Hộ nghèo không có khả năng lao động không vượt số hộ nghèo',
        left: 'poor_no_labour',
        operator: '<=',
        right: 'poor',
        missing: 'skip_if_any_missing',
      },
      {
        code: 'R3',
        nameVi: 'Tổng số hộ dân cư phải có và lớn hơn 0',
        left: 'households',
        operator: '>',
        right: '0',
        missing: 'never_skip',
      },
    ],
    note: FIELDS_NOTE,
  },
  {
    code: 'TT10-BIEU-01',
    number: 'Biểu số 01',
    annex: 'Phụ lục III',
    nameVi: 'Chỉ số, khung kết quả của Chương trình',
    legalBasis: `${TT10}, Phụ lục III`,
    status: 'partial',
    periodType: 'yearly',
    unitLevel: 'province',
    deadlineWorkingDays: 15,
    fields: [
      field('households', 'Tổng số hộ dân cư'),
      field('poor', 'Số hộ nghèo'),
      field('near_poor', 'Số hộ cận nghèo'),
      field('households_minority', 'Số hộ dân tộc thiểu số'),
      field('poor_minority', 'Số hộ nghèo dân tộc thiểu số'),
    ],
    rules: [
      {
        code: 'R1',
        nameVi: 'Số hộ nghèo và cận nghèo không vượt tổng số hộ',
        left: 'poor + near_poor',
        operator: '<=',
        right: 'households',
        missing: 'skip_if_any_missing',
      },
      {
        code: 'R2',
        nameVi: 'Hộ nghèo dân tộc thiểu số không vượt số hộ nghèo',
        left: 'poor_minority',
        operator: '<=',
        right: 'poor',
        missing: 'skip_if_any_missing',
      },
      {
        code: 'R3',
        nameVi: 'Hộ nghèo dân tộc thiểu số không vượt số hộ dân tộc thiểu số',
        left: 'poor_minority',
        operator: '<=',
        right: 'households_minority',
        missing: 'skip_if_any_missing',
      },
    ],
    note: FIELDS_NOTE,
  },
];

/** The other forms of the circular: listed (number, annex, title) so they can be configured. */
export const TT10_OTHER_FORMS = [
  {
    number: 'Biểu số 03 – 15',
    annex: 'Phụ lục III',
    nameVi: 'Biểu thu thập thông tin phục vụ giám sát, đánh giá (13 biểu)',
    status: 'verified' as LegalStatus,
  },
  {
    number: 'Mẫu số 01',
    annex: 'Phụ lục II',
    nameVi: 'Báo cáo giám sát (6 tháng, năm, định kỳ, đột xuất)',
    status: 'verified' as LegalStatus,
  },
  {
    number: 'Mẫu số 02',
    annex: 'Phụ lục II',
    nameVi: 'Báo cáo đánh giá (đầu kỳ, giữa kỳ, cuối kỳ, hằng năm, đột xuất)',
    status: 'verified' as LegalStatus,
  },
];

export interface FieldProblem {
  field: string;
  message: string;
}

/** Checks entered values against the form's fields: known field, a number ≥ 0, whole when a count. */
export function checkValues(form: FormDef, values: Record<string, unknown>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const byCode = new Map(form.fields.map((f) => [f.code, f]));
  for (const [code, v] of Object.entries(values)) {
    const f = byCode.get(code);
    if (!f) {
      problems.push({ field: code, message: `Biểu ${form.number} không có chỉ tiêu "${code}".` });
      continue;
    }
    if (v === null) continue;
    if (typeof v !== 'number' || !Number.isFinite(v))
      problems.push({ field: code, message: `${f.labelVi}: phải là số.` });
    else if (v < 0) problems.push({ field: code, message: `${f.labelVi}: không được âm.` });
    else if (f.integer && !Number.isInteger(v))
      problems.push({ field: code, message: `${f.labelVi}: phải là số nguyên.` });
  }
  return problems;
}
