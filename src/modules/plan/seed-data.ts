/**
 * The real seed data of the implementation plan (issue 3, item 8), from the project's domain notes:
 * /work/shared/domain/implementation-plan.md (§1.1 the seed text of QĐ 1705/QĐ-TTg, §2 planned vs actual
 * instruments, §4 steering committees) and program-2021-2025.md (§1 targets, §2 projects, §4 budget).
 * Every fact keeps its status and source ids as given there; nothing here is invented: where the
 * notes lack a fact (a date, a number, a lead agency) the field is null and the note says so.
 */

export const NOTES = 'shared/domain/implementation-plan.md';
export const PROGRAM_NOTES = 'shared/domain/program-2021-2025.md';
export const SEED_TEXT = 'shared/seed/000_5db6494ba58d324d.txt (dangcongsan.vn)';

/** Agencies the plan needs. Matched by name against the agency table first; inserted when missing. */
export interface SeedAgency {
  id: string;
  kind: 'government' | 'ministry' | 'central_agency';
  name: string;
  shortName: string;
  validFrom: string;
  validTo?: string;
  successorId?: string;
  note?: string;
}

// validFrom 2021-01-01 is the start of the period this system covers, not a founding date.
// The 2025 mergers: dates UNVERIFIED in the notes ("01/03/2025, unconfirmed", program-2021-2025.md).
export const AGENCIES: SeedAgency[] = [
  { id: 'GOV', kind: 'government', name: 'Chính phủ', shortName: 'Chính phủ', validFrom: '2021-01-01' },
  {
    id: 'MOLISA',
    kind: 'ministry',
    name: 'Bộ Lao động - Thương binh và Xã hội',
    shortName: 'Bộ LĐ-TB&XH',
    validFrom: '2021-01-01',
    validTo: '2025-03-01',
    successorId: 'MAE',
    note: 'Nhiệm vụ giảm nghèo chuyển sang Bộ Nông nghiệp và Môi trường năm 2025 (ngày và văn bản chưa xác minh).',
  },
  {
    id: 'MPI',
    kind: 'ministry',
    name: 'Bộ Kế hoạch và Đầu tư',
    shortName: 'Bộ KH&ĐT',
    validFrom: '2021-01-01',
    validTo: '2025-03-01',
    successorId: 'MOF',
    note: 'Không còn trong danh sách Ban Chỉ đạo 2025 (QĐ 1061/QĐ-TTg); ngày hợp nhất chưa xác minh.',
  },
  { id: 'MOF', kind: 'ministry', name: 'Bộ Tài chính', shortName: 'Bộ TC', validFrom: '2021-01-01' },
  { id: 'MOH', kind: 'ministry', name: 'Bộ Y tế', shortName: 'Bộ YT', validFrom: '2021-01-01' },
  {
    id: 'MIC',
    kind: 'ministry',
    name: 'Bộ Thông tin và Truyền thông',
    shortName: 'Bộ TT&TT',
    validFrom: '2021-01-01',
    validTo: '2025-03-01',
    note: 'Không còn trong danh sách Ban Chỉ đạo 2025; ngày chưa xác minh.',
  },
  {
    id: 'MARD',
    kind: 'ministry',
    name: 'Bộ Nông nghiệp và Phát triển nông thôn',
    shortName: 'Bộ NN&PTNT',
    validFrom: '2021-01-01',
    validTo: '2025-03-01',
    successorId: 'MAE',
    note: 'Hợp nhất vào Bộ Nông nghiệp và Môi trường năm 2025 (ngày chưa xác minh).',
  },
  {
    id: 'MAE',
    kind: 'ministry',
    name: 'Bộ Nông nghiệp và Môi trường',
    shortName: 'Bộ NN&MT',
    validFrom: '2025-03-01',
    note: 'Ngày bắt đầu chưa xác minh.',
  },
  {
    id: 'CEMA',
    kind: 'central_agency',
    name: 'Ủy ban Dân tộc',
    shortName: 'CEMA',
    validFrom: '2021-01-01',
    validTo: '2025-03-01',
    note: 'Ngày kết thúc chưa xác minh.',
  },
  { id: 'MOC', kind: 'ministry', name: 'Bộ Xây dựng', shortName: 'Bộ XD', validFrom: '2021-01-01' },
  { id: 'VPCP', kind: 'central_agency', name: 'Văn phòng Chính phủ', shortName: 'VPCP', validFrom: '2021-01-01' },
  // successors by function in 2025 (reference/legal/plan.csv); ids as in the agencies module where it has them
  { id: 'MOHA', kind: 'ministry', name: 'Bộ Nội vụ', shortName: 'Bộ NV', validFrom: '2021-01-01' },
  { id: 'MOET', kind: 'ministry', name: 'Bộ Giáo dục và Đào tạo', shortName: 'Bộ GD&ĐT', validFrom: '2021-01-01' },
  {
    id: 'MOCST',
    kind: 'ministry',
    name: 'Bộ Văn hóa, Thể thao và Du lịch',
    shortName: 'Bộ VHTTDL',
    validFrom: '2021-01-01',
  },
  { id: 'MOST', kind: 'ministry', name: 'Bộ Khoa học và Công nghệ', shortName: 'Bộ KH&CN', validFrom: '2021-01-01' },
  { id: 'MEMR', kind: 'ministry', name: 'Bộ Dân tộc và Tôn giáo', shortName: 'Bộ DT&TG', validFrom: '2025-03-01' },
  {
    id: 'VBSP',
    kind: 'central_agency',
    name: 'Ngân hàng Chính sách xã hội',
    shortName: 'NHCSXH',
    validFrom: '2021-01-01',
  },
];

export const PHASE = {
  id: 'GNBV-2021-2025',
  name: 'Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021-2025',
  startYear: 2021,
  endYear: 2025,
  legalBasis: 'Nghị quyết 24/2021/QH15 (28/07/2021); Quyết định 90/QĐ-TTg (18/01/2022)',
  objective:
    'Thực hiện giảm nghèo đa chiều, bao trùm, bền vững; hạn chế tái nghèo và phát sinh nghèo; hỗ trợ người nghèo vượt lên mức sống tối thiểu, tiếp cận các dịch vụ xã hội cơ bản; hỗ trợ các huyện nghèo, xã đặc biệt khó khăn vùng bãi ngang, ven biển và hải đảo thoát khỏi tình trạng nghèo, đặc biệt khó khăn.',
  factStatus: 'VERIFIED',
  source: `${PROGRAM_NOTES} [S6, S7, S112, S1, S2]`,
};

