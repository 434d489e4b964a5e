import { foldVietnamese } from '../text';
import { inForce } from '../validity';
import { parseCsv } from './csv';
import { DATA_LOWER_BOUND, DONG_NAI_2026, DONG_NAI_CODE, LEGAL_BASIS, REFORM_DATE, SNAPSHOTS } from './dates';
import { stripUnitPrefix, unitId } from './names';
import { buildRegions } from './regions';
import type {
  CodeAlias,
  LineageKind,
  LineageLink,
  NameAlias,
  UnitLevel,
  UnitSet,
  UnitSourceFiles,
  UnitVersion,
} from './types';

const SRC = {
  history: 'reference/admin/history/units_2021_2025.csv',
  pre2025: 'reference/admin/pre2025',
  post2025: 'reference/admin/post2025',
  mapping: 'reference/admin/mapping/commune_old_to_new.csv',
  provinceMapping: 'reference/admin/mapping/province_old_to_new.csv',
};

/** Codes written differently by Công văn 1027/CTK-CSCL and by the GSO web service (admin-units.md §3). */
export const CODE_ALIASES: CodeAlias[] = [
  {
    level: 'commune',
    aliasCode: '06970',
    code: '06978',
    validFrom: REFORM_DATE,
    validTo: null,
    source: 'Công văn 1027/CTK-CSCL (25/6/2025) ghi 06970; dịch vụ dữ liệu của GSO ghi 06978 (Xã Ba Chẽ)',
  },
  {
    level: 'commune',
    aliasCode: '23737',
    code: '23938',
    validFrom: REFORM_DATE,
    validTo: null,
    source: 'Công văn 1027/CTK-CSCL (25/6/2025) ghi 23737; dịch vụ dữ liệu của GSO ghi 23938 (Xã Ia Mơ)',
  },
];

interface HistoryRecord {
  level: UnitLevel;
  code: string;
  fullName: string;
  unitType: string;
  parentCode: string;
  from: string;
  to: string;
  note: string | null;
}

