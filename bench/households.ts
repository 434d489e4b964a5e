/**
 * The benchmarks' household generator: N households spread over the real communes of a year with the
 * published 2024 shares of each region, 1–7 members each (3.58 on average), deterministic (a seeded
 * PRNG per commune), and the same households as rows of the review workbook.
 */
import type { PoolDb } from '../src/db/client';
import type { HouseholdClass } from '../src/domain/poverty/types';
import type { ParsedHousehold, ParsedMember } from '../src/domain/poverty/workbook';
import type { TemplateRows } from '../src/modules/poverty/excel';
import type { CommuneRow } from '../src/modules/poverty/repo';
import { mulberry32 } from './support';

const INDICATORS = ['1.1', '1.2', '2.1', '2.2', '3.1', '3.2', '4.1', '4.2', '5.1', '5.2', '6.1', '6.2'];

export interface BenchCommune extends CommuneRow {
  index: number;
  region: string | null;
  households: number;
}

/**
 * Published 2024 poor + near-poor rates of the 6 regions (reference/poverty), national split poor : near-poor = 1.93 :
 * 2.13.
 */
export async function regionRates(db: PoolDb): Promise<Map<string, number>> {
  const rows = await db.query<{ area_code: string; rate_pct: number }>(
    `SELECT area_code, rate_pct::float8 FROM poverty_published WHERE year = 2024 AND indicator = 'multidim' AND scope IN ('region', 'national')`,
  );
  return new Map(rows.map((r) => [r.area_code, r.rate_pct / 100]));
}

const REGION_CODE_BY_NAME: Record<string, string> = {
  'Trung du và miền núi phía Bắc': 'TDMNPB',
  'Đồng bằng sông Hồng': 'DBSH',
  'Bắc Trung Bộ và duyên hải miền Trung': 'BTB_DHMT',
  'Tây Nguyên': 'TN',
  'Đông Nam Bộ': 'DNB',
  'Đồng bằng sông Cửu Long': 'DBSCL',
};
/**
 * Members per household. Only the mean is data: the 2019 Population and Housing Census counted 96,208,984
 * persons in 26,870,079 households, 3.58 per household ("3,6 người/hộ"; Tổng cục Thống kê, official result
 * of 19/12/2019; reference/legal/poverty-bench.csv). The spread over 1–7 persons is an assumption of the
 * benchmark chosen to give that mean (0.09·1 + 0.17·2 + 0.21·3 + 0.28·4 + 0.14·5 + 0.07·6 + 0.04·7 = 3.58).
 */
const HOUSEHOLD_SIZE: [persons: number, share: number][] = [
  [1, 0.09],
  [2, 0.17],
  [3, 0.21],
  [4, 0.28],
  [5, 0.14],
  [6, 0.07],
  [7, 0.04],
];
const RELATIONS = ['Vợ/chồng', 'Con', 'Con', 'Con', 'Bố/mẹ', 'Cháu'];
function householdSize(x: number): number {
  for (const [n, share] of HOUSEHOLD_SIZE) if ((x -= share) < 0) return n;
  return HOUSEHOLD_SIZE[HOUSEHOLD_SIZE.length - 1][0];
}

const MINORITY_SHARE: Record<string, number> = {
  TDMNPB: 0.6,
  TN: 0.35,
  BTB_DHMT: 0.1,
  DBSCL: 0.08,
  DBSH: 0.02,
  DNB: 0.05,
};

/**
 * The communes of `year` with a deterministic number of households each: `n` spread with weights 0.5 … 1.5
 * (a total), or `size(i)` households for the i-th commune.
 */
export async function communesOf(
  db: PoolDb,
  year: number,
  n: number,
  size?: (i: number) => number,
): Promise<BenchCommune[]> {
  const rows = await db.query<CommuneRow & { region: string | null }>(
    `SELECT c.id, c.code, c.full_name AS "fullName", c.province_id AS "provinceId", p.full_name AS "provinceName", r.name AS region
     FROM admin_unit c JOIN admin_unit p ON p.id = c.province_id
     LEFT JOIN region_member rm ON rm.unit_id = c.province_id AND rm.region_id LIKE 'R6:%' LEFT JOIN region r ON r.id = rm.region_id
     WHERE c.level = 'commune' AND c.valid_from <= $1 AND (c.valid_to IS NULL OR c.valid_to > $1) ORDER BY c.id`,
    [`${year}-12-14`],
  );
  // Deterministic sizes: weight 0.5 … 1.5 per commune, scaled to N.
  const weights = rows.map((_, i) => 0.5 + mulberry32(1_000_003 * (i + 1))());
  const total = weights.reduce((a, b) => a + b, 0);
  let assigned = 0;
  const out = rows.map((r, i) => {
    const k = size ? size(i) : i === rows.length - 1 ? n - assigned : Math.floor((n * weights[i]) / total);
    assigned += k;
    return { ...r, index: i, region: r.region ? (REGION_CODE_BY_NAME[r.region] ?? null) : null, households: k };
  });
  return out;
}

