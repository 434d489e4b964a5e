/** How the poverty screens show rates and parts of a summary. */
import { formatNumberVi } from '../../app/format';

type T = (k: string) => string;

export const pct = (v: number | null) => (v === null ? '—' : formatNumberVi(v, 2));
/** A rate over resident households: unknown denominator → "chưa có số hộ dân cư", never a rate over the register. */
export const rate = (v: number | null, t: T) => (v === null ? t('poverty.noResident') : formatNumberVi(v, 2));
/** The part of a summary row; "thành thị" is called "khu vực đô thị" from 2027 (domain/poverty/resident.ts). */
export const partLabel = (part: string, year: number, t: T) =>
  part === 'all' ? '' : t(`poverty.parts.${part === 'urban' && year >= 2027 ? 'urbanFrom2027' : part}`);
