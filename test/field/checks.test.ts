import { describe, expect, it } from 'vitest';
import { ageOn, checkSurveyDraft } from '../../src/domain/field/checks';
import type { FieldMemberDraft, FieldSurveyDraft } from '../../src/domain/field/draft';
import { BIRTH_PROVINCE_CODES, idNumberMismatches, parseIdNumber } from '../../src/domain/field/id-number';

const head: FieldMemberDraft = {
  seq: 1,
  fullName: 'Nguyễn Văn An',
  relation: 'Chủ hộ',
  birthDate: '1980-05-10',
  sex: 'male',
  idNumber: '001080012345',
  ethnicity: 'Kinh',
};
const wife: FieldMemberDraft = {
  seq: 2,
  fullName: 'Trần Thị Bình',
  relation: 'Vợ',
  birthDate: '1983-02-01',
  sex: 'female',
  idNumber: '001183054321',
  ethnicity: 'Kinh',
};
const child: FieldMemberDraft = {
  seq: 3,
  fullName: 'Nguyễn Văn Cường',
  relation: 'Con',
  birthDate: '2010-09-01',
  sex: 'male',
  idNumber: '001210099999',
  ethnicity: 'Kinh',
};
const base: FieldSurveyDraft = {
  clientId: '6f1c1c7e-2f7a-4c39-9d7e-0a4c6f0b2a11',
  communeCode: '00004',
  year: 2025,
  householdCode: 'H001',
  headName: 'Nguyễn Văn An',
  headIdNumber: '001080012345',
  headEthnicity: 'Kinh',
  village: 'Thôn 1',
  area: 'rural',
  occupation: 'farm',
  noLabourCapacity: false,
  previousClass: 'poor',
  scoreA: 120,
  b1Answers: null,
  incomePerCapita: null,
  deprived: ['1.1', '4.1', '5.2'],
  members: [head, wife, child],
  position: null,
  photos: [],
  surveyedAt: '2025-10-02T03:00:00Z',
  note: null,
};
const ctx = { reviewDate: '2025-10-02' };
const withMember = (i: number, patch: Partial<FieldMemberDraft>) => ({
  members: base.members.map((m, j) => (j === i ? { ...m, ...patch } : m)),
});

describe('personal identification number (Nghị định 137/2015, Điều 13; Thông tư 59/2021/TT-BCA, Điều 4)', () => {
  it('has the 63 province codes of birth registration, 001 Hà Nội … 096 Cà Mau (Thông tư 07/2016/TT-BCA, Phụ lục 1)', () => {
    const codes = Object.keys(BIRTH_PROVINCE_CODES);
    expect(codes).toHaveLength(63);
    expect([BIRTH_PROVINCE_CODES['001'], BIRTH_PROVINCE_CODES['079'], BIRTH_PROVINCE_CODES['096']]).toEqual([
      'Hà Nội',
      'Hồ Chí Minh',
      'Cà Mau',
    ]);
    expect(codes.every((c) => /^0\d\d$/.test(c) && c <= '096')).toBe(true);
  });

  it.each([
    // "Thế kỷ 20 (từ năm 1900 đến hết năm 1999): Nam 0, nữ 1. Thế kỷ 21 (từ năm 2000 đến hết năm 2099): Nam 2, nữ 3."
    ['001080012345', { provinceCode: '001', century: 1900, sex: 'male', yearOfCentury: 80 }],
    ['079189000001', { provinceCode: '079', century: 1900, sex: 'female', yearOfCentury: 89 }],
    ['096205000001', { provinceCode: '096', century: 2000, sex: 'male', yearOfCentury: 5 }],
    ['038312000001', { provinceCode: '038', century: 2000, sex: 'female', yearOfCentury: 12 }],
  ])('%s decodes as %o', (id, parts) => {
    expect(parseIdNumber(id)).toEqual({ parts, problems: [] });
  });

  it.each([
    ['00108001234', null, null, ['Số định danh cá nhân "00108001234" phải gồm đúng 12 chữ số (hiện có 11 ký tự).']],
    ['00108001234a', null, null, ['Số định danh cá nhân "00108001234a" phải gồm đúng 12 chữ số (hiện có 12 ký tự).']],
    [
      '003080012345',
      null,
      null,
      [
        'Ba chữ số đầu "003" không phải mã tỉnh nơi đăng ký khai sinh (001 Hà Nội … 096 Cà Mau): kiểm tra lại số định danh.',
      ],
    ],
    [
      '001480012345',
      null,
      null,
      [
        'Chữ số thứ 4 là 4: với người sinh từ năm 1900 đến 2099 chữ số này chỉ là 0, 1 (thế kỷ 20) hoặc 2, 3 (thế kỷ 21).',
      ],
    ],
    [
      '001080012345',
      '1980-05-10',
      'female',
      ['Chữ số thứ 4 của số định danh (0) là mã của người nam, nhưng giới tính ghi là nữ.'],
    ],
    [
      '001080012345',
      '2080-05-10',
      'male',
      ['Chữ số thứ 4 của số định danh (0) là mã của người sinh thế kỷ 20, nhưng năm sinh ghi là 2080.'],
    ],
    [
      '001080012345',
      '1981-05-10',
      'male',
      ['Chữ số thứ 5 và 6 của số định danh (80) phải là hai số cuối của năm sinh 1981 (81).'],
    ],
    ['001080012345', '1980-05-10', 'male', []],
    // above 096: perhaps the country code of a birth registered abroad (not read), so not refused
    ['120080012345', '1980-05-10', 'male', []],
  ])('%s against %s, %s', (id, birth, sex, problems) => {
    expect(idNumberMismatches(id, birth, sex as 'male' | 'female' | null)).toEqual(problems);
  });
});

