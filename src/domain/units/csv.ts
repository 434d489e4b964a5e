import { parse } from 'csv-parse/sync';

/** Parses CSV text with a header row into records. Quoted fields may contain commas. */
export function parseCsv(text: string): Record<string, string>[] {
  return parse(text, { columns: true, skip_empty_lines: true, bom: true, trim: false }) as Record<string, string>[];
}
