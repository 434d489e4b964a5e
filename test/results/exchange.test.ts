/** The JSON exchange format read without a database: every problem named by its path, in one pass. */
import { describe, expect, it } from 'vitest';
import { readExchange, sameValues } from '../../src/domain/results/exchange';
import { TT10_FORMS } from '../../src/domain/results/forms';

const form = TT10_FORMS.find((f) => f.code === 'TT10-BIEU-02')!;
const doc = (groups: unknown, extra: Record<string, unknown> = {}) => ({
  format: 'giamngheo-adx+json',
  version: 1,
  dataSet: 'TT10-BIEU-02',
  period: '2026S1',
  groups,
  ...extra,
});

describe('readExchange', () => {
  it('a group becomes a row with every field of the form (absent = null)', () => {
    const r = readExchange(
      doc([{ orgUnit: '00004', dataValues: [{ dataElement: 'households', value: 12 }] }]),
      form,
      '2026S1',
    );
    expect(r.problems).toEqual([]);
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({ unitCode: '00004', at: { path: 'groups[0]' }, unreadable: false });
    expect(r.rows[0].values).toEqual({
      households: 12,
      poor: null,
      near_poor: null,
      escaped_poor: null,
      newly_poor: null,
      poor_no_labour: null,
      models: null,
      workers_trained: null,
    });
  });

  it.each([
    ['not an object', [], [{ path: '$', message: 'Tệp JSON phải là một đối tượng trao đổi số liệu.' }]],
    [
      'another form and period, no groups',
      { ...doc(undefined), dataSet: 'TT10-BIEU-01', period: '2025S2', groups: undefined },
      [
        {
          path: 'dataSet',
          message: 'Tệp là số liệu của biểu "TT10-BIEU-01", không phải Biểu số 02 (mã TT10-BIEU-02).',
        },
        { path: 'period', message: 'Tệp là số liệu kỳ "2025S2", không phải kỳ 2026S1.' },
        { path: 'groups', message: 'Thiếu danh sách "groups" (số liệu theo đơn vị).' },
      ],
    ],
    [
      'a missing unit, a repeated element, a quoted number',
      doc([
        { dataValues: [] },
        {
          orgUnit: '00004',
          dataValues: [
            { dataElement: 'poor', value: 1 },
            { dataElement: 'poor', value: 2 },
            { dataElement: 'models', value: '3' },
          ],
        },
      ]),
      [
        { path: 'groups[0].orgUnit', message: 'Thiếu mã đơn vị.' },
        {
          path: 'groups[1].dataValues[1].dataElement',
          message: 'Chỉ tiêu "Số hộ nghèo" có hai giá trị trong cùng một đơn vị.',
        },
        {
          path: 'groups[1].dataValues[2].value',
          message: 'Số mô hình, dự án giảm nghèo: phải là số (không đặt trong dấu ngoặc kép).',
        },
      ],
    ],
  ])('%s', (_, input, problems) => {
    expect(readExchange(input, form, '2026S1').problems).toEqual(problems);
  });

  it('a row with an unreadable value is marked so the form rules are not checked on it', () => {
    const r = readExchange(
      doc([{ orgUnit: '00004', dataValues: [{ dataElement: 'poor', value: 'x' }] }]),
      form,
      '2026S1',
    );
    expect(r.rows[0].unreadable).toBe(true);
  });
});

describe('sameValues', () => {
  it('a field missing from the stored values equals null; a changed figure does not', () => {
    expect(sameValues(form, { households: 5, poor: null }, { households: 5 })).toBe(true);
    expect(sameValues(form, { households: 5 }, { households: 6 })).toBe(false);
  });
});
