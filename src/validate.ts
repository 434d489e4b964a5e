import { z } from 'zod';
import { AppError, invalid, type Problem } from './errors';

z.config(z.locales.vi());

/** Parses a value with a zod schema; failures become one `invalid` error listing every problem in Vietnamese. */
export function parse<T>(schema: z.ZodType<T>, value: unknown, where = ''): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems: Problem[] = result.error.issues.map((issue) => ({
    path: [where, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }));
  throw invalid('Dữ liệu gửi lên không hợp lệ.', problems);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Text the database cannot store (a NUL character) or that is not valid Unicode (a lone surrogate)
 * is refused with one Vietnamese message before anything else looks at it. Walks objects and arrays.
 */
export function assertCleanText(value: unknown, where = ''): void {
  const bad = findBadText(value, where);
  if (bad)
    throw new AppError(
      400,
      'bad_text',
      `Dữ liệu gửi lên có ký tự không hợp lệ (ký tự NUL hoặc mã Unicode lẻ) ở ${bad || 'nội dung'}.`,
    );
}

function findBadText(value: unknown, where: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') || LONE_SURROGATE.test(value) ? where : null;
  if (depth > 64 || value === null || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value)) {
    const path = where ? `${where}.${k}` : k;
    if (findBadText(k, path) !== null) return path;
    const found = findBadText(v, path, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/**
 * Text safe to store: NUL and other control characters (except tab and line breaks) removed, lone surrogates replaced.
 */
export function cleanText(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(new RegExp(LONE_SURROGATE.source, 'g'), '\uFFFD');
}

/**
 * A map from keys to values with at most `max` keys: a body's byte limit alone lets a client send tens of
 * thousands of small entries. The maximum is also published in the schema (`maxProperties`).
 */
export function boundedRecord<K extends z.core.$ZodRecordKey, V extends z.ZodType>(key: K, value: V, max: number) {
  return z
    .record(key, value)
    .refine((o) => Object.keys(o).length <= max, { message: `Không được quá ${max} mục.` })
    .meta({ maxProperties: max });
}

/** At most `max` items, with a Vietnamese message. */
export const atMost = (max: number) => ({ message: `Không được quá ${max} mục.` }) as const;

/** Common field schemas with Vietnamese messages. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Ngày phải có dạng YYYY-MM-DD.' })
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      message: 'Ngày không tồn tại.',
    },
  )
  .refine((s) => s >= '1900-01-01' && s <= '2100-12-31', {
    message: 'Ngày phải trong khoảng 01/01/1900 đến 31/12/2100.',
  });

/** The answer of a change that has nothing more to say. */
export const OkAnswer = z.object({ ok: z.literal(true) });