export const TARGETS: [code: string, name: string, value: string, status: string, source: string][] = [
  [
    'T1',
    'Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều giảm bình quân hằng năm',
    '1–1,5 điểm %/năm',
    'VERIFIED',
    'S6, S7, S1, S4',
  ],
  ['T2', 'Tỷ lệ hộ nghèo dân tộc thiểu số giảm hằng năm', 'trên 3 điểm %/năm', 'VERIFIED', 'S6, S7, S1, S4'],
  [
    'T3',
    'Huyện nghèo, xã ĐBKK vùng bãi ngang, ven biển và hải đảo thoát khỏi tình trạng nghèo, đặc biệt khó khăn',
    '30% / 30%',
    'VERIFIED',
    'S6, S7, S1, S4',
  ],
  ['T4', 'Tỷ lệ hộ nghèo ở các huyện nghèo giảm hằng năm', '4–5 điểm %/năm', 'PARTIAL', 'S8, S1, S2, S4'],
  ['T5', 'Giảm 1/2 số hộ nghèo và hộ cận nghèo so với đầu kỳ', '50% (QĐ 90)', 'VERIFIED', 'S3, S4'],
  [
    'T6',
    'Mỗi hộ nghèo, hộ cận nghèo có ít nhất một thành viên trong độ tuổi lao động có việc làm bền vững',
    '100% (QĐ 90)',
    'VERIFIED',
    'S3',
  ],
  ['T7', 'Trẻ em thuộc hộ nghèo, hộ cận nghèo đi học đúng độ tuổi', '90% (QĐ 90)', 'VERIFIED', 'S3'],
  ['T8', 'Mô hình, dự án giảm nghèo được xây dựng và nhân rộng', 'trên 1.000 (QĐ 90)', 'VERIFIED', 'S2'],
];

// [code, parent, Vietnamese name | null, English gloss, lead agency id | null, lead note, status, sources]
export const PROJECTS: [string, string | null, string | null, string, string | null, string | null, string, string][] =
  [
    [
      'DA1',
      null,
      'Hỗ trợ đầu tư phát triển hạ tầng kinh tế - xã hội các huyện nghèo, các xã đặc biệt khó khăn vùng bãi ngang, ven biển và hải đảo',
      'Socio-economic infrastructure in poor districts and ĐBKK coastal/island communes',
      null,
      'Cơ quan chủ trì chưa xác minh (Bộ LĐ-TB&XH là cơ quan chủ quản; địa phương thực hiện đầu tư)',
      'PARTIAL',
      'S9, S10',
    ],
    [
      'DA1.TDA1',
      'DA1',
      null,
      'Infrastructure investment in poor districts and ĐBKK coastal/island communes',
      null,
      'Tên tiếng Việt và cơ quan chủ trì chưa có trong tài liệu',
      'PARTIAL',
      'S20',
    ],
    [
      'DA1.TDA2',
      'DA1',
      'Đề án hỗ trợ một số huyện nghèo thoát khỏi tình trạng nghèo, đặc biệt khó khăn',
      'Scheme to help selected poor districts exit poverty (QĐ 880/QĐ-TTg)',
      'MOLISA',
      null,
      'VERIFIED',
      'S20, S21',
    ],
    [
      'DA2',
      null,
      'Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo',
      'Livelihood diversification and poverty-reduction models',
      null,
      'Có thể là Bộ LĐ-TB&XH (chưa xác minh)',
      'PARTIAL',
      'S9, S86b',
    ],
    [
      'DA3',
      null,
      'Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng',
      'Production support and nutrition',
      null,
      null,
      'VERIFIED',
      'S11',
    ],
    [
      'DA3.TDA1',
      'DA3',
      'Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp',
      'Agricultural production support',
      null,
      'Bộ NN&PTNT (nay Bộ NN&MT) — chưa xác minh',
      'PARTIAL',
      'S11',
    ],
    [
      'DA3.TDA2',
      'DA3',
      'Cải thiện dinh dưỡng',
      'Nutrition',
      'MOH',
      'Hướng dẫn: QĐ 1768/QĐ-BYT (08/07/2022)',
      'VERIFIED',
      'S1, S17, S19',
    ],
    [
      'DA4',
      null,
      'Phát triển giáo dục nghề nghiệp, việc làm bền vững',
      'Vocational education and sustainable employment',
      'MOLISA',
      null,
      'VERIFIED',
      'S12',
    ],
    [
      'DA4.TDA1',
      'DA4',
      'Phát triển giáo dục nghề nghiệp vùng nghèo, vùng khó khăn',
      'Vocational education in poor and hard-hit areas',
      'MOLISA',
      'Tổng cục Giáo dục nghề nghiệp; hướng dẫn TT 17/2022/TT-BLĐTBXH',
      'VERIFIED',
      'S12',
    ],
    [
      'DA4.TDA2',
      'DA4',
      'Hỗ trợ người lao động đi làm việc ở nước ngoài theo hợp đồng',
      'Support for contract work abroad',
      'MOLISA',
      null,
      'VERIFIED',
      'S14, S13',
    ],
    [
      'DA4.TDA3',
      'DA4',
      'Hỗ trợ việc làm bền vững',
      'Sustainable employment',
      'MOLISA',
      'Cục Việc làm',
      'VERIFIED',
      'S13',
    ],
    [
      'DA5',
      null,
      'Hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo trên địa bàn các huyện nghèo',
      'Housing for poor and near-poor households in poor districts',
      null,
      'Bộ Xây dựng — chưa xác minh',
      'PARTIAL',
      'S9',
    ],
    [
      'DA6',
      null,
      'Truyền thông và giảm nghèo về thông tin',
      'Communication and information-poverty reduction',
      null,
      null,
      'VERIFIED',
      'S15',
    ],
    [
      'DA6.TDA1',
      'DA6',
      'Giảm nghèo về thông tin',
      'Information-poverty reduction',
      'MIC',
      'Hướng dẫn TT 06/2022/TT-BTTTT',
      'VERIFIED',
      'S15, S16',
    ],
    [
      'DA6.TDA2',
      'DA6',
      'Truyền thông về giảm nghèo đa chiều',
      'Communication on multidimensional poverty',
      'MOLISA',
      'Phối hợp với Bộ TT&TT',
      'VERIFIED',
      'S15',
    ],
    [
      'DA7',
      null,
      'Nâng cao năng lực và giám sát, đánh giá Chương trình',
      'Capacity building and M&E',
      'MOLISA',
      'TT 10/2022/TT-BLĐTBXH',
      'VERIFIED',
      'S9',
    ],
  ];

export const BUDGET: [funding: string, capital: string, amount: number][] = [
  ['central', 'investment', 20000],
  ['central', 'recurrent', 28000],
  ['central', 'all', 48000],
  ['local', 'investment', 1700],
  ['local', 'recurrent', 10990],
  ['local', 'all', 12690],
  ['other', 'all', 14310],
  ['total', 'all', 75000],
];

export interface SeedInstrument {
  kind: string;
  number: string | null;
  title: string;
  issuer: string;
  drafting?: string;
  signer?: string;
  issuedOn: string | null;
  effectiveOn?: string | null;
  status?: 'issued' | 'drafting';
  note?: string;
  factStatus: string;
  source: string;
}

