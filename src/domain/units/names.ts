/** Unit-type prefixes of full names, longest first ("Thành phố Huế" → "Huế"). */
const PREFIXES = ['Thành phố', 'Thị trấn', 'Thị xã', 'Đặc khu', 'Huyện', 'Quận', 'Phường', 'Tỉnh', 'Xã'];

/** The name without its unit-type prefix, as in the `name` columns of the code list. */
export function stripUnitPrefix(fullName: string): string {
  for (const p of PREFIXES) {
    if (fullName.toLowerCase().startsWith(p.toLowerCase() + ' ')) return fullName.slice(p.length + 1).trim();
  }
  return fullName;
}

export const LEVEL_INITIAL = { province: 'P', district: 'D', commune: 'C' } as const;

export function unitId(level: keyof typeof LEVEL_INITIAL, code: string, validFrom: string): string {
  return `${LEVEL_INITIAL[level]}:${code}:${validFrom}`;
}
