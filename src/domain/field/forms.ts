/**
 * The forms of the field review (Thông tư 07/2021/TT-BLĐTBXH: Mẫu số 01, Phiếu A, B1, B2, C) as
 * versioned data. The files live in reference/field/forms/*.json; the module reads them, this file
 * checks their structure and expands Phiếu B2 from the standard's indicators, so the labels and points
 * of the 12 indicators exist in one place only (standards.ts).
 *
 * An item carries points only when its table is verified. The item tables of Phiếu A and B1 were not
 * found (FIELD-TT07-A-ITEMS, FIELD-TT07-B1-ITEMS): those forms say so and take the total score as
 * entered on the paper form, never invented points.
 */
import type { FieldSurveyDraft } from './draft';
import { referenceDateOfYear } from '../poverty/classify';
import { applicationForYear, findStandard, NATIONAL_CATALOG } from '../poverty/standards';
import type { StandardCatalog, VerificationStatus } from '../poverty/types';
import { isIsoDate } from '../text';
import { SOURCE_STATUSES } from '../legal';

export const FORM_CODES = ['M01', 'A', 'B1', 'B2', 'C'] as const;
export type FormCode = (typeof FORM_CODES)[number];

export const ANSWER_TYPES = ['text', 'number', 'boolean', 'choice', 'members'] as const;
export type AnswerType = (typeof ANSWER_TYPES)[number];

/** The draft fields an answer may fill (the engine reads them through draftToClassifyInput). */
export const DRAFT_TARGETS = [
  'headName',
  'headIdNumber',
  'headEthnicity',
  'village',
  'area',
  'occupation',
  'noLabourCapacity',
  'previousClass',
  'scoreA',
  'b1Answers',
  'incomePerCapita',
  'deprived',
  'members',
  'note',
] as const satisfies readonly (keyof FieldSurveyDraft)[];
export type DraftTarget = (typeof DRAFT_TARGETS)[number];

const STATUSES: readonly VerificationStatus[] = SOURCE_STATUSES;

export interface AnswerOption {
  value: string;
  labelVi: string;
  labelEn: string;
}

export interface FormItem {
  code: string;
  labelVi: string;
  labelEn: string;
  answer: { type: AnswerType; options?: AnswerOption[]; min?: number; max?: number; unit?: string };
  /** Points of the answer "yes" (Phiếu B2); null when the form gives none or they are not verified. */
  points: { value: number; citation: string; status: VerificationStatus } | null;
  /** The draft field the answer fills; for Phiếu B2 `deprived` with `deprivedCode`. */
  maps: DraftTarget | null;
  deprivedCode?: string;
  citation: string;
  status: VerificationStatus;
}

export interface FieldForm {
  id: string;
  formCode: FormCode;
  titleVi: string;
  titleEn: string;
  /** Version of the form: the date of the text that set it. */
  version: string;
  validFrom: string;
  /** Last day (inclusive), null while no successor is known. */
  validTo: string | null;
  standardId: string;
  citation: string;
  /** Ids of reference/legal/field.csv. */
  sources: string[];
  status: VerificationStatus;
  /** Whether the items (and their points) are the published table, and what the reviewer is told. */
  itemTable: { status: VerificationStatus; noticeVi: string | null; noticeEn: string | null };
  /** How the form's score is taken: the total as entered, from item answers, or none (no score). */
  scoreEntry: 'total' | 'items' | 'none';
  items: FormItem[];
}

export type FormFileOutcome = { ok: true; form: FieldForm } | { ok: false; problems: string[] };

