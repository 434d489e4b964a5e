/**
 * The poverty standards as versioned data, each value with its legal citation, its
 * verification status and the source ids of shared/domain/poverty-standard.md.
 * Code never hard-codes these numbers: the engine reads them from a standard version.
 * Values the notes do not have are absent (null), never guessed.
 */
import type {
  ByArea,
  Indicator,
  PovertyStandard,
  Sourced,
  StandardApplication,
  StandardCatalog,
  VerificationStatus,
} from './types';

const ND07 = 'Nghị định 07/2021/NĐ-CP';
const TT07 = 'Thông tư 07/2021/TT-BLĐTBXH';
const ND30 = 'Nghị định 30/2025/NĐ-CP';
const ND351 = 'Nghị định 351/2025/NĐ-CP';

function sourced<T>(
  value: T,
  citation: string,
  status: VerificationStatus,
  sources: string[],
  note?: string,
): Sourced<T> {
  return note ? { value, citation, status, sources, note } : { value, citation, status, sources };
}

function byArea<T>(rural: Sourced<T>, urban: Sourced<T>): ByArea<Sourced<T>> {
  return { rural, urban };
}

const NAMES_VERIFIED =
  'Tên chiều và tên chỉ số: VERIFIED [S23, S24]; ngưỡng thiếu hụt lấy từ phụ lục của Nghị định, chưa truy xuất được.';

