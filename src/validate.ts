import { z } from 'zod';
import { invalid, type Problem } from './errors';

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

/** Common field schemas with Vietnamese messages. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Ngày phải có dạng YYYY-MM-DD.' })
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    message: 'Ngày không tồn tại.',
  });