const TTG = 'Thủ tướng Chính phủ';
/**
 * The decision's own heading (hieuluat.vn S58, hoatieu.vn; sonv.ninhthuan.gov.vn S46): "Về tiêu chí xác định huyện
 * nghèo, …".
 */
export const TITLE_36_2021 =
  'Về tiêu chí xác định huyện nghèo, xã đặc biệt khó khăn vùng bãi ngang, ven biển và hải đảo giai đoạn 2021 - 2025';
const CP = 'Chính phủ';
const BINH_MINH = 'Phó Thủ tướng Thường trực Phạm Bình Minh';

export const INSTRUMENTS: SeedInstrument[] = [
  {
    kind: 'Nghị quyết',
    number: '24/2021/QH15',
    title: 'Phê duyệt chủ trương đầu tư Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021-2025',
    issuer: 'Quốc hội',
    issuedOn: '2021-07-28',
    factStatus: 'VERIFIED',
    source: 'S6, S7',
  },
  {
    kind: 'Quyết định',
    number: '1705/QĐ-TTg',
    title: 'Kế hoạch triển khai Nghị quyết số 24/2021/QH15',
    issuer: TTG,
    issuedOn: '2021-10-12',
    factStatus: 'VERIFIED',
    source: 'S17',
  },
  {
    kind: 'Quyết định',
    number: '90/QĐ-TTg',
    title: 'Phê duyệt Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021-2025',
    issuer: TTG,
    drafting: 'MOLISA',
    signer: BINH_MINH,
    issuedOn: '2022-01-18',
    effectiveOn: '2022-01-18',
    factStatus: 'VERIFIED',
    source: 'S112, S4, S1',
  },
  {
    kind: 'Quyết định',
    number: '02/2022/QĐ-TTg',
    title:
      'Quy định nguyên tắc, tiêu chí, định mức phân bổ vốn ngân sách trung ương và tỷ lệ vốn đối ứng của ngân sách địa phương thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021-2025',
    issuer: TTG,
    drafting: 'MOLISA',
    issuedOn: '2022-01-18',
    factStatus: 'VERIFIED',
    source: 'S56, S113',
  },
  {
    kind: 'Quyết định',
    number: '36/2021/QĐ-TTg',
    title: TITLE_36_2021,
    issuer: TTG,
    drafting: 'MOLISA',
    signer: BINH_MINH,
    issuedOn: '2021-12-13',
    effectiveOn: '2022-01-28',
    note: 'Công báo số 1065 + 1066, ngày 26/12/2021. Tên theo trích yếu của văn bản ("Về tiêu chí xác định huyện nghèo, …").',
    factStatus: 'VERIFIED',
    source: 'S46, S58',
  },
  {
    kind: 'Quyết định',
    number: '353/QĐ-TTg',
    title:
      'Phê duyệt danh sách huyện nghèo, xã đặc biệt khó khăn vùng bãi ngang, ven biển và hải đảo giai đoạn 2021-2025',
    issuer: TTG,
    drafting: 'MOLISA',
    signer: BINH_MINH,
    issuedOn: '2022-03-15',
    factStatus: 'VERIFIED',
    source: 'S57, S50',
  },
  {
    kind: 'Nghị định',
    number: '27/2022/NĐ-CP',
    title: 'Quy định cơ chế quản lý, tổ chức thực hiện các chương trình mục tiêu quốc gia',
    issuer: CP,
    drafting: 'MPI',
    signer: BINH_MINH,
    issuedOn: '2022-04-19',
    effectiveOn: '2022-04-19',
    note: 'Công báo số 325-326, ngày 30/04/2022',
    factStatus: 'VERIFIED',
    source: 'S59, S111, S115',
  },
  {
    kind: 'Quyết định',
    number: '1945/QĐ-TTg',
    title: 'Thành lập Ban Chỉ đạo Trung ương các chương trình mục tiêu quốc gia giai đoạn 2021-2025',
    issuer: TTG,
    drafting: 'MPI',
    signer: 'Thủ tướng Phạm Minh Chính',
    issuedOn: '2021-11-18',
    factStatus: 'VERIFIED',
    source: 'S70, S71',
  },
  {
    kind: 'Nghị định',
    number: '07/2021/NĐ-CP',
    title: 'Quy định chuẩn nghèo đa chiều giai đoạn 2021-2025',
    issuer: CP,
    issuedOn: '2021-01-27',
    effectiveOn: '2021-03-15',
    factStatus: 'VERIFIED',
    source: 'S22, S24',
  },
  {
    kind: 'Quyết định',
    number: '24/2021/QĐ-TTg',
    title:
      'Quy định quy trình rà soát hộ nghèo, hộ cận nghèo hằng năm và quy trình xác định hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp và diêm nghiệp có mức sống trung bình giai đoạn 2022-2025',
    issuer: TTG,
    issuedOn: '2021-07-16',
    effectiveOn: '2021-09-01',
    factStatus: 'VERIFIED',
    source: 'S41, S38',
  },
  {
    kind: 'Thông tư',
    number: '07/2021/TT-BLĐTBXH',
    title:
      'Hướng dẫn phương pháp rà soát, phân loại hộ nghèo, hộ cận nghèo; xác định thu nhập của hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp và diêm nghiệp có mức sống trung bình giai đoạn 2022-2025 và mẫu biểu báo cáo',
    issuer: 'Bộ Lao động - Thương binh và Xã hội',
    signer: 'Đào Ngọc Dung',
    issuedOn: '2021-07-18',
    effectiveOn: '2021-09-01',
    factStatus: 'VERIFIED',
    source: 'S34, S36',
  },
  {
    kind: 'Thông tư',
    number: '02/2022/TT-BLĐTBXH',
    title: 'Sửa đổi mẫu biểu báo cáo 7.8, 7.9, 7.10 Phụ lục VII Thông tư 07/2021/TT-BLĐTBXH',
    issuer: 'Bộ Lao động - Thương binh và Xã hội',
    issuedOn: '2022-03-30',
    factStatus: 'VERIFIED',
    source: 'S37',
  },
  {
    kind: 'Nghị quyết',
    number: '517/NQ-UBTVQH15',
    title:
      'Phân bổ vốn ngân sách trung ương giai đoạn 2021-2025 và năm 2022 thực hiện 3 chương trình mục tiêu quốc gia',
    issuer: 'Ủy ban Thường vụ Quốc hội',
    issuedOn: '2022-05-22',
    factStatus: 'VERIFIED',
    source: 'D8 (title)',
  },
  {
    kind: 'Quyết định',
    number: '652/QĐ-TTg',
    title:
      'Giao kế hoạch vốn đầu tư phát triển ngân sách trung ương giai đoạn 2021-2025 cho các địa phương thực hiện 3 chương trình mục tiêu quốc gia',
    issuer: TTG,
    signer: 'Phó Thủ tướng Lê Minh Khái',
    issuedOn: '2022-05-28',
    note: 'Giao UBND các tỉnh, thành phố xây dựng, ban hành kế hoạch thực hiện các chương trình mục tiêu quốc gia giai đoạn 2021-2025 trước ngày 01/7/2022, theo Điều 6 Nghị định 27/2022/NĐ-CP.',
    factStatus: 'VERIFIED',
    source: 'S61, S62',
  },
  {
    kind: 'Quyết định',
    number: '653/QĐ-TTg',
    title: 'Giao dự toán ngân sách trung ương năm 2022 thực hiện 3 chương trình mục tiêu quốc gia',
    issuer: TTG,
    signer: 'Phó Thủ tướng Lê Minh Khái',
    issuedOn: '2022-05-28',
    factStatus: 'VERIFIED',
    source: 'S61, S62',
  },
  {
    kind: 'Thông tư',
    number: '10/2022/TT-BLĐTBXH',
    title:
      'Hướng dẫn giám sát, đánh giá thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021-2025',
    issuer: 'Bộ Lao động - Thương binh và Xã hội',
    signer: 'Lê Văn Thanh',
    issuedOn: '2022-05-31',
    effectiveOn: '2022-07-15',
    factStatus: 'VERIFIED',
    source: 'S66',
  },
  {
    kind: 'Quyết định',
    number: '1768/QĐ-BYT',
    title: 'Hướng dẫn thực hiện Tiểu dự án 2 (Cải thiện dinh dưỡng) thuộc Dự án 3',
    issuer: 'Bộ Y tế',
    issuedOn: '2022-07-08',
    factStatus: 'VERIFIED',
    source: 'S17',
  },
  {
    kind: 'Quyết định',
    number: '880/QĐ-TTg',
    title: 'Hỗ trợ 22 huyện nghèo thoát khỏi tình trạng nghèo, đặc biệt khó khăn',
    issuer: TTG,
    signer: BINH_MINH,
    issuedOn: '2022-07-22',
    factStatus: 'VERIFIED',
    source: 'S20, S21',
  },
  {
    kind: 'Thông tư',
    number: '46/2022/TT-BTC',
    title:
      'Quản lý, sử dụng và quyết toán kinh phí sự nghiệp thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững',
    issuer: 'Bộ Tài chính',
    issuedOn: '2022-07-28',
    factStatus: 'VERIFIED (secondary)',
    source: 'S17 (as cited)',
  },
  {
    kind: 'Thông tư',
    number: '06/2022/TT-BTTTT',
    title: 'Hướng dẫn thực hiện Tiểu dự án 1 (Giảm nghèo về thông tin) thuộc Dự án 6',
    issuer: 'Bộ Thông tin và Truyền thông',
    issuedOn: null,
    effectiveOn: '2022-08-14',
    note: 'Ngày ban hành chưa có trong tài liệu',
    factStatus: 'VERIFIED',
    source: 'S16',
  },
  {
    kind: 'Thông tư',
    number: '17/2022/TT-BLĐTBXH',
    title: 'Hướng dẫn nội dung về giáo dục nghề nghiệp và giải quyết việc làm cho người lao động (Dự án 4)',
    issuer: 'Bộ Lao động - Thương binh và Xã hội',
    issuedOn: null,
    note: 'Ngày ban hành chưa có trong tài liệu',
    factStatus: 'VERIFIED',
    source: 'S12',
  },
  {
    kind: 'Nghị định',
    number: '38/2023/NĐ-CP',
    title: 'Sửa đổi, bổ sung Nghị định 27/2022/NĐ-CP',
    issuer: CP,
    issuedOn: null,
    note: 'Ban hành năm 2023 (24/06/2023, chưa xác nhận)',
    factStatus: 'PARTIAL',
    source: 'S18',
  },
  {
    kind: 'Quyết định',
    number: '576/QĐ-TTg',
    title: '9 xã ĐBKK vùng bãi ngang ven biển thoát khỏi tình trạng đặc biệt khó khăn',
    issuer: TTG,
    issuedOn: '2024-06-22',
    factStatus: 'PARTIAL',
    source: 'G2',
  },
  {
    kind: 'Nghị định',
    number: '30/2025/NĐ-CP',
    title: 'Sửa đổi Nghị định 07/2021/NĐ-CP (người lao động có thu nhập thấp)',
    issuer: CP,
    issuedOn: '2025-02-24',
    factStatus: 'VERIFIED',
    source: 'S28, S29',
  },
  {
    kind: 'Quyết định',
    number: '1061/QĐ-TTg',
    title: 'Thành lập Ban Chỉ đạo Trung ương các chương trình mục tiêu quốc gia giai đoạn 2021-2025',
    issuer: TTG,
    issuedOn: '2025-06-02',
    factStatus: 'VERIFIED',
    source: 'S72, S73',
  },
  {
    kind: 'Quyết định',
    number: '25/2025/QĐ-TTg',
    title: 'Cơ sở dữ liệu các chương trình mục tiêu quốc gia tại Bộ Tài chính, chế độ báo cáo trực tuyến',
    issuer: TTG,
    issuedOn: '2025-07-22',
    factStatus: 'VERIFIED',
    source: 'S64',
  },
  {
    kind: 'Quyết định',
    number: '2594/QĐ-TTg',
    title: 'Kiện toàn thành viên Ban Chỉ đạo Trung ương các chương trình mục tiêu quốc gia giai đoạn 2021-2025',
    issuer: TTG,
    signer: 'Phó Thủ tướng Thường trực Nguyễn Hòa Bình',
    issuedOn: '2025-11-26',
    effectiveOn: '2025-11-26',
    factStatus: 'VERIFIED',
    source: 'S73',
  },
  // The 2025 reorganisation of the Government by function (reference/legal/plan.csv)
  {
    kind: 'Nghị định',
    number: '35/2025/NĐ-CP',
    title: 'Quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Nông nghiệp và Môi trường',
    issuer: CP,
    issuedOn: '2025-02-25',
    effectiveOn: '2025-03-01',
    note: 'Lĩnh vực giảm nghèo thuộc Bộ Nông nghiệp và Môi trường; Văn phòng Quốc gia về giảm nghèo tiếp tục hoạt động trong Bộ (Thông tư 13/2025/TT-BNNMT dẫn chiếu).',
    factStatus: 'VERIFIED',
    source: 'issue; nhansu.vn (TT 13/2025/TT-BNNMT)',
  },
  {
    kind: 'Nghị định',
    number: '45/2025/NĐ-CP',
    title:
      'Quy định tổ chức các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương và Ủy ban nhân dân huyện, quận, thị xã, thành phố thuộc tỉnh, thành phố thuộc thành phố trực thuộc trung ương',
    issuer: CP,
    issuedOn: '2025-02-28',
    effectiveOn: '2025-03-01',
    note: 'Điều 8: Sở Nội vụ hợp nhất Sở Nội vụ và Sở Lao động - Thương binh và Xã hội; Sở Nông nghiệp và Môi trường hợp nhất Sở Tài nguyên và Môi trường và Sở Nông nghiệp và Phát triển nông thôn (nguồn thứ cấp).',
    factStatus: 'VERIFIED (secondary)',
    source: 'taphalaw.com',
  },
  {
    kind: 'Nghị định',
    number: '351/2025/NĐ-CP',
    title: 'Quy định chuẩn nghèo đa chiều quốc gia giai đoạn 2026-2030',
    issuer: CP,
    issuedOn: '2025-12-30',
    factStatus: 'VERIFIED',
    source: 'S30, S31',
  },
  {
    kind: 'Quyết định',
    number: null,
    title:
      'Quyết định số 591 của UBND tỉnh Tiền Giang thành lập Ban Chỉ đạo thực hiện các chương trình mục tiêu quốc gia giai đoạn 2021-2025 tỉnh Tiền Giang',
    issuer: 'UBND tỉnh Tiền Giang',
    issuedOn: '2021-03-11',
    note: 'Tài liệu ghi "QĐ 591"; ký hiệu đầy đủ chưa có',
    factStatus: 'VERIFIED',
    source: 'S74',
  },
];

