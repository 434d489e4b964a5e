import { describe, expect, it } from 'vitest';
import { neutraliseFormula, toCsv } from '../../src/domain/tabular';
import { AppError } from '../../src/errors';
import { assertCleanText, cleanText, isoDate } from '../../src/validate';

describe('CSV exports neutralise formulas (one writer for every export)', () => {
  it.each([
    ['=HYPERLINK("http://x","bấm")', `'=HYPERLINK("http://x","bấm")`],
    ['+1+1', `'+1+1`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tx', `'\tx`],
    ['\rx', `'\rx`],
    ['Hà Nội', 'Hà Nội'],
  ])('%j → %j', (input, output) => expect(neutraliseFormula(input)).toBe(output));

  it('text cells and headers are neutralised, numbers are not', () => {
    const csv = toCsv([{ '=a': '=1+2', n: -5, t: '-5' }]);
    expect(csv).toBe(`'=a,n,t\r\n'=1+2,-5,'-5\r\n`);
    expect(toCsv([{ x: '=HYPERLINK("a","b")' }])).toBe(`x\r\n"'=HYPERLINK(""a"",""b"")"\r\n`);
  });
});

describe('text the database cannot take is refused before use', () => {
  const refused = (v: unknown) => {
    try {
      assertCleanText(v, 'body');
    } catch (e) {
      return e instanceof AppError && e.status === 400 ? e.message : 'other';
    }
    return null;
  };
  it('NUL and lone surrogates anywhere, keys included; good Vietnamese text and emoji pass', () => {
    expect(refused({ a: 'x\u0000y' })).toMatch(/ký tự không hợp lệ.*body\.a/);
    expect(refused({ list: [{ n: '\uD800' }] })).toMatch(/body\.list\.0\.n/);
    expect(refused({ ['k\uDC00']: 1 })).toMatch(/ký tự không hợp lệ/);
    expect(refused({ a: 'Nguyễn Thị Hoà 👍', b: [1, null, true] })).toBeNull();
  });
  it('cleanText makes a file name storable', () => {
    expect(cleanText('a\u0000b\uD800.xlsx')).toBe('ab\uFFFD.xlsx');
  });
  it('dates: real, and within 1900–2100', () => {
    expect(isoDate.safeParse('2024-02-29').success).toBe(true);
    expect(isoDate.safeParse('2023-02-29').success).toBe(false);
    expect(isoDate.safeParse('2999-01-01').success).toBe(false);
    expect(isoDate.safeParse('0001-01-01').success).toBe(false);
  });
});
