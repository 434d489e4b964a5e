/**
 * `giamngheo poverty classify`: JSON lines in, one JSON line out per input line.
 *
 * Input line:  {"id": string, "year": number, "area": "rural"|"urban", "scoreA"?: number,
 *               "incomePerCapita"?: number, "deprived": string[],
 *               "occupation"?: "farm"|"forestry"|"fishery"|"salt"|"other"}  (the average band needs it)
 * Output line: {"id", "class", "standard", "scoreA", "scoreB", "deprived", "reasons", "flags", …}
 *          or  {"id", "line", "error", "code"} for a line that cannot be classified.
 * A line without "year" takes --year. Blank lines are skipped. The caller exits 1 when any
 * line was bad; the other lines are still classified.
 */
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { classifyHousehold, type ClassifyInput } from '../../domain/poverty/classify';
import { NATIONAL_CATALOG } from '../../domain/poverty/standards';
import type { StandardCatalog } from '../../domain/poverty/types';

export interface ClassifyStreamOptions {
  /** Year for lines that do not give one. */
  year?: number;
  catalog?: StandardCatalog;
}

export interface ClassifyStreamSummary {
  lines: number;
  classified: number;
  errors: number;
}

type LineResult = Record<string, unknown>;

function lineError(id: unknown, line: number, code: string, error: string): LineResult {
  return { id: typeof id === 'string' ? id : null, line, error, code };
}

/** Classifies one input line; never throws. */
export function classifyLine(
  text: string,
  line: number,
  options: ClassifyStreamOptions = {},
): { ok: boolean; out: LineResult } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, out: lineError(null, line, 'malformed_json', `Dòng ${line} không phải JSON hợp lệ.`) };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, out: lineError(null, line, 'malformed_json', `Dòng ${line} phải là một đối tượng JSON.`) };
  }
  const o = data as Record<string, unknown>;
  const id = o.id;
  const bad = (code: string, message: string) => ({ ok: false, out: lineError(id, line, code, message) });
  if (typeof id !== 'string' || id.length === 0) return bad('invalid_input', 'Thiếu mã hộ (id) dạng chuỗi.');
  const year = o.year ?? options.year;
  if (year === undefined || year === null)
    return bad('invalid_input', 'Thiếu năm rà soát (year); có thể dùng tuỳ chọn --year.');
  if (typeof year !== 'number' || !Number.isInteger(year))
    return bad('invalid_input', 'Năm rà soát (year) phải là số nguyên.');
  if (!Array.isArray(o.deprived) || o.deprived.some((d) => typeof d !== 'string')) {
    return bad(
      'invalid_input',
      'Danh sách chỉ số thiếu hụt (deprived) phải là một mảng mã chỉ số dạng chuỗi, ví dụ ["1.1", "4.2"].',
    );
  }
  for (const field of ['scoreA', 'incomePerCapita'] as const) {
    const v = o[field];
    if (v !== undefined && v !== null && typeof v !== 'number') return bad('invalid_input', `${field} phải là một số.`);
  }
  const occupations = ['farm', 'forestry', 'fishery', 'salt', 'other'];
  if (o.occupation !== undefined && o.occupation !== null && !occupations.includes(o.occupation as string)) {
    return bad('invalid_input', `occupation phải là một trong ${occupations.join(', ')} (hoặc bỏ trống nếu chưa rõ).`);
  }
  const input: ClassifyInput = {
    area: o.area as ClassifyInput['area'],
    occupation: (o.occupation as ClassifyInput['occupation']) ?? null,
    year,
    deprived: o.deprived as string[],
    ...(typeof o.scoreA === 'number' ? { scoreA: o.scoreA } : {}),
    ...(typeof o.incomePerCapita === 'number' ? { incomePerCapita: o.incomePerCapita } : {}),
  };
  const result = classifyHousehold(input, options.catalog ?? NATIONAL_CATALOG);
  if (!result.ok) return bad(result.error.code, result.error.message);
  const r = result.value;
  return {
    ok: true,
    out: {
      id,
      class: r.class,
      standard: r.standardId,
      scoreA: r.scoreA,
      scoreB: r.scoreB,
      incomePerCapita: r.incomePerCapita,
      deprived: r.deprived,
      lowIncomeWorker: r.lowIncomeWorker,
      flags: r.flags,
      reasons: r.reasons.map((x) => ({ rule: x.rule, message: x.messageVi, citation: x.citation, status: x.status })),
    },
  };
}

/** Streams JSON lines from input to output, with backpressure; returns the counts. */
export async function classifyStream(
  input: Readable,
  output: Writable,
  options: ClassifyStreamOptions = {},
): Promise<ClassifyStreamSummary> {
  const summary: ClassifyStreamSummary = { lines: 0, classified: 0, errors: 0 };
  const rl = createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  for await (const raw of rl) {
    lineNo++;
    const text = raw.replace(/^\uFEFF/, '').trim();
    if (text === '') continue;
    summary.lines++;
    const { ok, out } = classifyLine(text, lineNo, options);
    if (ok) summary.classified++;
    else summary.errors++;
    if (!output.write(JSON.stringify(out) + '\n')) await once(output, 'drain');
  }
  return summary;
}