/** The 12 indicators of Decree 07/2021, Art. 3 (6 dimensions). Status = status of the threshold wording. */
export const INDICATORS_ND07: Indicator[] = [
  {
    code: '1.1',
    key: 'employment',
    dimensionCode: '1',
    dimensionVi: 'Việc làm',
    nameVi: 'Việc làm',
    nameEn: 'Employment',
    thresholdVi:
      'Hộ có ít nhất 1 người trong độ tuổi lao động có khả năng lao động đang thất nghiệp, hoặc làm công hưởng lương không có hợp đồng lao động',
    status: 'partial',
    sources: ['S27'],
    note: NAMES_VERIFIED,
  },
  {
    code: '1.2',
    key: 'dependants',
    dimensionCode: '1',
    dimensionVi: 'Việc làm',
    nameVi: 'Người phụ thuộc trong hộ gia đình',
    nameEn: 'Dependants',
    thresholdVi:
      'Người phụ thuộc chiếm trên 50% số thành viên hộ (trẻ em dưới 16 tuổi, người cao tuổi, người khuyết tật)',
    status: 'partial',
    sources: ['S27'],
    note: NAMES_VERIFIED,
  },
  {
    code: '2.1',
    key: 'nutrition',
    dimensionCode: '2',
    dimensionVi: 'Y tế',
    nameVi: 'Dinh dưỡng',
    nameEn: 'Nutrition',
    thresholdVi: 'Hộ có ít nhất 1 trẻ em dưới 16 tuổi suy dinh dưỡng thấp còi hoặc nhẹ cân',
    status: 'partial',
    sources: ['S27'],
    note: NAMES_VERIFIED,
  },
  {
    code: '2.2',
    key: 'health_insurance',
    dimensionCode: '2',
    dimensionVi: 'Y tế',
    nameVi: 'Bảo hiểm y tế',
    nameEn: 'Health insurance',
    thresholdVi: 'Hộ có ít nhất 1 người từ đủ 6 tuổi trở lên không có bảo hiểm y tế',
    status: 'unverified',
    sources: [],
    note: `${NAMES_VERIFIED} Mốc tuổi (6) chưa xác minh.`,
  },
  {
    code: '3.1',
    key: 'adult_education',
    dimensionCode: '3',
    dimensionVi: 'Giáo dục',
    nameVi: 'Trình độ giáo dục của người lớn',
    nameEn: 'Adult education',
    thresholdVi:
      'Hộ có ít nhất 1 người từ 16 đến 30 tuổi không tham gia học tập và không có bằng cấp phù hợp với độ tuổi (16 đến dưới 18: THCS; 18-30: THPT hoặc trình độ nghề)',
    status: 'partial',
    sources: ['G3'],
    note: `${NAMES_VERIFIED} Câu chữ chưa xác minh.`,
  },
  {
    code: '3.2',
    key: 'child_school_attendance',
    dimensionCode: '3',
    dimensionVi: 'Giáo dục',
    nameVi: 'Tình trạng đi học của trẻ em',
    nameEn: 'Child school attendance',
    thresholdVi: 'Hộ có ít nhất 1 trẻ em từ 3 đến dưới 16 tuổi không được học đúng bậc, cấp học phù hợp với độ tuổi',
    status: 'partial',
    sources: ['G3'],
    note: NAMES_VERIFIED,
  },
  {
    code: '4.1',
    key: 'housing_quality',
    dimensionCode: '4',
    dimensionVi: 'Nhà ở',
    nameVi: 'Chất lượng nhà ở',
    nameEn: 'Housing quality',
    thresholdVi:
      'Hộ đang ở nhà không bền chắc (ít nhất 2 trong 3 kết cấu chính tường, cột, mái làm bằng vật liệu không bền chắc)',
    status: 'partial',
    sources: ['G3'],
    note: NAMES_VERIFIED,
  },
  {
    code: '4.2',
    key: 'housing_area',
    dimensionCode: '4',
    dimensionVi: 'Nhà ở',
    nameVi: 'Diện tích nhà ở bình quân đầu người',
    nameEn: 'Housing area per person',
    thresholdVi: 'Diện tích nhà ở bình quân dưới 8 m²/người',
    status: 'partial',
    sources: ['G3'],
    note: NAMES_VERIFIED,
  },
  {
    code: '5.1',
    key: 'drinking_water',
    dimensionCode: '5',
    dimensionVi: 'Nước sinh hoạt và vệ sinh',
    nameVi: 'Nguồn nước sinh hoạt',
    nameEn: 'Domestic water source',
    thresholdVi: 'Hộ không tiếp cận được nguồn nước sinh hoạt an toàn, hợp vệ sinh',
    status: 'partial',
    sources: [],
    note: `${NAMES_VERIFIED} Danh mục nguồn nước chấp nhận được chưa xác minh.`,
  },
  {
    code: '5.2',
    key: 'sanitation',
    dimensionCode: '5',
    dimensionVi: 'Nước sinh hoạt và vệ sinh',
    nameVi: 'Nhà tiêu hợp vệ sinh',
    nameEn: 'Hygienic latrine',
    thresholdVi: 'Hộ không có nhà tiêu hợp vệ sinh',
    status: 'partial',
    sources: [],
    note: NAMES_VERIFIED,
  },
  {
    code: '6.1',
    key: 'telecom',
    dimensionCode: '6',
    dimensionVi: 'Thông tin',
    nameVi: 'Sử dụng dịch vụ viễn thông',
    nameEn: 'Telecom use',
    thresholdVi: 'Hộ không có thành viên nào sử dụng dịch vụ viễn thông (điện thoại, internet)',
    status: 'unverified',
    sources: [],
    note: `${NAMES_VERIFIED} Câu chữ chưa xác minh.`,
  },
  {
    code: '6.2',
    key: 'information_access',
    dimensionCode: '6',
    dimensionVi: 'Thông tin',
    nameVi: 'Phương tiện phục vụ tiếp cận thông tin',
    nameEn: 'Information-access assets',
    thresholdVi: 'Hộ không có phương tiện nào trong danh mục (ti vi, radio, máy tính, hệ thống loa đài, …)',
    status: 'unverified',
    sources: [],
    note: `${NAMES_VERIFIED} Câu chữ chưa xác minh.`,
  },
];

const PROVISIONAL_351 =
  'Danh mục theo dự thảo; số hiệu chỉ số của Nghị định 351/2025 chưa truy xuất được: số hiệu ở đây là tạm, theo số hiệu của Nghị định 07 cho chỉ số kế thừa.';

function inherited(code: string, dimensionCode: string, dimensionVi: string): Indicator {
  const base = INDICATORS_ND07.find((i) => i.code === code)!;
  return { ...base, dimensionCode, dimensionVi, status: 'partial', sources: ['S30', 'S33'], note: PROVISIONAL_351 };
}

/**
 * Decree 351/2025, 2027-2030: 6 dimensions; employment = employment + dependants (VERIFIED [S30]);
 * the rest follows the draft (PARTIAL [S30, S33]); waste treatment is new; the
 * information dimension keeps telecom use only.
 */
