import { DATA_LOWER_BOUND, REFORM_DATE } from '../units/dates';

/**
 * Agencies of the Program over time (cơ quan): the Government, ministries and central agencies, and
 * one People's Committee (UBND tỉnh) with its labour/poverty department per province version.
 * Facts come from /work/shared/domain/README.md ("Who is who", Glossary). Names marked † there are
 * standard names added for the UI (UNVERIFIED spelling); anything the notes do not confirm is kept
 * as data with verified = false and a note saying what is unverified.
 */
export type AgencyKind = 'government' | 'ministry' | 'central_agency' | 'people_committee' | 'department' | 'other';

export interface Agency {
  id: string;
  code: string;
  kind: AgencyKind;
  name: string;
  shortName: string | null;
  nameEn: string | null;
  parentId: string | null;
  unitId: string | null;
  validFrom: string;
  validTo: string | null;
  successorId: string | null;
  legalBasis: string | null;
  source: string;
  verified: boolean;
  note: string | null;
}

/**
 * The 2025 reorganisation of the Government: poverty reduction moved from MOLISA to MAE on 01/03/2025
 * (Nghị định 35/2025/NĐ-CP, VERIFIED; reference/legal/plan.csv), labour and employment to the Ministry
 * of Home Affairs (VERIFIED [S30, S104], act not recorded). The acts and dates for the other ministries
 * stay UNVERIFIED. The plan hands work over by function (agency_function_transfer), not by this one date.
 */
export const REORGANISATION_2025 = '2025-03-01';
const REORG_NOTE = `Ngày ${REORGANISATION_2025}: ĐÃ XÁC MINH cho Bộ Nông nghiệp và Môi trường (Nghị định 35/2025/NĐ-CP); văn bản và ngày đối với các bộ khác: CHƯA XÁC MINH.`;
const LOWER_NOTE = `Cơ quan có trước năm 2021; ${DATA_LOWER_BOUND} là giới hạn dưới của dữ liệu, không phải ngày thành lập.`;
const DAGGER = 'Tên chính thức thêm cho giao diện (†), chính tả CHƯA XÁC MINH.';
const SRC = 'Tài liệu nghiệp vụ dự án: domain/README.md ("Who is who", Glossary)';

type Central = Omit<Agency, 'unitId' | 'legalBasis' | 'code' | 'source'> & {
  code?: string;
  legalBasis?: string | null;
  source?: string;
};

