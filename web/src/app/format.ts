/**
 * Formatting for the screens. The rules live in src/domain/text.ts (shared with the server
 * and the CLI); this module only re-exports them and adds what is screen-specific.
 * Numbers and dates are always written the Vietnamese way (1.234.567; 28/11/2026),
 * in both languages of the interface, as official documents do.
 */
import { isIsoDate } from '../../../src/domain/text';

export {
  compareVi,
  foldVietnamese,
  formatDateTimeVi,
  formatDateVi,
  formatNumberVi,
  isIsoDate,
  sortByVi,
  todayInVietnam,
} from '../../../src/domain/text';

/** '28/11/2026', '28-11-2026', '2026-11-28' → '2026-11-28'; anything else → null. */
export function parseDateInput(text: string): string | null {
  const s = text.trim();
  if (isIsoDate(s)) return s;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (!m) return null;
  const iso = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}
