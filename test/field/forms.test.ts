import { describe, expect, it } from 'vitest';
import { readLegalSources } from '../../src/app/legal-sources';
import type { FieldSurveyDraft } from '../../src/domain/field/draft';
import { formsForYear, parseFormFile } from '../../src/domain/field/forms';
import { draftToClassifyInput } from '../../src/domain/field/to-classify';
import { classifyHousehold } from '../../src/domain/poverty/classify';
import { readFormFiles } from '../../src/modules/field/forms-files';

const forms = readFormFiles();
const byCode = (code: string) => forms.find((f) => f.formCode === code)!;

const minimal = {
  id: 'X',
  formCode: 'B1',
  titleVi: 'Phiếu',
  titleEn: 'Form',
  version: '2021-07-18',
  validFrom: '2021-09-01',
  validTo: null,
  standardId: 'ND07-2021',
  citation: 'Thông tư 07/2021/TT-BLĐTBXH',
  sources: ['FIELD-TT07-FORMS'],
  status: 'verified_secondary',
  itemTable: { status: 'unverified', noticeVi: 'Chưa xác minh', noticeEn: 'Not verified' },
  scoreEntry: 'total',
  items: [],
};

describe('the Circular 07/2021 forms shipped as data', () => {
  it('has the five forms, each citing sources listed in reference/legal', () => {
    expect(forms.map((f) => f.formCode)).toEqual(['M01', 'A', 'B1', 'B2', 'C']);
    const known = new Set(readLegalSources().map((s) => s.id));
    expect(forms.flatMap((f) => f.sources).filter((s) => !known.has(s))).toEqual([]);
  });

  it('Phiếu A and B1 say their item tables are not verified and carry no points (FIELD-TT07-A-ITEMS, FIELD-TT07-B1-ITEMS)', () => {
    for (const code of ['A', 'B1']) {
      const f = byCode(code);
      expect(f.itemTable.status).toBe('unverified');
      expect(f.itemTable.noticeVi).toMatch(/chưa được xác minh/);
      expect(f.items.every((i) => i.points === null)).toBe(true);
    }
    expect(byCode('B1').scoreEntry).toBe('total');
    expect(byCode('B1').items.map((i) => [i.code, i.maps])).toEqual([['B1.A', 'scoreA']]);
  });

  it('Phiếu B2 lists the 12 indicators of Decree 07/2021, Art. 3, 10 points each (Circular 07/2021, Art. 2)', () => {
    const b2 = byCode('B2');
    expect(b2.items.map((i) => i.deprivedCode)).toEqual([
      '1.1',
      '1.2',
      '2.1',
      '2.2',
      '3.1',
      '3.2',
      '4.1',
      '4.2',
      '5.1',
      '5.2',
      '6.1',
      '6.2',
    ]);
    expect(b2.items.every((i) => i.points?.value === 10 && i.points.status === 'verified')).toBe(true);
    expect(b2.items[0].labelVi).toMatch(/^Việc làm — Việc làm: /);
    expect(b2.items[0].labelEn).toBe('Employment');
  });

  it('forms of a year follow the standard in force: 2022-2026 Circular 07, none for 2027 (Decree 351/2025, successor unknown)', () => {
    expect(formsForYear(forms, 2025)).toHaveLength(5);
    expect(formsForYear(forms, 2026)).toHaveLength(5);
    expect(formsForYear(forms, 2027)).toEqual([]);
  });
});

