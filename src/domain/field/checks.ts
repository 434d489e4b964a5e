/**
 * Checks of a survey at the household, before it leaves the phone (and again on the server at sync):
 * each problem names the field's path and says in Vietnamese what to correct. Few rules, each one
 * either the law's (citizen ID structure, indicators of the standard in force) or a plain impossibility
 * (a child born before its parent). Nothing here guesses a value.
 */
import { classifyHousehold, resolveIndicators } from '../poverty/classify';
import { applicationForYear, findStandard, NATIONAL_CATALOG } from '../poverty/standards';
import type { Indicator, StandardCatalog } from '../poverty/types';
import { formatDateVi, isIsoDate } from '../text';
import type { FieldMemberDraft, FieldProblem, FieldSurveyDraft } from './draft';
import { idNumberMismatches } from './id-number';
import { draftToClassifyInput } from './to-classify';

export interface CheckContext {
  /** Date the ages are computed on (YYYY-MM-DD), normally the day of the survey. */
  reviewDate: string;
  catalog?: StandardCatalog;
}

const norm = (s: string) => s.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * Relations to the head whose birth order is certain: a child (by birth) or a grandchild is born after
 * the head, a parent or grandparent before. "Con nuôi", "con dâu", "con rể", "cháu" (a nephew or a
 * grandchild) and spouses are left out: their age relative to the head can be anything.
 */
const HEAD = 'chủ hộ';
/** The relation a new form writes for the household's head: data of the Vietnamese form, in either language. */
export const HEAD_RELATION = 'Chủ hộ';
const YOUNGER_THAN_HEAD = new Set(['con', 'con đẻ', 'con ruột', 'cháu nội', 'cháu ngoại']);
const OLDER_THAN_HEAD = new Set([
  'bố',
  'cha',
  'mẹ',
  'bố đẻ',
  'cha đẻ',
  'mẹ đẻ',
  'ông',
  'bà',
  'ông nội',
  'bà nội',
  'ông ngoại',
  'bà ngoại',
]);

/** Full years between a birth date and a date (both YYYY-MM-DD). */
export function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

export function checkSurveyDraft(draft: FieldSurveyDraft, ctx: CheckContext): FieldProblem[] {
  const catalog = ctx.catalog ?? NATIONAL_CATALOG;
  const problems: FieldProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });

  if (!draft.householdCode?.trim()) add('householdCode', 'Thiếu mã hộ.');
  if (!draft.headName?.trim()) add('headName', 'Thiếu họ tên chủ hộ.');
  if (draft.area !== 'rural' && draft.area !== 'urban') add('area', 'Chọn khu vực: nông thôn hoặc thành thị.');
  if (draft.headIdNumber) for (const m of idNumberMismatches(draft.headIdNumber, null, null)) add('headIdNumber', m);

  checkMembers(draft, ctx.reviewDate, add);
  const numbersOk = checkNumbers(draft, add);
  if (numbersOk) checkAgainstStandard(draft, ctx.reviewDate, catalog, add);
  return problems;
}

type Add = (path: string, message: string) => void;

function checkMembers(draft: FieldSurveyDraft, reviewDate: string, add: Add) {
  const members = draft.members ?? [];
  if (!members.length) {
    add('members', 'Hộ phải có ít nhất một thành viên (chủ hộ): số nhân khẩu là số thành viên ghi trong phiếu.');
    return;
  }
  const seqs = members.map((m) => m.seq);
  const expected = members.map((_, i) => i + 1);
  if ([...seqs].sort((a, b) => a - b).join() !== expected.join())
    add(
      'members',
      `Số thứ tự thành viên phải là 1 đến ${members.length}, mỗi số một lần (đang có: ${seqs.join(', ')}).`,
    );

  const heads = members.filter((m) => norm(m.relation ?? '') === HEAD);
  if (heads.length !== 1)
    add('members', `Hộ phải có đúng một thành viên có quan hệ "Chủ hộ" (đang có ${heads.length}).`);
  const head = heads.length === 1 ? heads[0] : null;
  if (head && head.seq !== 1) add(`members.${members.indexOf(head)}.seq`, 'Chủ hộ phải là thành viên số 1.');
  if (head && draft.headName && norm(head.fullName) !== norm(draft.headName))
    add('headName', `Tên chủ hộ "${draft.headName}" khác tên thành viên "Chủ hộ" ("${head.fullName}").`);
  if (head && draft.headIdNumber && head.idNumber && head.idNumber !== draft.headIdNumber)
    add(
      'headIdNumber',
      `Số định danh của chủ hộ (${draft.headIdNumber}) khác số của thành viên "Chủ hộ" (${head.idNumber}).`,
    );

  const seen = new Map<string, number>();
  members.forEach((m, i) => {
    const p = `members.${i}`;
    if (!m.fullName?.trim()) add(`${p}.fullName`, `Thiếu họ tên thành viên số ${m.seq}.`);
    if (!m.relation?.trim()) add(`${p}.relation`, `Thiếu quan hệ với chủ hộ của ${who(m)}.`);
    const birthOk = m.birthDate !== null && checkBirthDate(m, p, reviewDate, add);
    if (m.idNumber) {
      for (const msg of idNumberMismatches(m.idNumber, birthOk ? m.birthDate : null, m.sex)) add(`${p}.idNumber`, msg);
      const first = seen.get(m.idNumber);
      if (first !== undefined)
        add(`${p}.idNumber`, `Số định danh ${m.idNumber} trùng với thành viên số ${members[first].seq}.`);
      else seen.set(m.idNumber, i);
    }
    if (head && m !== head && birthOk && head.birthDate && isIsoDate(head.birthDate)) {
      const rel = norm(m.relation ?? '');
      if (YOUNGER_THAN_HEAD.has(rel) && m.birthDate! <= head.birthDate)
        add(
          `${p}.birthDate`,
          `${who(m)} là "${m.relation}" của chủ hộ nhưng sinh ngày ${formatDateVi(m.birthDate!)}, không sau chủ hộ (${formatDateVi(head.birthDate)}).`,
        );
      if (OLDER_THAN_HEAD.has(rel) && m.birthDate! >= head.birthDate)
        add(
          `${p}.birthDate`,
          `${who(m)} là "${m.relation}" của chủ hộ nhưng sinh ngày ${formatDateVi(m.birthDate!)}, không trước chủ hộ (${formatDateVi(head.birthDate)}).`,
        );
    }
  });
}

