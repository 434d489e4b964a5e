import { REFORM_DATE } from './dates';
import type { Region, RegionMember, UnitVersion } from './types';

/**
 * The 6 statistical regions (vùng kinh tế - xã hội) used by the poverty-review statistics
 * (admin-units.md §5, VERIFIED [D1, S75]); codes as in the review data (TDMNPB …).
 * No province → 6-region table is in the notes: this one is DERIVED from the 8 regions of the
 * code list following the GSO convention (Đông Bắc Bộ + Tây Bắc Bộ = Trung du và miền núi phía Bắc,
 * except Quảng Ninh, which belongs to Đồng bằng sông Hồng; Bắc Trung Bộ + Duyên hải Nam Trung Bộ
 * = Bắc Trung Bộ và duyên hải miền Trung). UNVERIFIED: check against the GSO decision on regions.
 */
export const REGIONS_6: { code: string; name: string; from8: string[] }[] = [
  { code: 'TDMNPB', name: 'Trung du và miền núi phía Bắc', from8: ['1', '2'] },
  { code: 'DBSH', name: 'Đồng bằng sông Hồng', from8: ['3'] },
  { code: 'BTB_DHMT', name: 'Bắc Trung Bộ và duyên hải miền Trung', from8: ['4', '5'] },
  { code: 'TN', name: 'Tây Nguyên', from8: ['6'] },
  { code: 'DNB', name: 'Đông Nam Bộ', from8: ['7'] },
  { code: 'DBSCL', name: 'Đồng bằng sông Cửu Long', from8: ['8'] },
];
/** Province codes (pre-2025) whose 6-region differs from what their 8-region gives. */
export const REGION_6_EXCEPTIONS: Record<string, string> = { '22': 'DBSH' }; // Quảng Ninh

const SOURCE_8 = 'reference/admin/pre2025/provinces.csv (region_id, region_name)';
const SOURCE_6 = 'Suy ra từ 8 vùng theo quy ước của GSO (Quảng Ninh thuộc Đồng bằng sông Hồng); CHƯA XÁC MINH';

export function region6Of(provinceCode: string, region8: string): string {
  return REGION_6_EXCEPTIONS[provinceCode] ?? REGIONS_6.find((r) => r.from8.includes(region8))!.code;
}

export function buildRegions(
  pre2025Provinces: Record<string, string>[],
  provinceMapping: Record<string, string>[],
  units: UnitVersion[],
): { regions: Region[]; regionMembers: RegionMember[] } {
  const regions: Region[] = [];
  const regionMembers: RegionMember[] = [];
  const region8ByCode = new Map<string, string>();
  for (const p of pre2025Provinces) {
    region8ByCode.set(p.province_code, p.region_id);
    if (!regions.some((r) => r.id === `R8:${p.region_id}`)) {
      regions.push({
        id: `R8:${p.region_id}`,
        scheme: 'vung8',
        code: p.region_id,
        name: p.region_name,
        verified: true,
        source: SOURCE_8,
      });
    }
  }
  regions.sort((a, b) => Number(a.code) - Number(b.code));
  for (const r of REGIONS_6)
    regions.push({
      id: `R6:${r.code}`,
      scheme: 'vung6',
      code: r.code,
      name: r.name,
      verified: false,
      source: SOURCE_6,
    });

  const old6 = new Map<string, string>();
  for (const u of units) {
    if (u.level !== 'province') continue;
    if (u.validFrom < REFORM_DATE) {
      const r8 = region8ByCode.get(u.code);
      if (!r8) throw new Error(`Tỉnh ${u.code} không có vùng trong pre2025/provinces.csv`);
      const r6 = region6Of(u.code, r8);
      old6.set(u.code, r6);
      regionMembers.push({
        regionId: `R8:${r8}`,
        unitId: u.id,
        validFrom: u.validFrom,
        validTo: u.validTo,
        derived: false,
        note: null,
      });
      regionMembers.push({
        regionId: `R6:${r6}`,
        unitId: u.id,
        validFrom: u.validFrom,
        validTo: u.validTo,
        derived: true,
        note: SOURCE_6,
      });
    }
  }
  // After the reform: a new province gets a 6-region only when all its predecessors shared one.
  for (const u of units) {
    if (u.level !== 'province' || u.validFrom < REFORM_DATE) continue;
    const olds = provinceMapping.filter((m) => m.new_province_code === u.code).map((m) => m.old_province_code);
    const r6s = [...new Set(olds.map((c) => old6.get(c)))];
    if (r6s.length === 1 && r6s[0]) {
      regionMembers.push({
        regionId: `R6:${r6s[0]}`,
        unitId: u.id,
        validFrom: u.validFrom,
        validTo: u.validTo,
        derived: true,
        note: `Suy ra: mọi tỉnh cũ hợp thành (${olds.join(', ')}) cùng vùng; CHƯA XÁC MINH`,
      });
    }
  }
  return { regions, regionMembers };
}
