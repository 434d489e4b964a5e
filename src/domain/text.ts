/** Vietnamese text: search keys without diacritics, collation, number and date formats. */

/** "Thành phố Thanh Hóa" → "thanh pho thanh hoa" (NFD, combining marks removed, đ → d, lower case). */
export function foldVietnamese(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Vietnamese alphabetical order (a ă â b c d đ e ê …), numbers in numeric order ("Phường 2" < "Phường 10"). */
export function compareVi(a: string, b: string): number {
  return collator.compare(a, b);
}

export function sortByVi<T>(items: T[], key: (item: T) => string): T[] {
  return [...items].sort((x, y) => compareVi(key(x), key(y)));
}

const numberFormat = new Intl.NumberFormat('vi-VN');

/** 1234567 → "1.234.567"; 7.52 → "7,52". */
export function formatNumberVi(n: number, fractionDigits?: number): string {
  if (fractionDigits === undefined) return numberFormat.format(n);
  return new Intl.NumberFormat('vi-VN', {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(n);
}

/** '2026-11-28' → '28/11/2026'. */
export function formatDateVi(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Today's date in Vietnam (UTC+7) as YYYY-MM-DD. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** An instant (ISO timestamp or Date) → '28/11/2026 10:21:16' in Vietnam time (UTC+7, no daylight saving). */
export function formatDateTimeVi(at: string | Date): string {
  const local = new Date(new Date(at).getTime() + 7 * 3600_000).toISOString();
  return `${formatDateVi(local)} ${local.slice(11, 19)}`;
}