/** "Phù Hóa" → "Phu Hoa": the form of the code list's name_en column, for versions the current files lack. */
function withoutMarks(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

const PARENT_LEVEL: Record<UnitLevel, UnitLevel | null> = { province: null, district: 'province', commune: 'district' };

/**
 * Turns the history rows (one per distinct level, code, name, parent, with the snapshots it was
 * present in) into validity intervals. A record missing from some snapshots in the middle is bridged
 * when no other record of the same code fills the gap (the 5 island districts without communes are
 * missing from 3 snapshots of 2024); otherwise each run of snapshots is its own interval.
 */
function historyRecords(text: string): HistoryRecord[] {
  const rows = parseCsv(text);
  const index = (d: string) => {
    const i = (SNAPSHOTS as readonly string[]).indexOf(d);
    if (i < 0) throw new Error(`${SRC.history}: ngày ảnh chụp không rõ ${d}`);
    return i;
  };
  const occupied = new Map<string, Set<number>>();
  const parsed = rows.map((r) => {
    const idx = r.present_in_snapshots
      .split(';')
      .map(index)
      .sort((a, b) => a - b);
    const key = `${r.level}:${r.code}`;
    const set = occupied.get(key) ?? new Set<number>();
    idx.forEach((i) => set.add(i));
    occupied.set(key, set);
    return { r, idx };
  });
  const out: HistoryRecord[] = [];
  for (const { r, idx } of parsed) {
    const runs: number[][] = [];
    for (const i of idx) {
      const last = runs[runs.length - 1];
      if (last && i === last[last.length - 1] + 1) last.push(i);
      else runs.push([i]);
    }
    let note: string | null = null;
    if (runs.length > 1) {
      const others = [...(occupied.get(`${r.level}:${r.code}`) ?? [])].filter((i) => !idx.includes(i));
      const gapFree = others.every((i) => i < idx[0] || i > idx[idx.length - 1]);
      if (gapFree) {
        const missing = SNAPSHOTS.filter((_, i) => i > idx[0] && i < idx[idx.length - 1] && !idx.includes(i));
        note = `Không có trong các ảnh chụp ${missing.join(', ')} của nguồn; coi là tồn tại liên tục (suy ra).`;
        runs.splice(0, runs.length, idx);
      }
    }
    for (const run of runs) {
      const first = run[0];
      const last = run[run.length - 1];
      out.push({
        level: r.level as UnitLevel,
        code: r.code,
        fullName: r.full_name,
        unitType: r.unit_type,
        parentCode: r.parent_code,
        from: first === 0 ? DATA_LOWER_BOUND : SNAPSHOTS[first],
        to: last === SNAPSHOTS.length - 1 ? REFORM_DATE : SNAPSHOTS[last + 1],
        note:
          first === 0
            ? [
                note,
                `Có trong ảnh chụp đầu tiên ${SNAPSHOTS[0]}; hiệu lực từ ${DATA_LOWER_BOUND} là giả định (giới hạn dưới của dữ liệu).`,
              ]
                .filter(Boolean)
                .join(' ')
            : note,
      });
    }
  }
  return out;
}

/** Names without prefix and English names, from the code-list files, by level:code:full name. */
function nameIndex(files: UnitSourceFiles): Map<string, { name: string; nameEn: string }> {
  const idx = new Map<string, { name: string; nameEn: string }>();
  const add = (level: UnitLevel, codeCol: string, text: string) => {
    for (const r of parseCsv(text))
      idx.set(`${level}:${r[codeCol]}:${r.full_name}`, { name: r.name, nameEn: r.name_en });
  };
  add('province', 'province_code', files.pre2025Provinces);
  add('district', 'district_code', files.pre2025Districts);
  add('commune', 'commune_code', files.pre2025Communes);
  return idx;
}

class UnitIndex {
  readonly units: UnitVersion[] = [];
  private byCode = new Map<string, UnitVersion[]>();
  readonly byId = new Map<string, UnitVersion>();

  add(u: UnitVersion) {
    if (this.byId.has(u.id)) throw new Error(`Trùng mã phiên bản đơn vị ${u.id}`);
    this.units.push(u);
    this.byId.set(u.id, u);
    const key = `${u.level}:${u.code}`;
    const list = this.byCode.get(key) ?? [];
    list.push(u);
    list.sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
    this.byCode.set(key, list);
  }

  versions(level: UnitLevel, code: string): UnitVersion[] {
    return this.byCode.get(`${level}:${code}`) ?? [];
  }

  /** The version of a code valid on d, if any. */
  on(level: UnitLevel, code: string, d: string): UnitVersion | undefined {
    return this.versions(level, code).find((u) => inForce(u, d));
  }

  /** The parent versions covering [from, to), in order; throws when the parent does not cover it. */
  cover(level: UnitLevel, code: string, from: string, to: string, what: string): UnitVersion[] {
    const pieces = this.versions(level, code).filter(
      (p) => p.validFrom < to && (p.validTo === null || p.validTo > from),
    );
    let at = from;
    for (const p of pieces) {
      if (p.validFrom > at) break;
      at = p.validTo ?? '9999-12-31';
    }
    if (pieces.length === 0 || pieces[0].validFrom > from || at < to) {
      throw new Error(`${what}: đơn vị cấp trên ${level} ${code} không có hiệu lực suốt [${from}, ${to})`);
    }
    return pieces;
  }
}

/** Versions of the pre-2025 units from the history, each split where its parent changes version. */
function buildPre2025(files: UnitSourceFiles, index: UnitIndex, sameUnit: Set<string>) {
  const names = nameIndex(files);
  const records = historyRecords(files.history);
  for (const level of ['province', 'district', 'commune'] as const) {
    for (const rec of records.filter((r) => r.level === level)) {
      const known = names.get(`${level}:${rec.code}:${rec.fullName}`);
      const base = {
        code: rec.code,
        level,
        unitType: rec.unitType,
        name: known?.name ?? stripUnitPrefix(rec.fullName),
        fullName: rec.fullName,
        nameEn: known?.nameEn ?? withoutMarks(stripUnitPrefix(rec.fullName)),
        validTo: rec.to,
        legalBasis: null,
        source: SRC.history,
        note: rec.note,
      };
      const parentLevel = PARENT_LEVEL[level];
      if (!parentLevel) {
        const id = unitId(level, rec.code, rec.from);
        index.add({ ...base, id, parentId: null, provinceId: id, validFrom: rec.from });
        continue;
      }
      const parents = index.cover(parentLevel, rec.parentCode, rec.from, rec.to, `${SRC.history} ${level} ${rec.code}`);
      let prev: string | null = null;
      for (const p of parents) {
        const from = p.validFrom > rec.from ? p.validFrom : rec.from;
        const to = p.validTo !== null && p.validTo < rec.to ? p.validTo : rec.to;
        const id = unitId(level, rec.code, from);
        index.add({ ...base, id, parentId: p.id, provinceId: p.provinceId, validFrom: from, validTo: to });
        if (prev) sameUnit.add(`${prev}>${id}`);
        prev = id;
      }
    }
  }
}

function buildPost2025(files: UnitSourceFiles, index: UnitIndex, nameAliases: NameAlias[], lineage: LineageLink[]) {
  const source2026 = `${SRC.post2025} (cột *_2026)`;
  const provinces = parseCsv(files.post2025Provinces);
  for (const r of provinces) {
    const id = unitId('province', r.province_code, REFORM_DATE);
    const dongNai = r.province_code === DONG_NAI_CODE;
    index.add({
      id,
      code: r.province_code,
      level: 'province',
      unitType: r.unit_type,
      name: r.name,
      fullName: r.full_name,
      nameEn: r.name_en,
      parentId: null,
      provinceId: id,
      validFrom: REFORM_DATE,
      validTo: dongNai ? DONG_NAI_2026 : null,
      legalBasis: LEGAL_BASIS.provinces2025,
      source: `${SRC.post2025}/provinces.csv`,
      note: null,
    });
    if (dongNai) {
      const id2 = unitId('province', r.province_code, DONG_NAI_2026);
      index.add({
        id: id2,
        code: r.province_code,
        level: 'province',
        unitType: r.unit_type_2026,
        name: stripUnitPrefix(r.full_name_2026),
        fullName: r.full_name_2026,
        nameEn: r.name_en,
        parentId: null,
        provinceId: id2,
        validFrom: DONG_NAI_2026,
        validTo: null,
        legalBasis: LEGAL_BASIS.dongNaiCity,
        source: source2026,
        note: 'Tỉnh Đồng Nai trở thành thành phố trực thuộc trung ương.',
      });
      lineage.push(
        sameUnitLink(
          id,
          id2,
          DONG_NAI_2026,
          LEGAL_BASIS.dongNaiCity,
          'Đổi loại đơn vị: Tỉnh → Thành phố trực thuộc trung ương.',
        ),
      );
    } else if (r.full_name_2026 !== r.full_name) {
      nameAliases.push({ unitId: id, alias: r.full_name_2026, kind: 'spelling_2026', source: source2026 });
    }
  }
  for (const r of parseCsv(files.post2025Communes)) {
    const parent = index.on('province', r.province_code, REFORM_DATE);
    if (!parent) throw new Error(`${SRC.post2025}/communes.csv: tỉnh ${r.province_code} không có`);
    const id = unitId('commune', r.commune_code, REFORM_DATE);
    const dongNai = r.province_code === DONG_NAI_CODE;
    index.add({
      id,
      code: r.commune_code,
      level: 'commune',
      unitType: r.unit_type,
      name: r.name,
      fullName: r.full_name,
      nameEn: r.name_en,
      parentId: parent.id,
      provinceId: parent.id,
      validFrom: REFORM_DATE,
      validTo: dongNai ? DONG_NAI_2026 : null,
      legalBasis: LEGAL_BASIS.communes2025,
      source: `${SRC.post2025}/communes.csv`,
      note: null,
    });
    if (dongNai) {
      const parent2 = index.on('province', DONG_NAI_CODE, DONG_NAI_2026)!;
      const id2 = unitId('commune', r.commune_code, DONG_NAI_2026);
      const reclassified = r.unit_type_2026 !== r.unit_type;
      index.add({
        id: id2,
        code: r.commune_code,
        level: 'commune',
        unitType: r.unit_type_2026,
        name: stripUnitPrefix(r.full_name_2026),
        fullName: r.full_name_2026,
        nameEn: r.name_en,
        parentId: parent2.id,
        provinceId: parent2.id,
        validFrom: DONG_NAI_2026,
        validTo: null,
        legalBasis: reclassified ? LEGAL_BASIS.dongNaiWards : LEGAL_BASIS.dongNaiCity,
        source: source2026,
        note: reclassified
          ? `Đổi loại đơn vị: ${r.unit_type} → ${r.unit_type_2026}.`
          : 'Phiên bản mới vì đơn vị cấp trên thành thành phố trực thuộc trung ương.',
      });
      lineage.push(
        sameUnitLink(
          id,
          id2,
          DONG_NAI_2026,
          reclassified ? LEGAL_BASIS.dongNaiWards : LEGAL_BASIS.dongNaiCity,
          reclassified ? `${r.unit_type} → ${r.unit_type_2026}` : 'Đơn vị cấp trên đổi phiên bản.',
        ),
      );
    } else if (r.full_name_2026 !== r.full_name) {
      nameAliases.push({ unitId: id, alias: r.full_name_2026, kind: 'spelling_2026', source: source2026 });
    }
  }
}

function sameUnitLink(
  fromId: string,
  toId: string,
  effective: string,
  legalBasis: string | null,
  note: string | null,
): LineageLink {
  return {
    fromId,
    toId,
    relation: 'full',
    effective,
    kind: 'same_unit',
    legalBasis,
    qaFlag: null,
    resolved: true,
    note,
  };
}

/** Links between consecutive versions of one code before the reform. */
function sameCodeLinks(index: UnitIndex, splits: Set<string>): LineageLink[] {
  const links: LineageLink[] = [];
  const seen = new Set<string>();
  for (const u of index.units) {
    if (u.validFrom >= REFORM_DATE) continue;
    const key = `${u.level}:${u.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const versions = index.versions(u.level, u.code).filter((v) => v.validFrom < REFORM_DATE);
    for (let i = 1; i < versions.length; i++) {
      const a = versions[i - 1];
      const b = versions[i];
      if (a.validTo !== b.validFrom) continue; // the code vanished, then came back: no link
      const parentCode = (v: UnitVersion) => (v.parentId ? v.parentId.split(':')[1] : '');
      let kind: LineageKind;
      let note: string;
      if (splits.has(`${a.id}>${b.id}`)) {
        kind = 'same_unit';
        note = 'Đơn vị cấp trên đổi phiên bản.';
      } else if (u.level === 'province') {
        // 63 provinces in every snapshot 2021-2025: no province merged or split (admin-units.md §1)
        kind = 'same_unit';
        note = `Đổi tên/loại: ${a.fullName} → ${b.fullName}.`;
      } else if (
        foldVietnamese(a.fullName) === foldVietnamese(b.fullName) &&
        a.unitType === b.unitType &&
        parentCode(a) === parentCode(b)
      ) {
        kind = 'same_unit';
        note = `Sửa chính tả giữa các lần phát hành: ${a.fullName} → ${b.fullName}.`;
      } else {
        kind = 'same_code';
        note = `Cùng mã ${u.code} ở ảnh chụp kế tiếp: ${a.fullName} → ${b.fullName} (suy ra từ history/, chưa đối chiếu nghị quyết; có thể đã nhập thêm đơn vị khác).`;
      }
      links.push({
        fromId: a.id,
        toId: b.id,
        relation: 'full',
        effective: b.validFrom,
        kind,
        legalBasis: null,
        qaFlag: null,
        resolved: true,
        note,
      });
    }
  }
  return links;
}

/** The last pre-reform version of a code (the one the mapping refers to). */
function lastBefore(index: UnitIndex, level: UnitLevel, code: string): UnitVersion | undefined {
  const list = index.versions(level, code).filter((v) => v.validFrom < REFORM_DATE);
  return list[list.length - 1];
}

function reformLinks(files: UnitSourceFiles, index: UnitIndex): LineageLink[] {
  const links: LineageLink[] = [];
  for (const r of parseCsv(files.provinceMapping)) {
    const from = lastBefore(index, 'province', r.old_province_code);
    const to = index.on('province', r.new_province_code, REFORM_DATE);
    if (!from || !to)
      throw new Error(`${SRC.provinceMapping}: ${r.old_province_code} → ${r.new_province_code} không khớp danh mục`);
    links.push({
      fromId: from.id,
      toId: to.id,
      relation: 'full',
      effective: REFORM_DATE,
      kind: 'reform_2025',
      legalBasis: LEGAL_BASIS.provinces2025,
      qaFlag: null,
      resolved: true,
      note: null,
    });
  }
  for (const [i, r] of parseCsv(files.communeMapping).entries()) {
    const where = `${SRC.mapping} dòng ${i + 2}`;
    const island = r.old_commune_code === '';
    const from = island
      ? lastBefore(index, 'district', r.old_district_code)
      : lastBefore(index, 'commune', r.old_commune_code);
    const to = index.on('commune', r.new_commune_code, REFORM_DATE);
    if (!from || !to)
      throw new Error(
        `${where}: ${r.old_commune_code || r.old_district_code} → ${r.new_commune_code} không khớp danh mục`,
      );
    if (!island && from.parentId?.split(':')[1] !== r.old_district_code)
      throw new Error(`${where}: huyện ${r.old_district_code} không khớp`);
    const suspect = r.qa_flag.startsWith('SUSPECT');
    const notes: string[] = [];
    if (island) notes.push(`Huyện đảo không có xã (${r.old_district_name}) → đặc khu.`);
    if (from.validTo !== REFORM_DATE)
      notes.push(`Đơn vị đã thôi hiệu lực từ ${from.validTo} nhưng vẫn có trong danh sách dùng cho bảng chuyển đổi.`);
    if (suspect) notes.push(QA_FLAG_VI[r.qa_flag] ?? r.qa_flag);
    if (r.relation === 'partial') notes.push(`Đơn vị cũ được chia cho ${r.n_new_units} đơn vị mới.`);
    notes.push('Nguồn: bảng chuyển đổi dvhcvn/20250701 (không chính thức).');
    links.push({
      fromId: from.id,
      toId: to.id,
      relation: r.relation as 'full' | 'partial',
      effective: REFORM_DATE,
      kind: 'reform_2025',
      legalBasis: LEGAL_BASIS.communes2025,
      qaFlag: suspect ? 'SUSPECT' : null,
      resolved: !suspect,
      note: notes.join(' '),
    });
  }
  return links;
}

/**
 * The checks of the mapping file are written in English; an official reads them in Vietnamese (a check
 * without an entry here is kept as written, so that nothing is hidden).
 */
const QA_FLAG_VI: Record<string, string> = {
  'SUSPECT: only old commune from another old province feeding this new commune (likely name confusion)':
    'Nghi vấn: là xã cũ duy nhất thuộc một tỉnh cũ khác nhập vào xã mới này (có thể nhầm tên).',
  'SUSPECT: target commune is in a different new province than the old province merged into':
    'Nghi vấn: xã mới thuộc một tỉnh mới khác với tỉnh mà tỉnh cũ được hợp nhất vào.',
};

/** Builds every unit version, lineage link, alias and region of reference/admin. Pure. */
export function buildUnitSet(files: UnitSourceFiles): UnitSet {
  const index = new UnitIndex();
  const splits = new Set<string>();
  const nameAliases: NameAlias[] = [];
  const lineage: LineageLink[] = [];
  buildPre2025(files, index, splits);
  buildPost2025(files, index, nameAliases, lineage);
  lineage.push(...sameCodeLinks(index, splits), ...reformLinks(files, index));
  const { regions, regionMembers } = buildRegions(
    parseCsv(files.pre2025Provinces),
    parseCsv(files.provinceMapping),
    index.units,
  );
  return { units: index.units, lineage, codeAliases: CODE_ALIASES, nameAliases, regions, regionMembers };
}
