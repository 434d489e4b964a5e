/**
 * Formatting for the screens. The rules live in src/domain/text.ts (shared with the server
 * and the CLI); this module only re-exports them and adds what is screen-specific.
 * Numbers and dates are always written the Vietnamese way (1.234.567; 28/11/2026),
 * in both languages of the interface, as official documents do.
 */
import { formatDateVi, isIsoDate } from '../../../src/domain/text';

export {
  compareVi,
  foldVietnamese,
  formatDateVi,
  formatNumberVi,
  isIsoDate,
  sortByVi,
  todayInVietnam,
} from '../../../src/domain/text';

/** An ISO timestamp → '28/11/2026 10:21:16' in Vietnam time (UTC+7). */
export function formatDateTimeVi(iso: string): string {
  const local = new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString();
  return `${formatDateVi(local)} ${local.slice(11, 19)}`;
}

/** '28/11/2026', '28-11-2026', '2026-11-28' → '2026-11-28'; anything else → null. */
export function parseDateInput(text: string): string | null {
  const s = text.trim();
  if (isIsoDate(s)) return s;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (!m) return null;
  const iso = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}