export const INDICATORS_ND351: Indicator[] = [
  inherited('1.1', '1', 'Việc làm'),
  inherited('1.2', '1', 'Việc làm'),
  inherited('2.1', '2', 'Y tế'),
  inherited('2.2', '2', 'Y tế'),
  inherited('3.1', '3', 'Giáo dục'),
  inherited('3.2', '3', 'Giáo dục'),
  inherited('4.1', '4', 'Nhà ở'),
  inherited('4.2', '4', 'Nhà ở'),
  inherited('5.1', '5', 'Nước sinh hoạt, vệ sinh và môi trường'),
  inherited('5.2', '5', 'Nước sinh hoạt, vệ sinh và môi trường'),
  {
    code: '5.3',
    key: 'waste_treatment',
    dimensionCode: '5',
    dimensionVi: 'Nước sinh hoạt, vệ sinh và môi trường',
    nameVi: 'Xử lý rác thải',
    nameEn: 'Waste treatment',
    thresholdVi: 'Chưa có ngưỡng: chỉ số mới, nội dung chưa truy xuất được',
    status: 'unverified',
    sources: ['S30', 'S33'],
    note: PROVISIONAL_351,
  },
  inherited('6.1', '6', 'Thông tin'),
];

/** Decree 07/2021 (2022-2025), with Circular 07/2021 scores and the Decree 30/2025 overlay. */
export const STANDARD_ND07_2021: PovertyStandard = {
  id: 'ND07-2021',
  nameVi: 'Chuẩn nghèo đa chiều giai đoạn 2022-2025',
  citation: `${ND07}, Điều 3`,
  issued: '2021-01-27',
  effectiveFrom: '2021-03-15',
  status: 'verified',
  sources: ['S22', 'S24'],
  incomeLine: byArea(
    sourced(1_500_000, `${ND07}, Điều 3`, 'verified', ['S22', 'S25'], 'VND/người/tháng, khu vực nông thôn'),
    sourced(2_000_000, `${ND07}, Điều 3`, 'verified', ['S22', 'S25'], 'VND/người/tháng, khu vực thành thị'),
  ),
  minDeprivations: sourced(
    3,
    `${ND07}, Điều 3`,
    'verified',
    ['S22', 'S25', 'S34'],
    'Hộ nghèo: thiếu hụt từ 3 chỉ số trở lên',
  ),
  scoreRules: {
    scoreALine: byArea(
      sourced(
        140,
        `${TT07}, Điều 2 và Phụ lục III`,
        'verified',
        ['S34', 'S35'],
        '140 điểm tương ứng 1.500.000 đồng (nông thôn)',
      ),
      sourced(
        175,
        `${TT07}, Điều 2 và Phụ lục III`,
        'verified',
        ['S34', 'S35'],
        '175 điểm tương ứng 2.000.000 đồng (thành thị)',
      ),
    ),
    pointsPerDeprivation: sourced(
      10,
      `${TT07}, Điều 2 và Phụ lục IV`,
      'verified',
      ['S34', 'S35'],
      '10 điểm cho mỗi chỉ số thiếu hụt',
    ),
    scoreBPoorMin: sourced(30, `${TT07}, Điều 2`, 'verified', ['S34', 'S35'], 'Hộ nghèo: điểm B từ 30 điểm trở lên'),
    // The review method of Circular 07 scores households with Phiếu B1: score A is the evidence of the review.
    primaryEvidence: 'scoreA',
  },
  averageBand: {
    upper: byArea(
      sourced(
        2_250_000,
        `${ND07}, Điều 3`,
        'verified',
        ['S22', 'S25'],
        'Notes: VERIFIED; tệp hạt giống ghi UNVERIFIED (nông thôn). Cùng con số với trần của Nghị định 30/2025.',
      ),
      sourced(
        3_000_000,
        `${ND07}, Điều 3`,
        'verified',
        ['S22', 'S25'],
        'Notes: VERIFIED; tệp hạt giống ghi "partially corroborated" (thành thị). Cùng con số với trần của Nghị định 30/2025.',
      ),
    ),
  },
  lowIncomeWorker: {
    ceiling: byArea(
      sourced(2_250_000, `${ND30}, Điều 1`, 'verified', ['S28', 'S29'], 'nông thôn'),
      sourced(3_000_000, `${ND30}, Điều 1`, 'verified', ['S28', 'S29'], 'thành thị'),
    ),
    effectiveFrom: '2025-02-24',
    effectiveTo: null,
    citation: `${ND30} sửa đổi ${ND07}: người lao động có thu nhập thấp`,
    status: 'verified',
    note: 'Việc tiếp tục áp dụng sau 31/12/2025 (cùng chuẩn năm 2026) chưa xác minh.',
  },
  indicators: INDICATORS_ND07,
};

