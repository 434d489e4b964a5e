/**
 * Validation rules of report forms, as DHIS2 models them: left side ⟨operator⟩ right side, each
 * side an expression over the form's fields, and a missing-value strategy. Every failure is named
 * in Vietnamese so the person entering the data knows what to fix.
 */
import { evaluateExpression, elementsOf, type Values } from './formula';

export const OPERATORS = ['==', '!=', '>', '>=', '<', '<='] as const;
export type Operator = (typeof OPERATORS)[number];
export const MISSING_STRATEGIES = ['skip_if_any_missing', 'skip_if_all_missing', 'never_skip'] as const;
export type MissingStrategy = (typeof MISSING_STRATEGIES)[number];

export const OPERATOR_VI: Record<Operator, string> = {
  '==': 'bằng',
  '!=': 'khác',
  '>': 'lớn hơn',
  '>=': 'không nhỏ hơn',
  '<': 'nhỏ hơn',
  '<=': 'không lớn hơn',
};

export interface ValidationRule {
  code: string;
  /** What the rule checks, in Vietnamese ("Số hộ nghèo không lớn hơn tổng số hộ"). */
  nameVi: string;
  left: string;
  operator: Operator;
  right: string;
  missing: MissingStrategy;
}

export interface RuleFailure {
  rule: string;
  left: number | null;
  right: number | null;
  message: string;
}

function compare(a: number, op: Operator, b: number): boolean {
  const eps = 1e-9;
  switch (op) {
    case '==':
      return Math.abs(a - b) <= eps;
    case '!=':
      return Math.abs(a - b) > eps;
    case '>':
      return a > b + eps;
    case '>=':
      return a >= b - eps;
    case '<':
      return a < b - eps;
    case '<=':
      return a <= b + eps;
  }
}

const fmt = (x: number) => x.toLocaleString('vi-VN', { maximumFractionDigits: 2 });

/** Checks every rule against the values of one report; missing values follow each rule's strategy. */
export function checkRules(rules: ValidationRule[], values: Values): RuleFailure[] {
  const failures: RuleFailure[] = [];
  for (const r of rules) {
    const fields = [...elementsOf(r.left), ...elementsOf(r.right)];
    const missing = fields.filter((f) => values[f] === null || values[f] === undefined);
    if (r.missing === 'skip_if_any_missing' && missing.length > 0) continue;
    if (r.missing === 'skip_if_all_missing' && missing.length === fields.length) continue;
    // never_skip and a partly-filled form under skip_if_all_missing: a missing value counts as 0
    const filled: Record<string, number> = {};
    for (const f of fields) filled[f] = values[f] ?? 0;
    const left = evaluateExpression(r.left, filled)!;
    const right = evaluateExpression(r.right, filled)!;
    if (!compare(left, r.operator, right)) {
      failures.push({
        rule: r.code,
        left,
        right,
        message: `Quy tắc "${r.nameVi}" không đạt: vế trái = ${fmt(left)} phải ${OPERATOR_VI[r.operator]} vế phải = ${fmt(right)}.`,
      });
    }
  }
  return failures;
}