export const FIVE_MAIN_TASKS = [
  'Tổ chức quán triệt, tuyên truyền sâu rộng đến các cấp, các ngành và nhân dân trong quá trình triển khai thực hiện Chương trình',
  'Xây dựng kế hoạch thực hiện và tổ chức triển khai Chương trình',
  'Rà soát, xây dựng ban hành theo thẩm quyền, trình cấp có thẩm quyền ban hành các văn bản quy phạm pháp luật, văn bản điều hành quản lý, văn bản hướng dẫn thực hiện Nghị quyết số 24/2021/QH15',
  'Tổ chức triển khai thực hiện Chương trình theo đúng quy định của Luật Đầu tư công, Luật Ngân sách Nhà nước và quy định pháp luật hiện hành có liên quan',
  'Tăng cường công tác kiểm tra, giám sát của ban chỉ đạo các cấp trong quá trình triển khai, thực hiện Chương trình bảo đảm đúng mục tiêu đã được phê duyệt',
];

export interface SeedTask {
  position: string;
  parent?: string;
  title: string;
  lead?: string;
  fanOut?: 'provinces' | 'ministries' | 'all';
  coordinators?: string[];
  coordinatorsText?: string;
  deadline: string | null;
  deadlineStatus: string;
  deliverableKind?: string;
  instrument?: string;
  /** the instrument that set the duty, when it is not the plan itself */
  basis?: string;
  note?: string;
  source: string;
}

