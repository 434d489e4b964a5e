/**
 * The one error type of the system. Every API error is answered as
 * `{ "error": { "code", "message", "details" } }` with `message` in Vietnamese;
 * every CLI error is printed as one line `Lỗi: <message>` with a non-zero exit.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (message: string, details?: unknown) => new AppError(400, 'bad_request', message, details);
export const unauthorized = (message = 'Bạn cần đăng nhập để tiếp tục.') => new AppError(401, 'unauthorized', message);
export const forbidden = (message = 'Bạn không có quyền thực hiện thao tác này.') =>
  new AppError(403, 'forbidden', message);
export const notFound = (message: string) => new AppError(404, 'not_found', message);
export const conflict = (message: string, details?: unknown) => new AppError(409, 'conflict', message, details);

/** A per-field or per-cell problem, collected before anything is written. */
export interface Problem {
  /** Where: a field path, or sheet/row/column for imports. */
  path?: string;
  sheet?: string;
  row?: number;
  column?: string;
  message: string;
}

export const invalid = (message: string, problems: Problem[]) => new AppError(422, 'invalid', message, { problems });

const VALUE_ERRORS: Record<string, string> = {
  '22021': 'Dữ liệu có ký tự không hợp lệ.',
  '22P05': 'Dữ liệu có ký tự không hợp lệ.',
  '22P02': 'Dữ liệu không đúng kiểu (số, ngày…).',
  '22003': 'Số vượt quá giới hạn cho phép.',
  '22007': 'Ngày giờ không hợp lệ.',
  '22008': 'Ngày giờ vượt quá giới hạn cho phép.',
  '22001': 'Dữ liệu dài quá giới hạn cho phép.',
  '54000': 'Dữ liệu quá lớn.',
};

/**
 * A PostgreSQL integrity error caused by the input (an id that does not exist, a duplicate, a row
 * still in use) as an error the user can act on; null for anything else (a bug stays a 500).
 */
export function fromDatabaseError(err: unknown): AppError | null {
  const e = err as { code?: unknown; detail?: unknown; table?: unknown };
  if (typeof e?.code !== 'string') return null;
  const detail = typeof e.detail === 'string' ? e.detail : '';
  const key = detail.match(/^Key \((.+?)\)=\((.*?)\)/);
  const what = key ? `${key[1]} = "${key[2]}"` : 'khóa';
  if (e.code === '23503') {
    const usedBy = detail.match(/is still referenced from table "(.+)"/);
    if (usedBy) return conflict(`Không xóa hoặc đổi được: ${what} còn được dùng trong bảng ${usedBy[1]}.`);
    const table = detail.match(/is not present in table "(.+)"/)?.[1] ?? String(e.table ?? '');
    return invalid('Dữ liệu không hợp lệ', [{ message: `Không có ${what} trong danh mục ${table}.` }]);
  }
  if (e.code === '23505') return conflict(`Đã có bản ghi với ${what}.`);
  // Values the database cannot take (bad characters, numbers or dates out of range, text too long)
  if (e.code in VALUE_ERRORS) return badRequest(VALUE_ERRORS[e.code]);
  return null;
}