/** Answers of the draft fields the engine reads as codes: a form may only offer these values. */
const CHOICES_OF = {
  area: ['rural', 'urban'],
  occupation: ['farm', 'forestry', 'fishery', 'salt', 'other'],
  previousClass: ['poor', 'near_poor', 'average', 'not_poor'],
} satisfies Partial<Record<DraftTarget, string[]>>;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** Checks one form file (already parsed JSON) and expands Phiếu B2 from the standard's indicators. */
export function parseFormFile(
  file: string,
  raw: unknown,
  catalog: StandardCatalog = NATIONAL_CATALOG,
): FormFileOutcome {
  const problems: string[] = [];
  const bad = (path: string, what: string) => problems.push(`${file}: ${path}: ${what}`);
  if (!isObj(raw)) return { ok: false, problems: [`${file}: tệp phải là một đối tượng JSON`] };

  for (const k of ['id', 'titleVi', 'titleEn', 'citation'] as const) if (!isText(raw[k])) bad(k, 'thiếu hoặc rỗng');
  if (!FORM_CODES.includes(raw.formCode as FormCode)) bad('formCode', `phải là một trong ${FORM_CODES.join(', ')}`);
  for (const k of ['version', 'validFrom'] as const)
    if (!isIsoDate(String(raw[k]))) bad(k, 'phải là ngày dạng YYYY-MM-DD');
  if (raw.validTo !== null && !isIsoDate(String(raw.validTo))) bad('validTo', 'phải là ngày YYYY-MM-DD hoặc null');
  if (isIsoDate(String(raw.validTo)) && String(raw.validTo) < String(raw.validFrom))
    bad('validTo', 'trước ngày bắt đầu áp dụng');
  const standard = isText(raw.standardId) ? findStandard(catalog, raw.standardId) : undefined;
  if (!standard) bad('standardId', `không có chuẩn nghèo "${String(raw.standardId)}"`);
  if (!Array.isArray(raw.sources) || !raw.sources.length || !raw.sources.every(isText))
    bad('sources', 'phải là danh sách mã nguồn (reference/legal/field.csv)');
  if (!STATUSES.includes(raw.status as VerificationStatus)) bad('status', `phải là một trong ${STATUSES.join(', ')}`);
  const table = raw.itemTable;
  if (!isObj(table) || !STATUSES.includes(table.status as VerificationStatus))
    bad('itemTable.status', `phải là một trong ${STATUSES.join(', ')}`);
  else if (table.status !== 'verified' && (!isText(table.noticeVi) || !isText(table.noticeEn)))
    bad('itemTable', 'bảng câu hỏi chưa xác minh phải có thông báo cho người rà soát (noticeVi, noticeEn)');
  if (!['total', 'items', 'none'].includes(String(raw.scoreEntry))) bad('scoreEntry', 'phải là total, items hoặc none');

  let items: FormItem[] = [];
  if (raw.indicatorsFrom !== undefined) {
    const from = isText(raw.indicatorsFrom) ? findStandard(catalog, raw.indicatorsFrom) : undefined;
    if (!from) bad('indicatorsFrom', `không có chuẩn nghèo "${String(raw.indicatorsFrom)}"`);
    else items = indicatorItems(from.id, catalog);
  } else if (Array.isArray(raw.items)) {
    raw.items.forEach((it, i) => {
      const item = parseItem(it, `items.${i}`, bad);
      if (item) items.push(item);
    });
  } else bad('items', 'thiếu danh sách câu hỏi (items) hoặc indicatorsFrom');
  const codes = items.map((i) => i.code);
  const dup = codes.filter((c, i) => codes.indexOf(c) !== i);
  if (dup.length) bad('items', `mã câu hỏi trùng: ${[...new Set(dup)].join(', ')}`);
  if (raw.scoreEntry === 'items' && (!items.length || items.some((i) => i.points === null)))
    bad('scoreEntry', 'chỉ tính điểm từ câu trả lời khi mọi câu hỏi có điểm đã xác minh');
  for (const [i, it] of items.entries()) {
    if (it.points !== null && it.points.status !== 'verified' && it.points.status !== 'verified_secondary')
      bad(`items.${i}.points`, 'điểm chỉ ghi khi đã được xác minh');
    const allowed = it.maps ? CHOICES_OF[it.maps as keyof typeof CHOICES_OF] : undefined;
    const given = it.answer.options?.map((o) => o.value);
    if (allowed && (it.answer.type !== 'choice' || !given!.every((v) => allowed.includes(v))))
      bad(`items.${i}.answer.options`, `câu trả lời của ${it.maps} chỉ được là ${allowed.join(', ')}`);
  }

  if (problems.length) return { ok: false, problems };
  const t = table as Obj;
  return {
    ok: true,
    form: {
      id: String(raw.id),
      formCode: raw.formCode as FormCode,
      titleVi: String(raw.titleVi),
      titleEn: String(raw.titleEn),
      version: String(raw.version),
      validFrom: String(raw.validFrom),
      validTo: raw.validTo === null ? null : String(raw.validTo),
      standardId: standard!.id,
      citation: String(raw.citation),
      sources: raw.sources as string[],
      status: raw.status as VerificationStatus,
      itemTable: {
        status: t.status as VerificationStatus,
        noticeVi: isText(t.noticeVi) ? t.noticeVi : null,
        noticeEn: isText(t.noticeEn) ? t.noticeEn : null,
      },
      scoreEntry: raw.scoreEntry as FieldForm['scoreEntry'],
      items,
    },
  };
}