const MOLISA_Q4 = 'quý IV/2021';
/**
 * Who set the provincial plans' deadline: QĐ 652/QĐ-TTg (28/05/2022), citing Decree 27/2022 Art. 6, not QĐ 1705 [S61].
 */
export const TASK_2_1_NOTE =
  'Nhiệm vụ do Quyết định 652/QĐ-TTg (28/05/2022) giao, theo Điều 6 Nghị định 27/2022/NĐ-CP; không phải nội dung của Quyết định 1705/QĐ-TTg (theo dõi tại đây cùng nhiệm vụ 2). Văn bản của từng tỉnh chưa có trong dữ liệu: cần cập nhật.';
const MPI_NOTE =
  'Văn bản gốc không nêu riêng thời hạn cho các nội dung của Bộ KH&ĐT; việc "quý IV/2021" cũng áp dụng là CHƯA XÁC MINH.';

export const TASKS: SeedTask[] = [
  ...FIVE_MAIN_TASKS.map((title, i): SeedTask => ({
    position: String(i + 1),
    title,
    fanOut: 'all',
    deadline: null,
    deadlineStatus: 'VERIFIED',
    note: 'Nhiệm vụ chủ yếu của các bộ, cơ quan Trung ương, UBND các tỉnh, thành phố; văn bản gốc không nêu thời hạn.',
    source: SEED_TEXT,
  })),
  {
    position: '3.1',
    parent: '3',
    title:
      'Trình Thủ tướng Chính phủ ban hành Quyết định phê duyệt Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021-2025',
    lead: 'MOLISA',
    coordinatorsText: 'Các bộ, ngành liên quan',
    deadline: MOLISA_Q4,
    deadlineStatus: 'VERIFIED',
    deliverableKind: 'Quyết định của Thủ tướng Chính phủ',
    instrument: '90/QĐ-TTg',
    source: `${SEED_TEXT}; ${NOTES} §2`,
  },
  {
    position: '3.2',
    parent: '3',
    title:
      'Trình Thủ tướng Chính phủ ban hành Quyết định quy định nguyên tắc, tiêu chí, định mức phân bổ vốn ngân sách Trung ương và tỷ lệ vốn đối ứng của ngân sách địa phương thực hiện Chương trình',
    lead: 'MOLISA',
    coordinatorsText: 'Các bộ, ngành liên quan',
    deadline: MOLISA_Q4,
    deadlineStatus: 'VERIFIED',
    deliverableKind: 'Quyết định của Thủ tướng Chính phủ',
    instrument: '02/2022/QĐ-TTg',
    source: `${SEED_TEXT}; ${NOTES} §2`,
  },
  {
    position: '3.3',
    parent: '3',
    title:
      'Trình Thủ tướng Chính phủ ban hành Quyết định quy định tiêu chí huyện nghèo, xã đặc biệt khó khăn vùng bãi ngang ven biển và hải đảo giai đoạn 2021-2025',
    lead: 'MOLISA',
    coordinatorsText: 'Các bộ, ngành liên quan',
    deadline: MOLISA_Q4,
    deadlineStatus: 'VERIFIED',
    deliverableKind: 'Quyết định của Thủ tướng Chính phủ',
    instrument: '36/2021/QĐ-TTg',
    source: `${SEED_TEXT}; ${NOTES} §2`,
  },
  {
    position: '3.4',
    parent: '3',
    title:
      'Trình Thủ tướng Chính phủ ban hành Quyết định phê duyệt danh sách huyện nghèo, xã đặc biệt khó khăn vùng bãi ngang ven biển và hải đảo giai đoạn 2021-2025',
    lead: 'MOLISA',
    coordinatorsText: 'Các bộ, ngành liên quan',
    deadline: MOLISA_Q4,
    deadlineStatus: 'VERIFIED',
    deliverableKind: 'Quyết định của Thủ tướng Chính phủ',
    instrument: '353/QĐ-TTg',
    source: `${SEED_TEXT}; ${NOTES} §2`,
  },
  {
    position: '3.5',
    parent: '3',
    title:
      'Trình Chính phủ ban hành Nghị định quy định về cơ chế quản lý, tổ chức thực hiện các chương trình mục tiêu quốc gia (bao gồm cơ chế đặc thù rút gọn, cơ chế lồng ghép nguồn vốn 3 chương trình mục tiêu quốc gia giai đoạn 2021-2025)',
    lead: 'MPI',
    deadline: MOLISA_Q4,
    deadlineStatus: 'UNVERIFIED',
    deliverableKind: 'Nghị định của Chính phủ',
    instrument: '27/2022/NĐ-CP',
    note: MPI_NOTE,
    source: `${SEED_TEXT}; ${NOTES} §2`,
  },
  {
    position: '3.6',
    parent: '3',
    title:
      'Trình Thủ tướng Chính phủ ban hành Quyết định thành lập Ban Chỉ đạo Trung ương thực hiện 3 chương trình mục tiêu quốc gia giai đoạn 2021-2025',
    lead: 'MPI',
    deadline: MOLISA_Q4,
    deadlineStatus: 'UNVERIFIED',
    deliverableKind: 'Quyết định của Thủ tướng Chính phủ',
    instrument: '1945/QĐ-TTg',
    note: MPI_NOTE,
    source: `${SEED_TEXT}; ${NOTES} §2`,
  },
  {
    position: '3.7',
    parent: '3',
    title:
      'Trình Thủ tướng Chính phủ ban hành Quyết định ban hành quy chế làm việc của Ban Chỉ đạo Trung ương thực hiện các chương trình mục tiêu quốc gia giai đoạn 2021-2025',
    lead: 'MPI',
    deadline: MOLISA_Q4,
    deadlineStatus: 'UNVERIFIED',
    deliverableKind: 'Quyết định',
    note: `${MPI_NOTE} Văn bản đã ban hành chưa xác định (có thể là quyết định của chính Ban Chỉ đạo; số, ngày chưa xác minh): tiến độ chưa có dữ liệu.`,
    source: `${SEED_TEXT}; ${NOTES} §2`,
  },
  {
    position: '2.1',
    parent: '2',
    title: 'Ban hành kế hoạch thực hiện Chương trình mục tiêu quốc gia giai đoạn 2021-2025 của tỉnh, thành phố',
    fanOut: 'provinces',
    deadline: 'trước ngày 01/7/2022',
    deadlineStatus: 'VERIFIED',
    deliverableKind: 'Kế hoạch của UBND tỉnh',
    basis: '652/QĐ-TTg',
    note: TASK_2_1_NOTE,
    source: `${NOTES} §1.1 [S61]`,
  },
];

