/** Rows of plain objects as CSV (RFC 4180, UTF-8 with BOM so that Excel shows Vietnamese) or as a text table. */

export type TabularRow = Record<string, unknown>;

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export function columnsOf(rows: TabularRow[]): string[] {
  const cols: string[] = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!cols.includes(k)) cols.push(k);
  return cols;
}

/**
 * Text that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) gets a
 * leading apostrophe (OWASP "CSV injection"). Numbers stay numbers: only text is neutralised.
 */
export function neutraliseFormula(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

function csvCell(v: unknown, decimalComma: boolean, dateVi: boolean): string {
  if (dateVi && v instanceof Date) return v.toISOString().slice(0, 10).split('-').reverse().join('/');
  const s = cell(v);
  if (typeof v === 'number' || typeof v === 'bigint') return decimalComma ? s.replace('.', ',') : s;
  return neutraliseFormula(s);
}

export interface CsvOptions {
  /** UTF-8 byte order mark, so that Excel shows Vietnamese letters. */
  bom?: boolean;
  /**
   * Field separator: ',' (RFC 4180) or ';' (what Excel reads under Vietnamese regional settings, where ',' is the
   * decimal mark).
   */
  separator?: ',' | ';';
  /** Numbers with a decimal comma (0,33), for Excel under Vietnamese regional settings. */
  decimalComma?: boolean;
  /** Dates as dd/mm/yyyy (the day of the date's UTC midnight), which Vietnamese Excel reads as dates. */
  dateVi?: boolean;
}

/** The CSV options for files opened by Excel set to Vietnamese: ';' between fields, decimal comma, BOM. */
export const CSV_VI: CsvOptions = { bom: true, separator: ';', decimalComma: true, dateVi: true };

/** The one CSV writer of the system (API exports and the CLI's --format csv). */
export function toCsv(
  rows: TabularRow[],
  columns = columnsOf(rows),
  { bom = false, separator = ',', decimalComma = false, dateVi = false }: CsvOptions = {},
): string {
  const special = separator === ';' ? /[";\r\n]/ : /[",\r\n]/;
  const esc = (s: string) => (special.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [
    columns.map((c) => esc(neutraliseFormula(c))).join(separator),
    ...rows.map((r) => columns.map((c) => esc(csvCell(r[c], decimalComma, dateVi))).join(separator)),
  ];
  return (bom ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}

export function toTextTable(rows: TabularRow[], columns = columnsOf(rows)): string {
  const cells = rows.map((r) => columns.map((c) => cell(r[c])));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i].length)));
  const line = (vals: string[]) =>
    vals
      .map((v, i) => v.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n') + '\n';
}