const CENTRAL: Central[] = [
  {
    id: 'QH',
    kind: 'other',
    name: 'Quốc hội',
    shortName: 'Quốc hội',
    nameEn: 'National Assembly',
    parentId: null,
    validFrom: DATA_LOWER_BOUND,
    validTo: null,
    successorId: null,
    verified: true,
    note: `Phê duyệt chủ trương đầu tư (NQ 24/2021/QH15); nhận báo cáo hằng năm [S6, S7]. ${LOWER_NOTE}`,
    legalBasis: 'NQ 24/2021/QH15',
  },
  {
    id: 'GOV',
    kind: 'government',
    name: 'Chính phủ',
    shortName: 'Chính phủ',
    nameEn: 'Government of Viet Nam',
    parentId: null,
    validFrom: DATA_LOWER_BOUND,
    validTo: null,
    successorId: null,
    verified: true,
    note: `Thủ tướng Chính phủ phê duyệt chương trình (QĐ 90/QĐ-TTg) [S112]. ${LOWER_NOTE}`,
  },
  {
    id: 'BCD-TW-2021',
    kind: 'other',
    name: 'Ban Chỉ đạo Trung ương các chương trình mục tiêu quốc gia giai đoạn 2021-2025',
    shortName: 'Ban Chỉ đạo Trung ương',
    nameEn: 'Central Steering Committee for the National Target Programs',
    parentId: 'GOV',
    validFrom: '2021-11-18',
    validTo: '2025-06-02',
    successorId: 'BCD-TW-2025',
    verified: true,
    legalBasis: 'QĐ 1945/QĐ-TTg (18/11/2021)',
    note: 'Trưởng ban: Phó Thủ tướng Phạm Bình Minh [S70, S71]. Ngày kết thúc = ngày thành lập lại (QĐ 1061/QĐ-TTg).',
  },
  {
    id: 'BCD-TW-2025',
    kind: 'other',
    name: 'Ban Chỉ đạo Trung ương các chương trình mục tiêu quốc gia',
    shortName: 'Ban Chỉ đạo Trung ương',
    nameEn: 'Central Steering Committee for the National Target Programs',
    parentId: 'GOV',
    validFrom: '2025-06-02',
    validTo: null,
    successorId: null,
    verified: true,
    legalBasis: 'QĐ 1061/QĐ-TTg (02/06/2025); thành viên cập nhật theo QĐ 2594/QĐ-TTg (26/11/2025)',
    note: 'Thành lập lại, trưởng ban Nguyễn Hòa Bình [S72, S73].',
  },
  {
    id: 'MOLISA',
    kind: 'ministry',
    name: 'Bộ Lao động - Thương binh và Xã hội',
    shortName: 'Bộ LĐ-TB&XH',
    nameEn: 'Ministry of Labour, Invalids and Social Affairs',
    parentId: 'GOV',
    validFrom: DATA_LOWER_BOUND,
    validTo: REORGANISATION_2025,
    successorId: 'MAE',
    verified: false,
    note: `Cơ quan chủ quản chương trình 2021-2025: ĐÃ XÁC MINH [S4, S6]. Nhiệm vụ giảm nghèo chuyển sang Bộ Nông nghiệp và Môi trường, lao động - việc làm sang Bộ Nội vụ [S30, S104]. ${REORG_NOTE} ${LOWER_NOTE}`,
  },
  // The office continues under the new ministry: TT 13/2025/TT-BNNMT (19/06/2025) is proposed by its Chief
  // (reference/legal/plan.csv).
  {
    id: 'NOPR',
    kind: 'central_agency',
    name: 'Văn phòng Quốc gia về giảm nghèo',
    shortName: 'VPQG giảm nghèo',
    nameEn: 'National Office for Poverty Reduction',
    parentId: 'MAE',
    validFrom: DATA_LOWER_BOUND,
    validTo: null,
    successorId: null,
    verified: false,
    note: `Thuộc Bộ LĐ-TB&XH đến ${REORGANISATION_2025}, từ đó thuộc Bộ Nông nghiệp và Môi trường (Nghị định 35/2025/NĐ-CP; Thông tư 13/2025/TT-BNNMT do Chánh Văn phòng Quốc gia về giảm nghèo đề xuất, nguồn thứ cấp). Chánh Văn phòng đề xuất thông tư giám sát, đánh giá [S66, S69]. ${DAGGER}`,
  },
  {
    id: 'MAE',
    kind: 'ministry',
    name: 'Bộ Nông nghiệp và Môi trường',
    shortName: 'Bộ NN&MT',
    nameEn: 'Ministry of Agriculture and Environment',
    parentId: 'GOV',
    validFrom: REORGANISATION_2025,
    validTo: null,
    successorId: null,
    verified: false,
    note: `Cơ quan chủ quản từ 2025; soạn chuẩn nghèo 2026-2030 và chương trình hợp nhất 2026-2035: ĐÃ XÁC MINH [S30, S100, S92]. ${REORG_NOTE}`,
  },
  {
    id: 'MARD',
    kind: 'ministry',
    name: 'Bộ Nông nghiệp và Phát triển nông thôn',
    shortName: 'Bộ NN&PTNT',
    nameEn: 'Ministry of Agriculture and Rural Development',
    parentId: 'GOV',
    validFrom: DATA_LOWER_BOUND,
    validTo: REORGANISATION_2025,
    successorId: 'MAE',
    verified: false,
    note: `Hợp nhất vào Bộ Nông nghiệp và Môi trường năm 2025. ${DAGGER} ${REORG_NOTE}`,
  },
  {
    id: 'MPI',
    kind: 'ministry',
    name: 'Bộ Kế hoạch và Đầu tư',
    shortName: 'Bộ KH&ĐT',
    nameEn: 'Ministry of Planning and Investment',
    parentId: 'GOV',
    validFrom: DATA_LOWER_BOUND,
    validTo: REORGANISATION_2025,
    successorId: 'MOF',
    verified: false,
    note: `Soạn Nghị định 27/2022/NĐ-CP [S59, S111]. ${DAGGER} Việc hợp nhất vào Bộ Tài chính năm 2025 không có trong tài liệu dự án: CHƯA XÁC MINH. ${REORG_NOTE}`,
  },
  {
    id: 'MOF',
    kind: 'ministry',
    name: 'Bộ Tài chính',
    shortName: 'Bộ TC',
    nameEn: 'Ministry of Finance',
    parentId: 'GOV',
    validFrom: DATA_LOWER_BOUND,
    validTo: null,
    successorId: null,
    verified: true,
    note: `Hướng dẫn tài chính (TT 46/2022/TT-BTC, TT 55/2023/TT-BTC); từ 2025 quản lý cơ sở dữ liệu quốc gia về các CTMTQG [S17, S18, S64]. ${LOWER_NOTE}`,
  },
  {
    id: 'MOH',
    kind: 'ministry',
    name: 'Bộ Y tế',
    shortName: 'Bộ YT',
    nameEn: 'Ministry of Health',
    parentId: 'GOV',
    validFrom: DATA_LOWER_BOUND,
    validTo: null,
    successorId: null,
    verified: true,
    note: `Chủ trì tiểu dự án cải thiện dinh dưỡng. ${LOWER_NOTE}`,
  },
  {
    id: 'MIC',
    kind: 'ministry',
    name: 'Bộ Thông tin và Truyền thông',
    shortName: 'Bộ TT&TT',
    nameEn: 'Ministry of Information and Communications',
    parentId: 'GOV',
    validFrom: DATA_LOWER_BOUND,
    validTo: REORGANISATION_2025,
    successorId: 'MOST',
    verified: false,
    note: `Chủ trì tiểu dự án giảm nghèo về thông tin. Việc hợp nhất vào Bộ Khoa học và Công nghệ năm 2025 không có trong tài liệu dự án: CHƯA XÁC MINH. ${REORG_NOTE}`,
  },
  {
    id: 'MOST',
    kind: 'ministry',
    name: 'Bộ Khoa học và Công nghệ',
    shortName: 'Bộ KH&CN',
    nameEn: 'Ministry of Science and Technology',
    parentId: 'GOV',
    validFrom: DATA_LOWER_BOUND,
    validTo: null,
    successorId: null,
    verified: false,
    note: `Chỉ có ở đây vì được coi là nơi tiếp nhận nhiệm vụ của Bộ TT&TT năm 2025: CHƯA XÁC MINH. ${LOWER_NOTE}`,
  },
  {
    id: 'MOC',
    kind: 'ministry',
    name: 'Bộ Xây dựng',
    shortName: 'Bộ XD',
    nameEn: 'Ministry of Construction',
    parentId: 'GOV',
    validFrom: DATA_LOWER_BOUND,
    validTo: null,
    successorId: null,
    verified: false,
    note: `Hỗ trợ nhà ở: vai trò chủ trì CHƯA XÁC MINH (domain/README.md). ${LOWER_NOTE}`,
  },
  {
    id: 'MOHA',
    kind: 'ministry',
    name: 'Bộ Nội vụ',
    shortName: 'Bộ NV',
    nameEn: 'Ministry of Home Affairs',
    parentId: 'GOV',
    validFrom: DATA_LOWER_BOUND,
    validTo: null,
    successorId: null,
    verified: true,
    note: `Từ 2025 tiếp nhận lao động, việc làm từ Bộ LĐ-TB&XH [S30, S104]; ngày: CHƯA XÁC MINH. ${LOWER_NOTE}`,
  },
  {
    id: 'CEMA',
    kind: 'ministry',
    name: 'Ủy ban Dân tộc',
    shortName: 'UBDT',
    nameEn: 'Committee for Ethnic Minority Affairs',
    parentId: 'GOV',
    validFrom: DATA_LOWER_BOUND,
    validTo: REORGANISATION_2025,
    successorId: 'MEMR',
    verified: false,
    note: `Cơ quan ngang bộ. ${DAGGER} Việc chuyển thành Bộ Dân tộc và Tôn giáo năm 2025 không có trong tài liệu dự án: CHƯA XÁC MINH. ${REORG_NOTE}`,
  },
  {
    id: 'MEMR',
    kind: 'ministry',
    name: 'Bộ Dân tộc và Tôn giáo',
    shortName: 'Bộ DT&TG',
    nameEn: 'Ministry of Ethnic Minorities and Religions',
    parentId: 'GOV',
    validFrom: REORGANISATION_2025,
    validTo: null,
    successorId: null,
    verified: false,
    note: `Tên và ngày thành lập không có trong tài liệu dự án: CHƯA XÁC MINH. ${REORG_NOTE}`,
  },
  {
    id: 'VBSP',
    kind: 'central_agency',
    name: 'Ngân hàng Chính sách xã hội',
    shortName: 'NHCSXH',
    nameEn: 'Vietnam Bank for Social Policies',
    parentId: 'GOV',
    validFrom: DATA_LOWER_BOUND,
    validTo: null,
    successorId: null,
    verified: false,
    note: `Tín dụng chính sách (≈ 23.000 tỷ đồng 2026-2030 [S93, S95]). ${DAGGER} ${LOWER_NOTE}`,
  },
];

