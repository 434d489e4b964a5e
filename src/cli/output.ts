import { columnsOf, toCsv, toTextTable, type TabularRow } from '../domain/tabular';
import { AppError } from '../errors';

export const FORMATS = ['json', 'csv', 'table'] as const;
export type Format = (typeof FORMATS)[number];

export function parseFormat(value: string): Format {
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  throw new AppError(2, 'bad_argument', `Định dạng "${value}" không hỗ trợ; dùng json, csv hoặc table.`);
}

export function printRows(rows: TabularRow[], format: Format, columns?: string[]) {
  if (format === 'json') process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
  else if (format === 'csv') process.stdout.write(toCsv(rows, columns ?? columnsOf(rows)));
  else process.stdout.write(rows.length ? toTextTable(rows, columns) : '(không có dòng nào)\n');
}