export interface SeedMember {
  role: 'head' | 'deputy_head' | 'standing_member' | 'member' | 'invited';
  person?: string;
  position: string;
  agency?: string;
  validFrom?: string;
  /** the day the membership ended (exclusive), when a source says so */
  validTo?: string;
  /** no end is known: the membership is confirmed up to this day and unknown after it, never extended */
  confirmedUntil?: string;
  instrument?: string;
  factStatus?: string;
  source?: string;
  note?: string;
}

/**
 * The 2025 reorganisation by function (reference/legal/plan.csv has every source): [from, function, to,
 * from date, act, status, source]. Only the transfer of poverty reduction to MAE is verified in its act.
 */
export const FUNCTION_TRANSFERS: [string, string, string | null, string, string | null, string, string][] = [
  [
    'MOLISA',
    'poverty',
    'MAE',
    '2025-03-01',
    'Nghị định 35/2025/NĐ-CP',
    'VERIFIED',
    'Nghị định 35/2025/NĐ-CP (25/02/2025, hiệu lực 01/03/2025); TT 13/2025/TT-BNNMT dẫn chiếu (nhansu.vn)',
  ],
  [
    'MOLISA',
    'employment',
    'MOHA',
    '2025-03-01',
    null,
    'VERIFIED (secondary)',
    'domain/README.md [S30, S104]: lao động, việc làm sang Bộ Nội vụ; văn bản chưa ghi nhận',
  ],
  [
    'MOLISA',
    'vocational',
    'MOET',
    '2025-03-01',
    null,
    'UNVERIFIED',
    'Nội dung đề bài (giáo dục nghề nghiệp sang Bộ Giáo dục và Đào tạo); văn bản và ngày chưa xác minh',
  ],
  [
    'MIC',
    'grassroots_info',
    'MOCST',
    '2025-03-01',
    null,
    'UNVERIFIED',
    'Suy luận: Thứ trưởng Bộ TT&TT Phan Tâm chuyển sang Bộ VHTTDL (QĐ 328/QĐ-TTg, 19/02/2025, archive.vietnam.vn); văn bản chuyển thông tin cơ sở chưa tìm thấy',
  ],
  [
    'MIC',
    '*',
    'MOST',
    '2025-03-01',
    null,
    'UNVERIFIED',
    'Dữ liệu cơ quan (agencies.ts): hợp nhất vào Bộ Khoa học và Công nghệ, chưa xác minh',
  ],
  [
    'MARD',
    '*',
    'MAE',
    '2025-03-01',
    'Nghị định 35/2025/NĐ-CP',
    'VERIFIED',
    'Nghị định 35/2025/NĐ-CP: Bộ Nông nghiệp và Môi trường',
  ],
  [
    'MPI',
    '*',
    'MOF',
    '2025-03-01',
    null,
    'UNVERIFIED',
    'Dữ liệu cơ quan (agencies.ts): hợp nhất vào Bộ Tài chính, chưa xác minh',
  ],
  [
    'CEMA',
    '*',
    'MEMR',
    '2025-03-01',
    null,
    'UNVERIFIED',
    'Dữ liệu cơ quan (agencies.ts): Bộ Dân tộc và Tôn giáo, chưa xác minh',
  ],
];

export interface SeedCommittee {
  id: string;
  level: 'central' | 'province';
  provinceCode?: string;
  name: string;
  programs: string;
  instrument: string; // number, or title prefix when the number is unknown
  validFrom: string;
  validTo?: string;
  factStatus: string;
  source: string;
  members: SeedMember[];
}

const NTP3 =
  '3 chương trình mục tiêu quốc gia (nông thôn mới; giảm nghèo bền vững; phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi)';
/** Sources of the membership changes (reference/legal/plan.csv). */
const MINH_LEFT =
  'Nghị quyết của Quốc hội ngày 05/01/2023 phê chuẩn miễn nhiệm Phó Thủ tướng Phạm Bình Minh (nhandan.vn, thanhnien.vn, qdnd.vn)';
const QUANG_HEAD =
  'Bài đăng 25/04/2023 dẫn Thông báo 58/TB-VPCP: "Phó Thủ tướng Trần Lưu Quang, Trưởng ban Chỉ đạo Trung ương" (nguồn thứ cấp, trang sao chép); quyết định giao nhiệm vụ chưa tìm thấy';
const D1945 = '2021-11-18';
const D1061 = '2025-06-02';
const D2594 = '2025-11-26';