export function centralAgencies(): Agency[] {
  return CENTRAL.map((a) => ({ code: a.id, legalBasis: null, source: SRC, ...a, unitId: null }));
}

/** What a province version looks like to the agency builder. */
export interface ProvinceVersion {
  id: string;
  code: string;
  fullName: string;
  unitType: string;
  validFrom: string;
  validTo: string | null;
  /** The province version(s) it became (resolved, full lineage), if any. */
  successorIds: string[];
}

/** "Tỉnh Hà Giang" → "tỉnh Hà Giang", as the name of a People's Committee writes it. */
export function inProvince(fullName: string): string {
  return fullName.charAt(0).toLowerCase() + fullName.slice(1);
}

const PC_NOTE =
  'Ủy ban nhân dân tỉnh và ban chỉ đạo cấp tỉnh: ĐÃ XÁC MINH [S74, S39]. Hiệu lực theo phiên bản đơn vị hành chính.';

/**
 * One People's Committee per province version (63 before 1 July 2025, 34 after), and its
 * labour/poverty department: the Sở Lao động - Thương binh và Xã hội (DOLISA, reports review
 * results [S39]) before the reform, the Sở Nông nghiệp và Môi trường after it (UNVERIFIED: the
 * notes only say that the ministry changed). Ids: 'UBND:01:2025-07-01', 'SLDTBXH:…', 'SNNMT:…'.
 */
