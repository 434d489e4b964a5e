/**
 * "In force on a date", the one definition. A validity interval starts on `from` (null: since always) and
 * ends on `to` (null: still in force). Reference data (units, agencies, aliases, regions, assignments) ends
 * the day a successor starts, so its end is exclusive: a unit merged on 01/07/2025 has valid_to 2025-07-01
 * and is no longer in force that day. An account's grant names its last day, so its end is inclusive.
 * The TypeScript test and the SQL fragment are both built from RULES below; a database test checks that
 * they agree (test/platform/validity.db.test.ts).
 */
export type IntervalEnd = 'exclusive' | 'inclusive';

type Comparison = '<=' | '>' | '>=';

/** The comparisons "from ≤ date" and "to > date" (exclusive end) or "to ≥ date" (inclusive end). */
const RULES: Record<IntervalEnd, { from: Comparison; to: Comparison }> = {
  exclusive: { from: '<=', to: '>' },
  inclusive: { from: '<=', to: '>=' },
};

const holds = (a: string, op: Comparison, b: string) => (op === '<=' ? a <= b : op === '>' ? a > b : a >= b);

/** Whether an interval of ISO dates is in force on `on` (an ISO date). */
export function inForce(
  v: { validFrom: string | null; validTo: string | null },
  on: string,
  end: IntervalEnd = 'exclusive',
): boolean {
  const r = RULES[end];
  return (v.validFrom === null || holds(v.validFrom, r.from, on)) && (v.validTo === null || holds(v.validTo, r.to, on));
}

export interface InForceSqlOptions {
  end?: IntervalEnd;
  /** The start column may be null (since always); leave false for NOT NULL columns so indexes stay usable. */
  nullableFrom?: boolean;
}

/**
 * The same rule as SQL for the given column expressions and date expression (e.g. 'u.valid_from',
 * 'u.valid_to', '$1::date'). Only trusted SQL text may be passed: never user input.
 */
export function inForceSql(from: string, to: string, on: string, o: InForceSqlOptions = {}): string {
  const r = RULES[o.end ?? 'exclusive'];
  const start = `${from} ${r.from} ${on}`;
  return `(${o.nullableFrom ? `(${from} IS NULL OR ${start})` : start} AND (${to} IS NULL OR ${to} ${r.to} ${on}))`;
}