function parseItem(it: unknown, path: string, bad: (path: string, what: string) => void): FormItem | null {
  if (!isObj(it)) {
    bad(path, 'phải là một đối tượng');
    return null;
  }
  let ok = true;
  const fail = (p: string, w: string) => {
    ok = false;
    bad(`${path}.${p}`, w);
  };
  for (const k of ['code', 'labelVi', 'labelEn', 'citation'] as const) if (!isText(it[k])) fail(k, 'thiếu hoặc rỗng');
  const answer = it.answer;
  if (!isObj(answer) || !ANSWER_TYPES.includes(answer.type as AnswerType))
    fail('answer.type', `phải là một trong ${ANSWER_TYPES.join(', ')}`);
  else if (answer.type === 'choice') {
    const opts = answer.options;
    if (
      !Array.isArray(opts) ||
      !opts.length ||
      !opts.every((o) => isObj(o) && isText(o.value) && isText(o.labelVi) && isText(o.labelEn))
    )
      fail('answer.options', 'câu hỏi lựa chọn phải có danh sách {value, labelVi, labelEn}');
  }
  const pts = it.points;
  if (
    pts !== null &&
    !(
      isObj(pts) &&
      typeof pts.value === 'number' &&
      Number.isFinite(pts.value) &&
      isText(pts.citation) &&
      STATUSES.includes(pts.status as VerificationStatus)
    )
  )
    fail('points', 'phải là null hoặc {value, citation, status}');
  if (it.maps !== null && !DRAFT_TARGETS.includes(it.maps as DraftTarget))
    fail('maps', `phải là null hoặc một trong ${DRAFT_TARGETS.join(', ')}`);
  if (!STATUSES.includes(it.status as VerificationStatus)) fail('status', `phải là một trong ${STATUSES.join(', ')}`);
  if (!ok) return null;
  return {
    code: String(it.code),
    labelVi: String(it.labelVi),
    labelEn: String(it.labelEn),
    answer: answer as FormItem['answer'],
    points: pts as FormItem['points'],
    maps: it.maps as DraftTarget | null,
    citation: String(it.citation),
    status: it.status as VerificationStatus,
  };
}

/** Phiếu B2: one yes/no item per indicator of the standard, worth the standard's points per deprivation. */
function indicatorItems(standardId: string, catalog: StandardCatalog): FormItem[] {
  const standard = findStandard(catalog, standardId)!;
  const points = standard.scoreRules?.pointsPerDeprivation ?? null;
  return standard.indicators.map((ind) => ({
    code: ind.code,
    labelVi: `${ind.dimensionVi} — ${ind.nameVi}: ${ind.thresholdVi}`,
    labelEn: `${ind.nameEn}`,
    answer: { type: 'boolean' },
    points: points ? { value: points.value, citation: points.citation, status: points.status } : null,
    maps: 'deprived',
    deprivedCode: ind.code,
    citation: standard.citation,
    status: ind.status,
  }));
}

/** Every form file checked; problems of all files in one list. Two versions of a form may not overlap in time. */
export function parseFormFiles(
  files: { name: string; json: unknown }[],
  catalog: StandardCatalog = NATIONAL_CATALOG,
): { ok: true; forms: FieldForm[] } | { ok: false; problems: string[] } {
  const forms: FieldForm[] = [];
  const problems: string[] = [];
  for (const f of files) {
    const out = parseFormFile(f.name, f.json, catalog);
    if (out.ok) forms.push(out.form);
    else problems.push(...out.problems);
  }
  const ids = forms.map((f) => f.id);
  for (const id of new Set(ids.filter((x, i) => ids.indexOf(x) !== i))) problems.push(`mã biểu mẫu trùng: ${id}`);
  for (const a of forms)
    for (const b of forms)
      if (a.id < b.id && a.formCode === b.formCode && overlaps(a, b))
        problems.push(`${a.id} và ${b.id}: hai phiên bản của ${a.formCode} có hiệu lực chồng nhau`);
  if (problems.length) return { ok: false, problems };
  forms.sort(
    (a, b) => FORM_CODES.indexOf(a.formCode) - FORM_CODES.indexOf(b.formCode) || a.validFrom.localeCompare(b.validFrom),
  );
  return { ok: true, forms };
}

const overlaps = (a: FieldForm, b: FieldForm) =>
  a.validFrom <= (b.validTo ?? '9999-12-31') && b.validFrom <= (a.validTo ?? '9999-12-31');

/**
 * The forms of a review year: in force on the opening of the periodic review and written for the standard
 * that applies that year. None for 2027-2030 until the successor of Circular 07 is known (FIELD-TT07-SUCCESSOR).
 */
export function formsForYear(
  forms: FieldForm[],
  year: number,
  catalog: StandardCatalog = NATIONAL_CATALOG,
): FieldForm[] {
  const on = referenceDateOfYear(year);
  const standardId = applicationForYear(catalog, year)?.standardId;
  return forms.filter(
    (f) => f.standardId === standardId && f.validFrom <= on && (f.validTo === null || on <= f.validTo),
  );
}