export function generateCommune(
  c: BenchCommune,
  rates: Map<string, number>,
  size = c.households,
  salt = 0,
): { households: ParsedHousehold[]; members: ParsedMember[] } {
  const rnd = mulberry32(c.index * 7919 + 17 + salt);
  // A second stream for the sizes, so the households themselves are the same as before members were added.
  const rndSize = mulberry32(c.index * 104729 + 31 + salt);
  const multidim = rates.get(c.region ?? '') ?? rates.get('VN') ?? 0.04;
  const poorShare = 1.93 / (1.93 + 2.13);
  const minority = MINORITY_SHARE[c.region ?? ''] ?? 0.1;
  const households: ParsedHousehold[] = [];
  const members: ParsedMember[] = [];
  for (let k = 0; k < size; k++) {
    const area = rnd() < 0.35 ? 'urban' : 'rural';
    const line = area === 'rural' ? 140 : 175;
    const target = rnd() < multidim ? (rnd() < poorShare ? 'poor' : 'near_poor') : 'none';
    const scoreA = target === 'none' ? line + 1 + Math.floor(rnd() * 150) : line - Math.floor(rnd() * 60);
    const nDeprived =
      target === 'poor'
        ? 3 + Math.floor(rnd() * 4)
        : target === 'near_poor'
          ? Math.floor(rnd() * 3)
          : Math.floor(rnd() * 5);
    const start = Math.floor(rnd() * 12);
    const deprived = Array.from({ length: nDeprived }, (_, j) => INDICATORS[(start + j) % 12]);
    const x = rnd();
    const previousClass: HouseholdClass =
      target === 'poor'
        ? x < 0.7
          ? 'poor'
          : x < 0.85
            ? 'near_poor'
            : 'not_poor'
        : target === 'near_poor'
          ? x < 0.6
            ? 'near_poor'
            : x < 0.8
              ? 'poor'
              : 'not_poor'
          : x < 0.01
            ? 'poor'
            : x < 0.03
              ? 'near_poor'
              : 'not_poor';
    const isMinority = rnd() < minority;
    const code = `H${String(k + 1).padStart(6, '0')}`;
    const name = `Chủ hộ ${c.code}-${k + 1}`;
    households.push({
      row: k + 2,
      code,
      headName: name,
      headIdNumber: null,
      headEthnicity: isMinority ? 'Tày' : 'Kinh',
      ethnicMinority: isMinority,
      village: null,
      area,
      scoreA,
      income: null,
      deprived,
      scoreB: null,
      previousClass,
      decisionNo: null,
      decisionDate: null,
      occupation: null,
      noLabourCapacity: null,
    });
    const size = householdSize(rndSize());
    for (let j = 0; j < size; j++) {
      members.push({
        row: members.length + 2,
        householdCode: code,
        fullName: j === 0 ? name : `Thành viên ${c.code}-${k + 1}-${j + 1}`,
        relation: j === 0 ? 'Chủ hộ' : RELATIONS[j - 1],
        birthDate: null,
        sex: null,
        idNumber: null,
        ethnicity: null,
      });
    }
  }
  return { households, members };
}

/** The generated households and members as rows of the review workbook (what an officer would fill in). */
export function workbookRows(g: { households: ParsedHousehold[]; members: ParsedMember[] }): TemplateRows {
  return {
    households: g.households.map((h) => [
      h.code,
      h.headName,
      null,
      h.headEthnicity,
      null,
      h.area === 'rural' ? 'Nông thôn' : 'Thành thị',
      h.scoreA,
      null,
      h.deprived.join('; '),
      null,
      h.previousClass === 'poor' ? 'Hộ nghèo' : h.previousClass === 'near_poor' ? 'Hộ cận nghèo' : 'Không',
      null,
      null,
    ]),
    members: g.members.map((m) => [m.householdCode, m.fullName, m.relation, null, null, null, null]),
  };
}