describe('checkSurveyDraft', () => {
  it('a consistent household has no problem', () => {
    expect(checkSurveyDraft(base, ctx)).toEqual([]);
  });

  it.each<[string, Partial<FieldSurveyDraft>, { path: string; message: string }[]]>([
    [
      "the member's ID number against birth date and sex (Thông tư 59/2021/TT-BCA, Điều 4)",
      withMember(1, { birthDate: '1984-02-01' }),
      [
        {
          path: 'members.1.idNumber',
          message: 'Chữ số thứ 5 và 6 của số định danh (83) phải là hai số cuối của năm sinh 1984 (84).',
        },
      ],
    ],
    [
      'a child born in the 21st century with a 20th-century code',
      withMember(2, { idNumber: '001010099999' }),
      [
        {
          path: 'members.2.idNumber',
          message: 'Chữ số thứ 4 của số định danh (0) là mã của người sinh thế kỷ 20, nhưng năm sinh ghi là 2010.',
        },
      ],
    ],
    [
      'the same ID number twice in a household',
      withMember(2, { idNumber: '001183054321', birthDate: '1983-02-01', sex: 'female', relation: 'Con dâu' }),
      [{ path: 'members.2.idNumber', message: 'Số định danh 001183054321 trùng với thành viên số 2.' }],
    ],
    [
      'a child ("Con") born before the head',
      withMember(2, { birthDate: '1979-01-01', idNumber: null }),
      [
        {
          path: 'members.2.birthDate',
          message:
            'Nguyễn Văn Cường (số 3) là "Con" của chủ hộ nhưng sinh ngày 01/01/1979, không sau chủ hộ (10/05/1980).',
        },
      ],
    ],
    [
      'a mother ("Mẹ") born after the head',
      withMember(1, { relation: 'Mẹ', birthDate: '1990-01-01', idNumber: null }),
      [
        {
          path: 'members.1.birthDate',
          message:
            'Trần Thị Bình (số 2) là "Mẹ" của chủ hộ nhưng sinh ngày 01/01/1990, không trước chủ hộ (10/05/1980).',
        },
      ],
    ],
    [
      'an adopted child may be of any age: no problem',
      withMember(2, { relation: 'Con nuôi', birthDate: '1979-01-01', idNumber: null }),
      [],
    ],
    [
      'household size is the members: no member',
      { members: [] },
      [
        {
          path: 'members',
          message: 'Hộ phải có ít nhất một thành viên (chủ hộ): số nhân khẩu là số thành viên ghi trong phiếu.',
        },
      ],
    ],
    [
      'two heads and numbering with a gap',
      withMember(2, { relation: 'Chủ hộ', seq: 4 }),
      [
        { path: 'members', message: 'Số thứ tự thành viên phải là 1 đến 3, mỗi số một lần (đang có: 1, 2, 4).' },
        { path: 'members', message: 'Hộ phải có đúng một thành viên có quan hệ "Chủ hộ" (đang có 2).' },
      ],
    ],
    [
      'the head named on the form is not the member "Chủ hộ"',
      { headName: 'Nguyễn Văn Ân' },
      [{ path: 'headName', message: 'Tên chủ hộ "Nguyễn Văn Ân" khác tên thành viên "Chủ hộ" ("Nguyễn Văn An").' }],
    ],
    [
      'a birth date after the review date',
      withMember(2, { birthDate: '2026-01-01', idNumber: null }),
      [
        {
          path: 'members.2.birthDate',
          message: 'Ngày sinh của Nguyễn Văn Cường (số 3) (01/01/2026) sau ngày rà soát.',
        },
      ],
    ],
    [
      'neither score A nor income (Circular 07/2021, Art. 2: score A or income decides the income test)',
      { scoreA: null },
      [{ path: 'scoreA', message: 'Cần nhập tổng điểm A (Phiếu B1) hoặc thu nhập bình quân đầu người một tháng.' }],
    ],
    [
      'a negative income',
      { incomePerCapita: -1 },
      [{ path: 'incomePerCapita', message: 'Thu nhập bình quân đầu người phải là một số không âm.' }],
    ],
    [
      'an indicator unknown to the standard in force (Decree 07/2021 has no 5.3)',
      { deprived: ['1.1', '5.3'] },
      [
        {
          path: 'deprived',
          message:
            'Mã chỉ số thiếu hụt không có trong Chuẩn nghèo đa chiều giai đoạn 2022-2025: 5.3 (hợp lệ: 1.1, 1.2, 2.1, 2.2, 3.1, 3.2, 4.1, 4.2, 5.1, 5.2, 6.1, 6.2).',
        },
      ],
    ],
    [
      'B1 item answers while the item table is not verified',
      { scoreA: null, b1Answers: { q1: 'a' } },
      [
        {
          path: 'b1Answers',
          message:
            'Chưa cấu hình bảng điểm Phiếu B1 cho Chuẩn nghèo đa chiều giai đoạn 2022-2025 (nông thôn): hãy nhập tổng điểm A hoặc thu nhập bình quân đầu người.',
        },
      ],
    ],
    [
      'score A in 2027: Decree 351/2025 has no scoring forms configured',
      { year: 2027 },
      [
        {
          path: 'scoreA',
          message:
            'Chuẩn nghèo đa chiều giai đoạn 2027-2030 chưa có quy định chấm điểm A được cấu hình: hãy nhập thu nhập bình quân đầu người.',
        },
      ],
    ],
    [
      'an indicator marked twice',
      { deprived: ['1.1', '1.1'] },
      [{ path: 'deprived', message: 'Chỉ số thiếu hụt được đánh dấu hai lần: 1.1.' }],
    ],
    [
      'child nutrition (2.1: a child under 16) in a household of adults only',
      { deprived: ['2.1'], members: [head, wife] },
      [
        {
          path: 'deprived',
          message:
            'Chỉ số 2.1 (Dinh dưỡng) của Chuẩn nghèo đa chiều giai đoạn 2022-2025 chỉ xét trẻ em dưới 16 tuổi, nhưng theo ngày sinh đã ghi hộ không có ai trong nhóm này: bỏ đánh dấu hoặc sửa ngày sinh.',
        },
      ],
    ],
    ['child nutrition with a 15-year-old: accepted', { deprived: ['2.1'] }, []],
    [
      'school attendance (3.2: a child from 3 to under 16) is not checked when a birth date is missing',
      { deprived: ['3.2'], members: [head, { ...wife, birthDate: null }] },
      [],
    ],
  ])('%s', (_what, patch, problems) => {
    expect(checkSurveyDraft({ ...base, ...patch }, ctx)).toEqual(problems);
  });

  it('ages are full years on the review date', () => {
    expect([
      ageOn('2010-10-02', '2025-10-02'),
      ageOn('2010-10-03', '2025-10-02'),
      ageOn('2009-12-31', '2025-10-02'),
    ]).toEqual([15, 14, 15]);
  });
});
