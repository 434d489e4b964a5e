/**
 * Report data in and out of the system: one row per unit with its values, wherever it came from (an
 * Excel sheet, or the JSON exchange format below). The JSON format follows DHIS2's ADX (ISO/IHE
 * Aggregate Data Exchange) in shape: a data set and a period, then one group per organisation unit with
 * its data values; codes are the form's field codes and the units' statistical codes.
 */
import type { FormDef } from './forms';

export const EXCHANGE_FORMAT = 'giamngheo-adx+json';
export const EXCHANGE_VERSION = 1;

/** Where a problem is: sheet/row/column in a workbook, a path in a JSON file. */
export interface Place {
  sheet?: string;
  row?: number;
  column?: string;
  path?: string;
}

export interface ExchangeRow {
  unitCode: string;
  /** every field of the form; a blank cell or an absent data value is null */
  values: Record<string, number | null>;
  /** the unit cell / the group */
  at: Place;
  /** the cell / data value of each field given */
  cells: Record<string, Place>;
  /** a value could not be read (already reported): the form's rules are not checked on this row */
  unreadable: boolean;
}

export interface ExchangeProblem extends Place {
  message: string;
}

export interface ExchangeGroup {
  orgUnit: string;
  orgUnitName: string;
  status: string;
  submittedOn: string | null;
  dataValues: { dataElement: string; value: number | null }[];
}

export interface ExchangeDocument {
  format: typeof EXCHANGE_FORMAT;
  version: typeof EXCHANGE_VERSION;
  dataSet: string;
  dataSetNumber: string;
  period: string;
  periodStart: string;
  periodEnd: string;
  exportedOn: string;
  groups: ExchangeGroup[];
}

/** Every field of the form, null where nothing was given (a report is replaced as a whole). */
export function completeValues(form: FormDef, given: Record<string, number | null>): Record<string, number | null> {
  return Object.fromEntries(form.fields.map((f) => [f.code, given[f.code] ?? null]));
}

/** Same figures (a field missing from the stored values counts as null). */
export function sameValues(form: FormDef, a: Record<string, number | null>, b: Record<string, number | null>): boolean {
  return form.fields.every((f) => (a[f.code] ?? null) === (b[f.code] ?? null));
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads an exchange document for a form and period: every problem in one pass (path per problem),
 * the rows it could read.
 */
export function readExchange(
  doc: unknown,
  form: FormDef,
  periodKey: string,
): { rows: ExchangeRow[]; problems: ExchangeProblem[] } {
  const problems: ExchangeProblem[] = [];
  const rows: ExchangeRow[] = [];
  const p = (path: string, message: string) => problems.push({ path, message });
  if (!isObject(doc))
    return { rows, problems: [{ path: '$', message: 'Tệp JSON phải là một đối tượng trao đổi số liệu.' }] };
  if (doc.format !== EXCHANGE_FORMAT) p('format', `Định dạng phải là "${EXCHANGE_FORMAT}".`);
  if (doc.version !== EXCHANGE_VERSION) p('version', `Phiên bản định dạng phải là ${EXCHANGE_VERSION}.`);
  if (doc.dataSet !== form.code)
    p('dataSet', `Tệp là số liệu của biểu "${String(doc.dataSet)}", không phải ${form.number} (mã ${form.code}).`);
  if (doc.period !== periodKey) p('period', `Tệp là số liệu kỳ "${String(doc.period)}", không phải kỳ ${periodKey}.`);
  if (!Array.isArray(doc.groups)) {
    p('groups', 'Thiếu danh sách "groups" (số liệu theo đơn vị).');
    return { rows, problems };
  }
  const fields = new Map(form.fields.map((f) => [f.code, f]));
  doc.groups.forEach((g: unknown, i: number) => {
    const at = `groups[${i}]`;
    if (!isObject(g)) return p(at, 'Mỗi phần tử phải là số liệu của một đơn vị.');
    const unitCode = typeof g.orgUnit === 'string' ? g.orgUnit.trim() : '';
    if (!unitCode) p(`${at}.orgUnit`, 'Thiếu mã đơn vị.');
    if (!Array.isArray(g.dataValues)) return p(`${at}.dataValues`, 'Thiếu danh sách "dataValues".');
    const values: Record<string, number | null> = {};
    const cells: Record<string, Place> = {};
    const before = problems.length;
    g.dataValues.forEach((dv: unknown, j: number) => {
      const where = `${at}.dataValues[${j}]`;
      if (!isObject(dv)) return p(where, 'Mỗi giá trị phải có "dataElement" và "value".');
      const code = String(dv.dataElement ?? '');
      const f = fields.get(code);
      if (!f) return p(`${where}.dataElement`, `${form.number} không có chỉ tiêu "${code}".`);
      if (code in cells)
        return p(`${where}.dataElement`, `Chỉ tiêu "${f.labelVi}" có hai giá trị trong cùng một đơn vị.`);
      cells[code] = { path: `${where}.value` };
      if (dv.value === null || dv.value === undefined) values[code] = null;
      else if (typeof dv.value !== 'number' || !Number.isFinite(dv.value))
        p(`${where}.value`, `${f.labelVi}: phải là số (không đặt trong dấu ngoặc kép).`);
      else values[code] = dv.value;
    });
    if (unitCode)
      rows.push({
        unitCode,
        values: completeValues(form, values),
        at: { path: at },
        cells,
        unreadable: problems.length > before,
      });
  });
  return { rows, problems };
}