const who = (m: FieldMemberDraft) =>
  m.fullName?.trim() ? `${m.fullName.trim()} (số ${m.seq})` : `Thành viên số ${m.seq}`;

function checkBirthDate(m: FieldMemberDraft, p: string, reviewDate: string, add: Add): boolean {
  if (!isIsoDate(m.birthDate!)) {
    add(`${p}.birthDate`, `Ngày sinh của ${who(m)} không hợp lệ.`);
    return false;
  }
  if (m.birthDate! > reviewDate) {
    add(`${p}.birthDate`, `Ngày sinh của ${who(m)} (${formatDateVi(m.birthDate!)}) sau ngày rà soát.`);
    return false;
  }
  if (m.birthDate! < '1900-01-01') {
    add(`${p}.birthDate`, `Ngày sinh của ${who(m)} (${formatDateVi(m.birthDate!)}) trước năm 1900: kiểm tra lại.`);
    return false;
  }
  return true;
}

function checkNumbers(draft: FieldSurveyDraft, add: Add): boolean {
  let ok = true;
  const nonNegative = (v: number | null, path: string, label: string) => {
    if (v !== null && !(typeof v === 'number' && Number.isFinite(v) && v >= 0)) {
      add(path, `${label} phải là một số không âm.`);
      ok = false;
    }
  };
  nonNegative(draft.scoreA, 'scoreA', 'Tổng điểm A');
  nonNegative(draft.incomePerCapita, 'incomePerCapita', 'Thu nhập bình quân đầu người');
  const hasItems = !!draft.b1Answers && Object.keys(draft.b1Answers).length > 0;
  if (draft.scoreA === null && draft.incomePerCapita === null && !hasItems) {
    add('scoreA', 'Cần nhập tổng điểm A (Phiếu B1) hoặc thu nhập bình quân đầu người một tháng.');
    ok = false;
  }
  return ok;
}

/**
 * The answers against the standard of the review year: the classification engine itself says what it
 * cannot classify (indicator unknown to the standard, score A without scoring rules, B1 items without a
 * verified table). Then indicators whose threshold is about an age group are checked against the members'
 * ages, when every birth date is known: a household with no child cannot be deprived on child nutrition.
 */
function checkAgainstStandard(draft: FieldSurveyDraft, reviewDate: string, catalog: StandardCatalog, add: Add) {
  const dup = draft.deprived.filter((c, i) => draft.deprived.indexOf(c) !== i);
  if (dup.length) add('deprived', `Chỉ số thiếu hụt được đánh dấu hai lần: ${[...new Set(dup)].join(', ')}.`);

  const out = classifyHousehold(draftToClassifyInput(draft), catalog);
  if (!out.ok) {
    const path = {
      unknown_indicator: 'deprived',
      no_item_table: 'b1Answers',
      no_score_rules: 'scoreA',
      no_evidence: 'scoreA',
      no_standard: 'year',
      invalid_input: 'year',
    }[out.error.code];
    add(path, out.error.message);
    return;
  }
  const application = applicationForYear(catalog, draft.year);
  const standard = application && findStandard(catalog, application.standardId);
  if (!standard) return;
  const births = (draft.members ?? []).map((m) => m.birthDate);
  if (!births.length || births.some((b) => b === null || !isIsoDate(b) || b > reviewDate)) return;
  const ages = births.map((b) => ageOn(b!, reviewDate));
  const { known } = resolveIndicators(standard, draft.deprived);
  for (const ind of known) {
    const group = AGE_GROUP_OF[ind.code];
    if (group && !ages.some((a) => a >= group.from && a < group.to))
      add('deprived', ageGroupMessage(ind, group.vi, standard.nameVi));
  }
}

/**
 * Indicators of Decree 07/2021 (Art. 3) that concern only members of an age group, as their thresholds
 * say (standards.ts): 2.1 nutrition — a child under 16; 3.1 adult education — a person from 16 to 30;
 * 3.2 school attendance — a child from 3 to under 16. Ages in full years, upper bound exclusive.
 */
const AGE_GROUP_OF: Record<string, { from: number; to: number; vi: string }> = {
  '2.1': { from: 0, to: 16, vi: 'trẻ em dưới 16 tuổi' },
  '3.1': { from: 16, to: 31, vi: 'người từ 16 đến 30 tuổi' },
  '3.2': { from: 3, to: 16, vi: 'trẻ em từ 3 đến dưới 16 tuổi' },
};

const ageGroupMessage = (ind: Indicator, group: string, standardVi: string) =>
  `Chỉ số ${ind.code} (${ind.nameVi}) của ${standardVi} chỉ xét ${group}, nhưng theo ngày sinh đã ghi hộ không có ai trong nhóm này: bỏ đánh dấu hoặc sửa ngày sinh.`;
