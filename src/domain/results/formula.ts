/**
 * Indicators as formulas over data elements (numerator, denominator, factor), evaluated when read,
 * as DHIS2 does: editing an indicator never touches stored values. An expression is a sum of
 * element codes and numbers ("poor + near_poor", "households - 0").
 */
import { invalid } from '../../errors';

export interface Term {
  sign: 1 | -1;
  element: string | null;
  constant: number | null;
}

const TOKEN = /\s*([+-])?\s*([a-z][a-z0-9_]*|\d+(?:\.\d+)?)\s*/y;

/** Parses "a + b - 2"; a malformed expression is refused in Vietnamese. */
export function parseExpression(expr: string): Term[] {
  const terms: Term[] = [];
  const text = expr.trim();
  if (text === '') throw invalid('Công thức không hợp lệ', [{ message: 'Biểu thức trống.' }]);
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m || (terms.length > 0 && !m[1])) {
      throw invalid('Công thức không hợp lệ', [
        {
          message: `Biểu thức "${expr}" sai cú pháp tại vị trí ${at + 1} (chỉ dùng mã phần tử dữ liệu, số, dấu + và -).`,
        },
      ]);
    }
    const sign = m[1] === '-' ? -1 : 1;
    const isNumber = /^\d/.test(m[2]);
    terms.push({ sign, element: isNumber ? null : m[2], constant: isNumber ? Number(m[2]) : null });
  }
  return terms;
}

export function elementsOf(expr: string): string[] {
  return [...new Set(parseExpression(expr).flatMap((t) => (t.element ? [t.element] : [])))];
}

/** Refuses an expression naming an element that is not in the catalogue. */
export function checkElements(expr: string, known: ReadonlySet<string>, what: string): void {
  const unknown = elementsOf(expr).filter((e) => !known.has(e));
  if (unknown.length > 0) {
    throw invalid(
      'Công thức không hợp lệ',
      unknown.map((e) => ({ path: what, message: `${what} dùng phần tử dữ liệu chưa có trong danh mục: "${e}".` })),
    );
  }
}

export type Values = Readonly<Record<string, number | null | undefined>>;

/** The value of an expression; null when an element has no value. */
export function evaluateExpression(expr: string, values: Values): number | null {
  let sum = 0;
  for (const t of parseExpression(expr)) {
    const v = t.element ? values[t.element] : t.constant;
    if (v === null || v === undefined) return null;
    sum += t.sign * v;
  }
  return sum;
}

export interface Formula {
  code: string;
  numerator: string;
  /** null: the numerator itself (a count). */
  denominator: string | null;
  factor: number;
}

export function checkFormula(f: Formula, known: ReadonlySet<string>): void {
  checkElements(f.numerator, known, `Tử số của chỉ tiêu ${f.code}`);
  if (f.denominator !== null) {
    checkElements(f.denominator, known, `Mẫu số của chỉ tiêu ${f.code}`);
    const terms = parseExpression(f.denominator);
    if (terms.every((t) => t.element === null) && evaluateExpression(f.denominator, {}) === 0) {
      throw invalid('Công thức không hợp lệ', [
        { path: 'denominator', message: `Mẫu số của chỉ tiêu ${f.code} luôn bằng 0: phép chia cho 0.` },
      ]);
    }
  }
}

export type FormulaResult =
  { ok: true; value: number | null } | { ok: false; code: 'division_by_zero'; message: string };

/**
 * numerator / denominator × factor. A missing element gives null (unknown, not zero); a zero
 * denominator is reported, never turned into 0 or infinity.
 */
export function evaluateFormula(f: Formula, values: Values): FormulaResult {
  const num = evaluateExpression(f.numerator, values);
  if (f.denominator === null) return { ok: true, value: num === null ? null : num * f.factor };
  const den = evaluateExpression(f.denominator, values);
  if (num === null || den === null) return { ok: true, value: null };
  if (den === 0)
    return {
      ok: false,
      code: 'division_by_zero',
      message: `Mẫu số của chỉ tiêu ${f.code} bằng 0: không tính được (chia cho 0).`,
    };
  return { ok: true, value: (num / den) * f.factor };
}