export function provincialAgencies(provinces: ProvinceVersion[]): Agency[] {
  const out: Agency[] = [];
  const pcId = (p: { code: string; validFrom: string }) => `UBND:${p.code}:${p.validFrom}`;
  const deptOf = (p: { code: string; validFrom: string }) =>
    p.validFrom < REFORM_DATE ? `SLDTBXH:${p.code}:${p.validFrom}` : `SNNMT:${p.code}:${p.validFrom}`;
  const byId = new Map(provinces.map((p) => [p.id, p]));
  for (const p of provinces) {
    const succ = p.successorIds.length === 1 ? byId.get(p.successorIds[0]) : undefined;
    const where = inProvince(p.fullName);
    out.push({
      id: pcId(p),
      code: `UBND-${p.code}`,
      kind: 'people_committee',
      name: `Ủy ban nhân dân ${where}`,
      shortName: `UBND ${where}`,
      nameEn: null,
      parentId: null,
      unitId: p.id,
      validFrom: p.validFrom,
      validTo: p.validTo,
      successorId: succ ? pcId(succ) : null,
      legalBasis: null,
      source: SRC,
      verified: true,
      note: PC_NOTE,
    });
    const before = p.validFrom < REFORM_DATE;
    out.push({
      id: deptOf(p),
      code: `${before ? 'SLDTBXH' : 'SNNMT'}-${p.code}`,
      kind: 'department',
      name: `${before ? 'Sở Lao động - Thương binh và Xã hội' : 'Sở Nông nghiệp và Môi trường'} ${where}`,
      shortName: before ? `Sở LĐ-TB&XH ${where}` : `Sở NN&MT ${where}`,
      nameEn: before
        ? 'Department of Labour, Invalids and Social Affairs (DOLISA)'
        : 'Department of Agriculture and Environment',
      parentId: pcId(p),
      unitId: p.id,
      validFrom: p.validFrom,
      validTo: p.validTo,
      successorId: succ ? deptOf(succ) : null,
      legalBasis: null,
      source: SRC,
      verified: false,
      note: before
        ? `Cơ quan lao động cấp tỉnh báo cáo kết quả rà soát [S39]. ${DAGGER} Từ ${REORGANISATION_2025} hợp nhất vào Sở Nội vụ (Nghị định 45/2025/NĐ-CP, hiệu lực 01/03/2025, Điều 8; nguồn thứ cấp taphalaw.com); dữ liệu này chưa tách giai đoạn 01/03–30/06/2025 (sở tiếp nhận nhiệm vụ giảm nghèo trong giai đoạn đó: CHƯA XÁC MINH).`
        : 'Sở tiếp nhận nhiệm vụ giảm nghèo cấp tỉnh sau cải cách: suy ra từ việc chuyển nhiệm vụ ở trung ương sang Bộ Nông nghiệp và Môi trường; CHƯA XÁC MINH.',
    });
  }
  return out;
}
