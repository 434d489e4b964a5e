/**
 * The criteria data of an allocation as CSV: a header `province,<criterion codes>` and one row per
 * province. Numbers use a dot for decimals ("12.5"); an empty cell is a missing value.
 * Columns that are not criteria of the rulebook are kept but unused.
 */
import { parse } from 'csv-parse/sync';
import type { Problem } from '../../errors';
import type { ProvinceInputs } from './allocate';
import type { Validated } from './rulebook';

export function parseInputsCsv(text: string): Validated<ProvinceInputs[]> {
  let rows: string[][];
  try {
    rows = parse(text.replace(/^\uFEFF/, ''), {
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    }) as string[][];
  } catch (err) {
    return {
      ok: false,
      problems: [{ message: `tệp dữ liệu tiêu chí không phải CSV hợp lệ: ${(err as Error).message}` }],
    };
  }
  if (rows.length === 0 || rows[0][0] !== 'province') {
    return {
      ok: false,
      problems: [{ row: 1, message: 'dòng tiêu đề phải bắt đầu bằng "province", tiếp theo là mã các tiêu chí.' }],
    };
  }
  const header = rows[0];
  const problems: Problem[] = [];
  const out: ProvinceInputs[] = [];
  rows.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const province = cells[0] ?? '';
    if (!province) problems.push({ row, column: 'province', message: 'thiếu mã tỉnh.' });
    if (cells.length !== header.length)
      problems.push({ row, message: `dòng có ${cells.length} cột, tiêu đề có ${header.length}.` });
    const values: Record<string, number> = {};
    header.slice(1).forEach((code, j) => {
      const cell = cells[j + 1];
      if (cell === undefined || cell === '') return; // missing: reported against the rulebook's criteria
      if (!/^-?\d+(\.\d+)?$/.test(cell)) {
        problems.push({ row, column: code, message: `"${cell}" không phải số (dùng dấu chấm cho phần thập phân).` });
        return;
      }
      values[code] = Number(cell);
    });
    out.push({ province, values });
  });
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: out };
}