/**
 * A member named by QĐ 1061/QĐ-TTg (S72); those QĐ 2594/QĐ-TTg replaced end on 26/11/2025 (S73), the others are
 * confirmed only to 02/06/2025.
 */
const m1061 = (
  role: SeedMember['role'],
  person: string,
  position: string,
  agency?: string,
  replacedBy2594 = false,
): SeedMember => ({
  role,
  person,
  position,
  agency,
  ...(replacedBy2594 ? { validTo: D2594 } : { confirmedUntil: D1061 }),
});
const m2594 = (person: string, position: string, agency?: string): SeedMember => ({
  role: 'member',
  person,
  position,
  agency,
  validFrom: D2594,
  confirmedUntil: D2594,
  instrument: '2594/QĐ-TTg',
  source: `${NOTES} §4.2 [S73]`,
});

export const COMMITTEES: SeedCommittee[] = [
  {
    id: 'BCD-TW-2021',
    level: 'central',
    name: 'Ban Chỉ đạo Trung ương các chương trình mục tiêu quốc gia giai đoạn 2021-2025',
    programs: NTP3,
    instrument: '1945/QĐ-TTg',
    validFrom: D1945,
    validTo: D1061,
    factStatus: 'VERIFIED',
    source: `${NOTES} §4.1 [S70, S71]`,
    members: [
      // left the Government on 05/01/2023: his membership ends then, not in 2025
      {
        role: 'head',
        person: 'Phạm Bình Minh',
        position: 'Phó Thủ tướng Thường trực Chính phủ',
        agency: 'GOV',
        validTo: '2023-01-05',
        source: `${NOTES} §4.1 [S70, S71]; ${MINH_LEFT}`,
        note: 'Thôi giữ chức Phó Thủ tướng ngày 05/01/2023.',
      },
      {
        role: 'head',
        person: 'Trần Lưu Quang',
        position: 'Phó Thủ tướng Chính phủ',
        agency: 'GOV',
        validFrom: '2023-04-25',
        confirmedUntil: '2023-04-25',
        factStatus: 'UNVERIFIED',
        source: QUANG_HEAD,
        note: 'Ngày bắt đầu là ngày nguồn nhắc đến, không phải ngày quyết định; quyết định kiện toàn chưa xác định.',
      },
      // the other members: named by QĐ 1945 only; no later source confirms them, so each is unknown after 18/11/2021
      ...(
        [
          ['Nguyễn Chí Dũng', 'Bộ trưởng Bộ Kế hoạch và Đầu tư', 'MPI'],
          ['Hầu A Lềnh', 'Bộ trưởng, Chủ nhiệm Ủy ban Dân tộc', 'CEMA'],
          ['Đào Ngọc Dung', 'Bộ trưởng Bộ Lao động - Thương binh và Xã hội', 'MOLISA'],
          ['Lê Minh Hoan', 'Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn', 'MARD'],
          ['Trần Văn Sơn', 'Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ', 'VPCP'],
        ] as const
      ).map(([person, position, agency]): SeedMember => ({
        role: 'deputy_head',
        person,
        position,
        agency,
        confirmedUntil: D1945,
      })),
      ...[
        'Bộ Kế hoạch và Đầu tư',
        'Bộ Tài chính',
        'Bộ Công an',
        'Bộ Quốc phòng',
        'Bộ Thông tin và Truyền thông',
        'Bộ Y tế',
        'Văn phòng Chính phủ',
        'Ngân hàng Nhà nước Việt Nam',
        'Bộ Giao thông vận tải',
        'Bộ Xây dựng',
        'Bộ Công Thương',
        'Ngân hàng Chính sách xã hội',
      ].map((org): SeedMember => ({
        role: 'member',
        position: `Lãnh đạo ${org}`,
        confirmedUntil: D1945,
        agency: {
          'Bộ Kế hoạch và Đầu tư': 'MPI',
          'Bộ Tài chính': 'MOF',
          'Bộ Thông tin và Truyền thông': 'MIC',
          'Bộ Y tế': 'MOH',
          'Văn phòng Chính phủ': 'VPCP',
          'Bộ Xây dựng': 'MOC',
        }[org],
      })),
      { role: 'invited', position: 'Đại diện Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam', confirmedUntil: D1945 },
      { role: 'invited', position: 'Đại diện Hội Nông dân Việt Nam', confirmedUntil: D1945 },
    ],
  },
  {
    // official name from QĐ 1061 and 2594 (S72, S73): "… giai đoạn 2021-2025"
    id: 'BCD-TW-2025',
    level: 'central',
    name: 'Ban Chỉ đạo Trung ương các chương trình mục tiêu quốc gia giai đoạn 2021-2025',
    programs: `${NTP3}; chuẩn bị giai đoạn 2026-2030`,
    instrument: '1061/QĐ-TTg',
    validFrom: D1061,
    factStatus: 'VERIFIED',
    source: `${NOTES} §4.2 [S72, S73]`,
    members: [
      m1061('head', 'Nguyễn Hòa Bình', 'Phó Thủ tướng Thường trực Chính phủ', 'GOV'),
      m1061('deputy_head', 'Trần Hồng Hà', 'Phó Thủ tướng Chính phủ', 'GOV'),
      m1061('deputy_head', 'Mai Văn Chính', 'Phó Thủ tướng Chính phủ', 'GOV'),
      m1061('deputy_head', 'Lê Thành Long', 'Phó Thủ tướng Chính phủ', 'GOV'),
      m1061('standing_member', 'Trần Văn Sơn', 'Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ', 'VPCP'),
      m1061('member', 'Lương Tam Quang', 'Bộ trưởng Bộ Công an'),
      m1061('member', 'Nguyễn Văn Thắng', 'Bộ trưởng Bộ Tài chính', 'MOF'),
      m1061('member', 'Đỗ Đức Duy', 'Bộ trưởng Bộ Nông nghiệp và Môi trường', 'MAE', true),
      m1061('member', 'Đào Ngọc Dung', 'Bộ trưởng Bộ Dân tộc và Tôn giáo', 'MEMR'),
      m1061('member', 'Nguyễn Văn Hùng', 'Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch', 'MOCST'),
      m1061('member', 'Vũ Hải Sản', 'Thứ trưởng Bộ Quốc phòng'),
      m1061('member', 'Phạm Mạnh Cường', 'Phó Chủ nhiệm Văn phòng Chính phủ', 'VPCP'),
      m1061('member', 'Trần Thanh Nam', 'Thứ trưởng Bộ Nông nghiệp và Môi trường', 'MAE', true),
      m1061('member', 'Đỗ Xuân Tuyên', 'Thứ trưởng Bộ Y tế', 'MOH', true),
      m1061('member', 'Nguyễn Thanh Tú', 'Thứ trưởng Bộ Tư pháp'),
      m1061('member', 'Nguyễn Văn Sinh', 'Thứ trưởng Bộ Xây dựng', 'MOC'),
      m1061('member', 'Bùi Hoàng Phương', 'Thứ trưởng Bộ Khoa học và Công nghệ', 'MOST'),
      m1061('member', 'Lê Tấn Dũng', 'Thứ trưởng Bộ Giáo dục và Đào tạo', 'MOET'),
      m1061('member', 'Phan Thị Thắng', 'Thứ trưởng Bộ Công Thương'),
      m1061('member', 'Cao Huy', 'Thứ trưởng Bộ Nội vụ', 'MOHA', true),
      m1061('member', 'Đào Minh Tú', 'Phó Thống đốc Ngân hàng Nhà nước Việt Nam', undefined, true),
      m1061('member', 'Dương Quyết Thắng', 'Tổng Giám đốc Ngân hàng Chính sách xã hội', 'VBSP'),
      m1061('member', 'Hoàng Công Thủy', 'Phó Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam'),
      m2594('Trần Đức Thắng', 'Bộ trưởng Bộ Nông nghiệp và Môi trường', 'MAE'),
      m2594('Võ Văn Hưng', 'Thứ trưởng Bộ Nông nghiệp và Môi trường', 'MAE'),
      m2594('Lê Đức Luận', 'Thứ trưởng Bộ Y tế', 'MOH'),
      m2594('Nguyễn Thị Hà', 'Thứ trưởng Bộ Nội vụ', 'MOHA'),
      m2594('Nguyễn Ngọc Cảnh', 'Phó Thống đốc Ngân hàng Nhà nước Việt Nam'),
    ],
  },
  {
    // Tiền Giang province ended on 30/06/2025 (merged on 01/07/2025): its committee cannot outlive it
    id: 'BCD-82-2021',
    level: 'province',
    provinceCode: '82',
    name: 'Ban Chỉ đạo thực hiện các chương trình mục tiêu quốc gia giai đoạn 2021-2025 tỉnh Tiền Giang',
    programs: NTP3,
    instrument: 'Quyết định số 591 của UBND tỉnh Tiền Giang',
    validFrom: '2021-03-11',
    validTo: '2025-07-01',
    factStatus: 'VERIFIED',
    source: `${NOTES} §4.3 [S74]; kết thúc cùng tỉnh Tiền Giang (30/06/2025)`,
    members: [
      { role: 'head', position: 'Chủ tịch UBND tỉnh', confirmedUntil: '2021-03-11' },
      {
        role: 'deputy_head',
        position: 'Phó Chủ tịch UBND tỉnh (Phó Trưởng ban thường trực, Chương trình nông thôn mới)',
        confirmedUntil: '2021-03-11',
      },
      {
        role: 'deputy_head',
        position: 'Phó Chủ tịch UBND tỉnh (Phó Trưởng ban thường trực, Chương trình giảm nghèo bền vững)',
        confirmedUntil: '2021-03-11',
      },
      {
        role: 'deputy_head',
        position: 'Phó Giám đốc Sở Lao động - Thương binh và Xã hội (Phó Trưởng ban phụ trách giảm nghèo)',
        confirmedUntil: '2021-03-11',
      },
    ],
  },
];

