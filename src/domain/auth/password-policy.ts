/**
 * Password policy, the same for every way a password is set (sign-up by an administrator,
 * change, reset, the first administrator from GIAMNGHEO_ADMIN_PASSWORD, the CLI).
 *
 * Sources (reference/legal/accounts.csv):
 * - OWASP ASVS 4.0.3 V2.1.1: user-set passwords are at least 12 characters long (after multiple
 *   spaces are combined); V2.1.2: at least 64 characters are permitted, more than 128 denied; V2.1.7: passwords are
 * checked
 *   against a set of breached/common passwords; V2.1.9: no composition rules (no forced
 *   upper case, digits or symbols).
 * - NIST SP 800-63B §5.1.1.2: compare against commonly used values and context-specific
 *   words such as the user name.
 */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;
/** Fewer distinct characters than this ('aaaaaaaaaaaa', '121212121212') is a pattern, not a password. */
const MIN_DISTINCT = 5;

export interface PasswordContext {
  username?: string;
  displayName?: string;
  /** Lower-case list of common passwords (src/modules/auth/common-passwords.ts). */
  common: ReadonlySet<string>;
}

/** Characters as a person counts them (a Vietnamese letter with its marks is one). */
const length = (s: string) => [...s.normalize('NFC')].length;

/** The word under a common suffix or prefix of digits and symbols: 'Password2024!' → 'password'. */
function core(s: string): string {
  return s
    .toLowerCase()
    .replace(/^[\d\W_]+/u, '')
    .replace(/[\d\W_]+$/u, '');
}

/** Runs of neighbouring keys or digits ('123456789012', 'qwertyuiopas', '987654321098'). */
const RUNS = ['01234567890123456789', 'qwertyuiopasdfghjklzxcvbnm', 'abcdefghijklmnopqrstuvwxyz'];
const isRun = (s: string) =>
  s.length >= 6 && RUNS.some((r) => (r + r).includes(s) || (r + r).split('').reverse().join('').includes(s));

/** Every rule the password breaks, as Vietnamese sentences; empty = acceptable. */
export function passwordProblems(password: string, ctx: PasswordContext): string[] {
  if (password.trim() === '') return ['Mật khẩu không được để trống hoặc chỉ gồm khoảng trắng.'];
  const problems: string[] = [];
  // ASVS counts the length after runs of spaces are combined
  const n = length(password.replace(/ {2,}/g, ' '));
  if (n < MIN_PASSWORD_LENGTH) problems.push(`Mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự (hiện có ${n}).`);
  if (n > MAX_PASSWORD_LENGTH) problems.push(`Mật khẩu không được dài quá ${MAX_PASSWORD_LENGTH} ký tự.`);
  const lower = password.toLowerCase();
  const compact = lower.replace(/\s+/g, '');
  if (
    ctx.common.has(lower) ||
    ctx.common.has(compact) ||
    (core(compact).length >= 4 && ctx.common.has(core(compact)))
  ) {
    problems.push('Mật khẩu này nằm trong danh sách mật khẩu phổ biến, rất dễ bị đoán; hãy chọn một cụm từ khác.');
  } else if (new Set(compact).size < MIN_DISTINCT || isRun(compact)) {
    problems.push('Mật khẩu quá đơn giản (lặp lại vài ký tự); hãy chọn một cụm từ khác.');
  }
  const username = ctx.username?.trim().toLowerCase();
  if (username && username.length >= 3 && compact.includes(username.replace(/\s+/g, ''))) {
    problems.push('Mật khẩu không được chứa tên đăng nhập.');
  }
  return problems;
}