/** Decree 351/2025 standard for 2027-2030. Score forms and the average band are not known. */
export const STANDARD_ND351_2025: PovertyStandard = {
  id: 'ND351-2025',
  nameVi: 'Chuẩn nghèo đa chiều giai đoạn 2027-2030',
  citation: ND351,
  issued: '2025-12-30',
  effectiveFrom: '2027-01-01',
  status: 'verified',
  sources: ['S30', 'S31'],
  incomeLine: byArea(
    sourced(2_200_000, ND351, 'verified', ['S30', 'S31'], 'VND/người/tháng, khu vực nông thôn'),
    sourced(2_800_000, ND351, 'verified', ['S30', 'S31'], 'VND/người/tháng, khu vực đô thị'),
  ),
  minDeprivations: sourced(3, ND351, 'verified', ['S31'], 'Hộ nghèo: thiếu hụt từ 3 chỉ số trở lên'),
  scoreRules: null, // successor of Circular 07/2021 not found (UNVERIFIED)
  averageBand: null, // average band 2027-2030 not found (UNVERIFIED)
  lowIncomeWorker: null,
  indicators: INDICATORS_ND351,
};

export const APPLICATIONS: StandardApplication[] = [
  {
    standardId: 'ND07-2021',
    fromYear: 2022,
    toYear: 2025,
    from: '2022-01-01',
    to: '2025-12-31',
    citation: `${ND07}, Điều 3 (giai đoạn 2022-2025)`,
    status: 'verified',
    sources: ['S22', 'S24'],
  },
  {
    standardId: 'ND07-2021',
    fromYear: 2026,
    toYear: 2026,
    from: '2026-01-01',
    to: '2026-12-31',
    citation: `${ND351}: tiếp tục áp dụng chuẩn nghèo tại Điều 3 ${ND07} đến hết 31/12/2026`,
    status: 'verified',
    sources: ['S30', 'S31'],
  },
  {
    standardId: 'ND351-2025',
    fromYear: 2027,
    toYear: 2030,
    from: '2027-01-01',
    to: '2030-12-31',
    citation: `${ND351} (giai đoạn 2027-2030)`,
    status: 'verified',
    sources: ['S30', 'S31'],
  },
];

/** The national catalog. The B1 item table (Circular 07, Annex III) was not retrieved: none is configured. */
export const NATIONAL_CATALOG: StandardCatalog = {
  standards: [STANDARD_ND07_2021, STANDARD_ND351_2025],
  applications: APPLICATIONS,
  itemTables: [],
};

/**
 * Not configured (no standard for these years): 2021 used QĐ 59/2015/QĐ-TTg (700,000 / 900,000 VND,
 * VERIFIED [S22, S26]) but its classification rules are not in the notes.
 */
export const KNOWN_GAPS_VI = [
  'Năm 2021 áp dụng Quyết định 59/2015/QĐ-TTg (700.000 / 900.000 đồng) nhưng quy tắc phân loại chưa có trong tài liệu: chưa cấu hình.',
  'Bảng điểm từng câu hỏi Phiếu B1 (Thông tư 07/2021, Phụ lục III) chưa truy xuất được: chỉ nhận tổng điểm A hoặc thu nhập bình quân.',
  'Giai đoạn 2027-2030: chưa có phiếu chấm điểm (điểm A, B) và khoảng hộ có mức sống trung bình.',
];

export function findStandard(catalog: StandardCatalog, id: string): PovertyStandard | undefined {
  return catalog.standards.find((s) => s.id === id);
}

/** The application in force for a review year. */
export function applicationForYear(catalog: StandardCatalog, year: number): StandardApplication | undefined {
  return catalog.applications.find((a) => year >= a.fromYear && year <= a.toYear);
}

/** The application in force on a date (YYYY-MM-DD). */
export function applicationForDate(catalog: StandardCatalog, date: string): StandardApplication | undefined {
  return catalog.applications.find((a) => date >= a.from && date <= a.to);
}