/**
 * The successor program (program-2021-2025.md, "Successor program 2026-2035"). Its official Vietnamese name is not in
 * the notes.
 */
export const SUCCESSOR = {
  phase: {
    id: 'CTMTQG-2026-2030',
    name: 'Chương trình mục tiêu quốc gia giai đoạn 2026-2035 (hợp nhất nông thôn mới, giảm nghèo bền vững, vùng đồng bào dân tộc thiểu số và miền núi) — giai đoạn I 2026-2030',
    startYear: 2026,
    endYear: 2030,
    legalBasis: 'Nghị quyết 257/2025/QH15 (11/12/2025); Quyết định 417/QĐ-BNNMT (31/01/2026)',
    objective: 'Tên chính thức của chương trình hợp nhất chưa có trong tài liệu dự án (tên ở đây là mô tả).',
    factStatus: 'PARTIAL',
    source: `${PROGRAM_NOTES} "Successor program 2026-2035" [S92, S93, S94, S95, S97, S98]`,
  },
  targets: [
    ['T1', 'Tỷ lệ nghèo đa chiều giảm hằng năm', '1–1,5 điểm %/năm', 'VERIFIED', 'S92, S96'],
    ['T2', 'Tỷ lệ nghèo đa chiều vùng đồng bào dân tộc thiểu số và miền núi', 'dưới 10%', 'VERIFIED', 'S92, S96'],
    ['T3', 'Tỷ lệ nghèo ở các xã nghèo giảm hằng năm', 'từ 3 điểm %/năm trở lên', 'VERIFIED', 'S92, S96'],
    ['T4', 'Xã nghèo thoát khỏi tình trạng nghèo', '100%', 'VERIFIED', 'S92, S96'],
  ] as [string, string, string, string, string][],
  budget: [
    ['central', 'investment', 70000],
    ['central', 'recurrent', 30000],
    ['central', 'all', 100000],
    ['local', 'all', 300000],
    ['other', 'all', 23000],
    ['total', 'all', 423000],
  ] as [string, string, number][],
  budgetNote: 'Xấp xỉ (≈); "other" = tín dụng chính sách ≈ 23.000 tỷ đồng',
  instruments: [
    {
      kind: 'Nghị quyết',
      number: '257/2025/QH15',
      title: 'Chủ trương đầu tư Chương trình mục tiêu quốc gia giai đoạn 2026-2035',
      issuer: 'Quốc hội',
      issuedOn: '2025-12-11',
      factStatus: 'VERIFIED',
      source: 'S94, S95, S93',
    },
    {
      kind: 'Quyết định',
      number: '417/QĐ-BNNMT',
      title: 'Phê duyệt giai đoạn I (2026-2030) của Chương trình mục tiêu quốc gia giai đoạn 2026-2035',
      issuer: 'Bộ Nông nghiệp và Môi trường',
      issuedOn: '2026-01-31',
      factStatus: 'VERIFIED',
      source: 'S97, S98',
    },
  ] as SeedInstrument[],
};

/** Amendments and replacements between registered instruments (implementation-plan.md §2.1, §4). */
export const INSTRUMENT_LINKS: { number: string; amends?: string; replaces?: string }[] = [
  { number: '38/2023/NĐ-CP', amends: '27/2022/NĐ-CP' },
  { number: '02/2022/TT-BLĐTBXH', amends: '07/2021/TT-BLĐTBXH' }, // replaces forms 7.8, 7.9, 7.10 of Annex VII
  { number: '30/2025/NĐ-CP', amends: '07/2021/NĐ-CP' },
  { number: '1061/QĐ-TTg', replaces: '1945/QĐ-TTg' }, // re-establishes the Central Steering Committee
  { number: '2594/QĐ-TTg', amends: '1061/QĐ-TTg' }, // updates its membership
];