describe('checking a form file', () => {
  it.each([
    [{ ...minimal }, []],
    [{ ...minimal, formCode: 'B3' }, ['X.json: formCode: phải là một trong M01, A, B1, B2, C']],
    [{ ...minimal, validTo: '2020-01-01' }, ['X.json: validTo: trước ngày bắt đầu áp dụng']],
    [{ ...minimal, standardId: 'ND99' }, ['X.json: standardId: không có chuẩn nghèo "ND99"']],
    [
      { ...minimal, itemTable: { status: 'unverified' } },
      ['X.json: itemTable: bảng câu hỏi chưa xác minh phải có thông báo cho người rà soát (noticeVi, noticeEn)'],
    ],
    [
      { ...minimal, scoreEntry: 'items' },
      ['X.json: scoreEntry: chỉ tính điểm từ câu trả lời khi mọi câu hỏi có điểm đã xác minh'],
    ],
  ])('%#: reports every problem by file and path', (raw, problems) => {
    const out = parseFormFile('X.json', raw);
    expect(out.ok ? [] : out.problems).toEqual(problems);
  });

  const item = {
    code: 'Q1',
    labelVi: 'Câu hỏi',
    labelEn: 'Question',
    answer: { type: 'number' },
    points: null,
    maps: 'scoreA',
    citation: 'Thông tư 07/2021/TT-BLĐTBXH',
    status: 'unverified',
  };
  it('refuses points that are not verified: no coefficient is invented', () => {
    const out = parseFormFile('X.json', {
      ...minimal,
      items: [{ ...item, points: { value: 5, citation: 'đoán', status: 'unverified' } }],
    });
    expect(out).toEqual({ ok: false, problems: ['X.json: items.0.points: điểm chỉ ghi khi đã được xác minh'] });
  });

  it('refuses answers the engine does not know (area must be rural or urban) and unknown draft fields', () => {
    const out = parseFormFile('X.json', {
      ...minimal,
      items: [
        {
          ...item,
          maps: 'area',
          answer: { type: 'choice', options: [{ value: 'mountain', labelVi: 'Núi', labelEn: 'Mountain' }] },
        },
        { ...item, code: 'Q2', maps: 'salary' },
        { ...item, code: 'Q1' },
      ],
    });
    expect(out.ok ? [] : out.problems).toEqual([
      'X.json: items.1.maps: phải là null hoặc một trong headName, headIdNumber, headEthnicity, village, area, occupation, noLabourCapacity, previousClass, scoreA, b1Answers, incomePerCapita, deprived, members, note',
      'X.json: items: mã câu hỏi trùng: Q1',
      'X.json: items.0.answer.options: câu trả lời của area chỉ được là rural, urban',
    ]);
  });
});

const draft: FieldSurveyDraft = {
  clientId: '6f1c1c7e-2f7a-4c39-9d7e-0a4c6f0b2a11',
  communeCode: '00004',
  year: 2025,
  householdCode: 'H001',
  headName: 'Nguyễn Văn An',
  headIdNumber: null,
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
  members: [],
  position: null,
  photos: [],
  surveyedAt: '2025-10-02T03:00:00Z',
  note: null,
};

describe('a survey as the classification engine reads it', () => {
  it('maps the answers like the Excel path: score A 120 ≤ 140 (rural) and 3 deprivations → poor', () => {
    expect(draftToClassifyInput(draft)).toEqual({
      area: 'rural',
      year: 2025,
      deprived: ['1.1', '4.1', '5.2'],
      scoreA: 120,
      occupation: 'farm',
    });
    const out = classifyHousehold(draftToClassifyInput(draft));
    expect(out.ok && [out.value.class, out.value.scoreB, out.value.decidedBy]).toEqual(['poor', 30, 'scoreA']);
  });

  it('B1 item answers without a verified item table are refused by the engine, not scored', () => {
    const out = classifyHousehold(draftToClassifyInput({ ...draft, scoreA: null, b1Answers: { q1: 'a' } }));
    expect(out.ok ? null : out.error.code).toBe('no_item_table');
  });

  it('income only: 1.600.000 đồng in a rural area is above the line, within the average band for a farm household', () => {
    const out = classifyHousehold(draftToClassifyInput({ ...draft, scoreA: null, incomePerCapita: 1_600_000 }));
    expect(out.ok && out.value.class).toBe('average');
  });
});
