/** How the poverty screens show rates and parts of a summary. */
import { formatNumberVi } from '../../app/format';
import { areaLabelVi, NO_RESIDENT_HOUSEHOLDS_VI } from '../../../../src/domain/poverty/resident';

export const pct = (v: number | null) => (v === null ? '—' : formatNumberVi(v, 2));
/** A rate over resident households: unknown denominator → "chưa có số hộ dân cư", never a rate over the register. */
export const rate = (v: number | null) => (v === null ? NO_RESIDENT_HOUSEHOLDS_VI : formatNumberVi(v, 2));
export const partLabel = (part: string, year: number, t: (k: string) => string) =>
  part === 'rural' || part === 'urban' ? areaLabelVi(part, year) : part === 'all' ? '' : t(`poverty.parts.${part}`);
